import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agenda } from 'agenda';
import type { Sequelize } from 'sequelize';
import { SequelizeBackend } from '../../src/jobs/sql-backend/index.js';
import { agendaTestTargets } from './support/agenda-databases.js';
import type { AgendaTestDatabase } from './support/agenda-databases.js';
import { waitUntil } from '../support/wait.js';
import { TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'claim-worker.ts');

/** A worker process (support/claim-worker.ts) and what it printed. */
interface Worker { name: string; child: ChildProcess; lines: string[] }

for (const target of agendaTestTargets()) {
  describe(`agenda SQL backend across worker processes (${target.label})`, function () {
    this.timeout(240_000);
    let db: AgendaTestDatabase;
    let main: Sequelize;
    const workers: Worker[] = [];
    const opened: Sequelize[] = [];

    async function start(name: string, env: Record<string, string> = {}): Promise<Worker> {
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
        env: { ...process.env, DB_URL: db.url, WORKER_NAME: name, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const w: Worker = { name, child, lines: [] };
      let buffered = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const parts = buffered.split('\n');
        buffered = parts.pop()!;
        w.lines.push(...parts);
      });
      workers.push(w);
      await waitUntil(`${name} to start`, () => w.lines.includes('READY') || child.exitCode !== null, 90_000);
      expect(child.exitCode, `${name} exited early`).to.equal(null);
      return w;
    }

    /** A producer as an API process has it: its own connection and backend; Agenda not started. */
    async function producer(wake?: { url: string; channel: string }) {
      const sequelize = await db.connect();
      opened.push(sequelize);
      const backend = new SequelizeBackend({ sequelize, wake });
      const agenda = new Agenda({ backend, name: 'producer' });
      await agenda.ready;
      return { agenda, backend };
    }

    const ran = () => workers.flatMap(w => w.lines.filter(l => l.startsWith('RAN ')).map(l => ({ id: l.slice(4), by: w.name })));
    const problems = () => workers.flatMap(w => w.lines.filter(l => l.startsWith('TWICE ') || l.startsWith('ERROR ')).map(l => `${w.name}: ${l}`));

    before(async () => {
      db = await target.create();
      main = await db.connect();
      await main.query('CREATE TABLE job_runs (job_id VARCHAR(36) NOT NULL PRIMARY KEY, worker VARCHAR(64) NOT NULL)');
    });
    after(async () => db?.dispose());
    afterEach(async () => {
      await Promise.all(workers.splice(0).map(w => new Promise(resolve => {
        if (w.child.exitCode !== null) return resolve(null);
        w.child.once('exit', resolve);
        w.child.kill('SIGTERM');
      })));
      await Promise.all(opened.splice(0).map(s => db.release(s)));
      await main.query('DELETE FROM job_runs');
      await main.query('DELETE FROM agenda_jobs');
    });

    it('four worker processes claiming in batches run each of 400 jobs exactly once, while jobs keep arriving', async () => {
      const ws = [];
      for (let i = 0; i < 4; i += 1) ws.push(await start(`w${i}`));
      const { agenda, backend } = await producer();
      // In bursts, so the workers race for jobs that arrive while they claim.
      for (let burst = 0; burst < 8; burst += 1) {
        await Promise.all(Array.from({ length: 50 }, (_, i) => agenda.now('unique-run', { burst, i })));
      }
      await waitUntil('all 400 jobs to run', () => ran().length >= 400 || problems().length > 0, 180_000);
      const unfinished = async () => (await main.query('SELECT id, locked_at, last_run_at, last_finished_at, last_modified_by FROM agenda_jobs WHERE last_finished_at IS NULL OR locked_at IS NOT NULL'))[0];
      await waitUntil('every row finished and unlocked', async () => (await unfinished()).length === 0, 60_000)
        .catch(async (error: Error) => { throw new Error(`${error.message}: ${JSON.stringify((await unfinished()).slice(0, 5))}`); });
      expect(problems(), 'runs refused by the unique key, or errors').to.deep.equal([]);
      const all = ran();
      expect(new Set(all.map(r => r.id)).size).to.equal(400);
      expect(all).to.have.length(400);
      const [rows] = await main.query('SELECT COUNT(*) AS n FROM job_runs');
      expect(Number((rows as { n: number }[])[0]!.n)).to.equal(400);
      expect(new Set(all.map(r => r.by)).size, 'workers that ran jobs').to.be.greaterThan(1);
      await backend.close();
    });

    it('with Redis, a job enqueued in another process starts at once although workers poll only every minute', async () => {
      const channel = `${uniquePrefix()}jobs:wake`;
      const env = { WAKE_REDIS_URL: TEST_REDIS_URL, WAKE_CHANNEL: channel, PROCESS_EVERY: '60000' };
      await start('w0', env);
      await start('w1', env);
      const { agenda, backend } = await producer({ url: TEST_REDIS_URL, channel });
      // Agenda polls once when it starts; anything later than that within the minute comes from a wake-up.
      await new Promise(resolve => setTimeout(resolve, 300)); // lets the subscriptions settle after READY (no condition to watch)
      for (let round = 0; round < 3; round += 1) {
        const started = Date.now();
        const job = await agenda.now('unique-run', { round });
        await waitUntil(`job ${round} to run`, () => ran().some(r => r.id === String(job.attrs._id)), 20_000);
        expect(Date.now() - started, 'enqueue to run, far below the one-minute poll').to.be.below(15_000);
      }
      expect(problems()).to.deep.equal([]);
      expect(ran()).to.have.length(3);
      await backend.close();
    });

    it('without Redis the same workers still run the job, at their next poll', async () => {
      await start('w0', { PROCESS_EVERY: '300' });
      const { agenda } = await producer();
      const job = await agenda.now('unique-run', { polled: true });
      await waitUntil('the polled job to run', () => ran().some(r => r.id === String(job.attrs._id)), 60_000);
      expect(problems()).to.deep.equal([]);
    });

    it('an idle worker sends at most 5 statements per second, whatever the number of job names', async () => {
      const statements: string[] = [];
      const traced = await db.connect(sql => statements.push(sql));
      opened.push(traced);
      const backend = new SequelizeBackend({ sequelize: traced });
      const agenda = new Agenda({ backend, name: 'idle', processEvery: 250 });
      for (let i = 0; i < 12; i += 1) agenda.define(`idle-${i}`, async () => undefined);
      await agenda.ready;
      await agenda.create('idle-3', {}).schedule(new Date(Date.now() + 3_600_000)).save(); // something scheduled, not due
      await agenda.start();
      await waitUntil('the first polls', () => statements.length > 0, 10_000);
      const from = statements.length;
      const seconds = 4;
      await new Promise(resolve => setTimeout(resolve, seconds * 1000)); // the measurement window itself
      const perSecond = (statements.length - from) / seconds;
      await agenda.stop();
      // Four polls a second at processEvery 250 ms, one statement each (it was 2 per job name per poll: 96/s here).
      expect(perSecond, statements.slice(from, from + 5).join('\n')).to.be.at.most(5);
      expect(perSecond, 'it still polls').to.be.at.least(1);
    });
  });
}
