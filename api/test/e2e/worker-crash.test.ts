import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { services, sleep, TEST_JWT_SECRET, type TestServer } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { ledgerOf } from '../support/foundation-helpers.js';
import { GenerationJob } from '../../src/models/index.js';

/**
 * A worker process killed with SIGKILL in the middle of a job: another worker process takes the job over once
 * the dead one's lease has gone stale, and the job ends either made or refunded, never both, never charged twice.
 * Real child processes on a shared database (a shared SQLite file, a shared MariaDB database).
 */
const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'support', 'worker-process.ts');
const LEASE_MS = 1500;

interface Worker { proc: ChildProcess; output: () => string; exited: Promise<number | null> }

function startWorker(s: TestServer, dbUrl: string, name: string, slowMs: number): Promise<Worker> {
  const proc = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: {
      ...process.env, NODE_ENV: 'test', ROLE: 'worker', DATABASE_URL: dbUrl, DATA_DIR: s.dataDir, AUTH_JWT_SECRET: TEST_JWT_SECRET,
      // The same secrets as the harness: the master key decrypts the partner rows both processes share.
      PAYMENTS_SANDBOX_SECRET: 'sandbox-secret-for-tests-0123456789', MASTER_KEY: 'master-key-for-tests-0123456789',
      JOB_LEASE_MS: String(LEASE_MS), JOB_POLL_MS: '50', JOB_SWEEP_EVERY: '1 second', JOB_RETRY_DELAYS_MS: '50,50,50',
      TEST_SLOW_PROVIDER_MS: String(slowMs), WORKER_NAME: name, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${name} did not start:\n${out}`)), 30000);
    proc.stdout!.on('data', () => {
      if (out.includes('READY')) { clearTimeout(timer); resolve({ proc, output: () => out, exited }); }
    });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`worker ${name} exited with ${code}:\n${out}`)); });
  });
}

async function waitUntil<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describeEachDatabase('worker killed mid-job', { timeout: 90000, server: { worker: false } }, function (db) {
    const s = db.server;
    let dbUrl: string;
    const workers: Worker[] = [];
    before(async () => {
      dbUrl = db.url;
    });
    after(async () => {
      for (const w of workers) if (w.proc.exitCode === null && w.proc.signalCode === null) { w.proc.kill('SIGTERM'); await w.exited; }
    });

    it('the job is finished by another worker or refunded, never both, never charged twice', async () => {
      const tok = s.token('crashy');
      await s.grant('crashy', 10);
      const gen = async (prompt: string) => {
        const r = await s.call('POST', '/api/studio/generate', { token: tok, body: { prompt, tier: 'premium2' } });
        expect(r.status).to.equal(202);
        return r.body as { jobId: string; imageId: string };
      };
      // Two jobs: one with attempts left (taken over and made), one on its last attempt (taken over and refunded).
      const a = await gen('a poster that survives a crash');
      const b = await gen('a poster on its last attempt');
      await GenerationJob.update({ maxAttempts: 1 }, { where: { id: b.jobId } });

      const first = await startWorker(s, dbUrl, 'doomed', 60000);
      workers.push(first);
      await waitUntil('both jobs running', async () => {
        const rows = await GenerationJob.findAll({ where: { id: [a.jobId, b.jobId] } });
        return rows.every((r) => r.status === 'running' && r.attempts === 1);
      });
      first.proc.kill('SIGKILL');
      await first.exited;
      const owner = (await GenerationJob.findByPk(a.jobId))!.workerToken;
      expect(owner).to.match(/^doomed:/);
      expect((await GenerationJob.findByPk(a.jobId))!.status).to.equal('running');

      const second = await startWorker(s, dbUrl, 'rescuer', 200);
      workers.push(second);
      const [ja, jb] = await Promise.all([a.jobId, b.jobId].map((id) => waitUntil(`job ${id} finished`, async () => {
        const r = await GenerationJob.findByPk(id);
        return r && (r.status === 'succeeded' || r.status === 'failed') ? r : undefined;
      })));
      // Anything still in flight on the rescuer (a re-triggered Agenda job, a sweep) has run out once a sweep that
      // started a full lease after both jobs finished has completed, and no generation trigger is locked.
      const settledAt = Math.max(ja!.updatedAt.getTime(), jb!.updatedAt.getTime()) + LEASE_MS;
      await waitUntil('a sweep after the leases and no locked trigger', async () => {
        const [sweep] = (await services().db.sequelize.query(
          "SELECT last_run_at AS ran, last_finished_at AS finished FROM agenda_jobs WHERE name = 'generation-sweeper'", { type: QueryTypes.SELECT })) as { ran: string | Date | null; finished: string | Date | null }[];
        const locked = (await services().db.sequelize.query(
          "SELECT COUNT(*) AS n FROM agenda_jobs WHERE name = 'generate-image' AND locked_at IS NOT NULL", { type: QueryTypes.SELECT })) as { n: number | string }[];
        const time = (d: string | Date | null | undefined) => (d ? new Date(d).getTime() : 0);
        return time(sweep?.ran) >= settledAt && time(sweep?.finished) >= time(sweep?.ran) && Number(locked[0]!.n) === 0;
      }, 60000);

      expect(ja!.status, second.output()).to.equal('succeeded');
      expect(ja!.workerToken).to.match(/^rescuer/);
      expect(ja!.attempts).to.equal(2);
      expect(ja!.refunded).to.equal(false);
      expect(fs.existsSync(path.join(s.dataDir, 'images'))).to.equal(true);
      const view = await s.call('GET', `/api/studio/generate/${a.jobId}`, { token: tok });
      expect(view.body.status).to.equal('succeeded');
      expect((await fetch(view.body.imageUrl)).status).to.equal(200);

      expect(jb!.status).to.equal('failed');
      expect(jb!.refunded).to.equal(true);

      const ledger = await ledgerOf('crashy');
      const forJob = (id: string) => ledger.filter((e) => e.refId === id).map((e) => e.reason).sort();
      expect(forJob(a.jobId)).to.deep.equal(['generation']);
      expect(forJob(b.jobId)).to.deep.equal(['generation', 'refund']);
      const bal = await s.call('GET', '/api/credits/balance', { token: tok });
      expect(bal.body.credits).to.equal(8);
      await s.ledgerOk();
    });
});
