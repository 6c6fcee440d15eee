import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import { Agenda } from 'agenda';
import type { Job } from 'agenda';
import { SequelizeBackend, SequelizeJobRepository } from '../../src/jobs/sql-backend/index.js';
import { agendaTestTargets } from './support/agenda-databases.js';
import type { AgendaTestDatabase } from './support/agenda-databases.js';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
/** Ceiling of every wait: conditions end the waits, this only bounds a broken run on a loaded 2-core machine. */
const PATIENCE = 60_000;

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string | (() => string)): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await sleep(25);
  }
}

for (const target of agendaTestTargets()) {
  describe(`agenda SQL backend with real workers (${target.label})`, function () {
    this.timeout(240_000);
    let db: AgendaTestDatabase;
    let repo: SequelizeJobRepository;
    const agendas: Agenda[] = [];
    const connections: Sequelize[] = [];
    const errors: Error[] = [];
    /** Completed getNextJobToRun calls per job name, across this test's workers. */
    const polls = new Map<string, number>();
    /** getNextJobToRun calls still running, per worker name. */
    const inFlight = new Map<string, number>();

    async function connection() {
      const sequelize = await db.connect();
      connections.push(sequelize);
      return sequelize;
    }

    /** A worker as a separate process would have it: its own connection and Agenda. */
    async function worker(name: string, options: Partial<ConstructorParameters<typeof Agenda>[0]> = {}) {
      const backend = new SequelizeBackend({ sequelize: await connection() });
      const repository = backend.repository;
      const poll = repository.getNextJobToRun.bind(repository);
      repository.getNextJobToRun = async (...args: Parameters<typeof poll>) => {
        inFlight.set(name, (inFlight.get(name) ?? 0) + 1);
        try { return await poll(...args); } finally {
          inFlight.set(name, inFlight.get(name)! - 1);
          polls.set(args[0], (polls.get(args[0]) ?? 0) + 1);
        }
      };
      // Agenda's constructor connects too but cannot report a failure; surface it here.
      await backend.connect();
      const agenda = new Agenda({ backend, name, processEvery: 100, ...options });
      agenda.on('error', (error: Error) => errors.push(error));
      agendas.push(agenda);
      await agenda.ready;
      return agenda;
    }

    before(async () => {
      db = await target.create();
      repo = new SequelizeJobRepository({ sequelize: await db.connect() });
    });
    after(async () => db?.dispose());
    beforeEach(async () => {
      errors.length = 0;
      polls.clear();
      inFlight.clear();
      await repo.purgeAllJobs();
    });
    afterEach(async () => {
      await Promise.all(agendas.splice(0).map(a => a.stop().catch(() => undefined)));
      await Promise.all(connections.splice(0).map(c => db.release(c)));
    });

    it('racing getNextJobToRun calls on four connections lock each of 200 jobs exactly once', async () => {
      for (let i = 0; i < 200; i += 1) {
        await repo.saveJob({ name: 'race', priority: 0, type: 'normal', nextRunAt: new Date(Date.now() - 1000), data: { i } }, undefined);
      }
      const repos = await Promise.all([1, 2, 3, 4].map(async () => new SequelizeJobRepository({ sequelize: await connection() })));
      const claimed = await Promise.all(
        repos.map(async (r, w) => {
          const mine: string[] = [];
          for (let misses = 0; misses < 3; ) {
            const job = await r.getNextJobToRun('race', new Date(Date.now() + 100), new Date(Date.now() - 60_000), undefined, { lastModifiedBy: `w${w}` });
            if (job) mine.push(String(job._id));
            else misses += 1;
          }
          return mine;
        }),
      );
      const all = claimed.flat();
      expect(new Set(all).size, 'no job locked twice').to.equal(all.length);
      expect(all.length).to.equal(200);
      expect(claimed.filter(c => c.length > 0).length, 'workers that won some jobs').to.be.greaterThan(1);
    });

    it('two Agenda workers sharing the database run each of 200 jobs exactly once', async () => {
      const runs = new Map<string, string[]>();
      const define = (agenda: Agenda, name: string) =>
        agenda.define('deliver', async (job: Job) => {
          const id = String(job.attrs._id);
          runs.set(id, [...(runs.get(id) ?? []), name]);
          await sleep(Math.random() * 5);
        });
      const producer = await worker('producer');
      for (let i = 0; i < 200; i += 1) await producer.now('deliver', { i });

      const options = { defaultConcurrency: 5, maxConcurrency: 10, defaultLockLimit: 10 };
      const a = await worker('worker-a', options);
      const b = await worker('worker-b', options);
      define(a, 'worker-a');
      define(b, 'worker-b');
      await Promise.all([a.start(), b.start()]);
      // Ceilings, not sleeps: generous for a 2-core machine shared with other test runs.
      await waitFor(() => runs.size === 200, 120_000, () => `all 200 jobs to run (${runs.size} ran, polls in flight ${JSON.stringify([...inFlight])})`);
      // Every row finished and unlocked: a one-off job that finished has no next run, so nothing can run it again.
      await waitFor(async () => (await repo.queryJobs({ name: 'deliver' })).jobs.every(j => j.lastFinishedAt && !j.lockedAt), PATIENCE, 'all 200 rows to be finished');
      await Promise.all([a.drain(), b.drain()]); // handlers still in flight finish before we count

      const duplicates = [...runs.entries()].filter(([, by]) => by.length !== 1);
      expect(duplicates, 'jobs run more than once').to.deep.equal([]);
      const perWorker = (w: string) => [...runs.values()].filter(by => by[0] === w).length;
      expect(perWorker('worker-a') + perWorker('worker-b')).to.equal(200);
      expect(perWorker('worker-a'), 'worker-a share').to.be.greaterThan(0);
      expect(perWorker('worker-b'), 'worker-b share').to.be.greaterThan(0);
      const { jobs } = await repo.queryJobs({ name: 'deliver' });
      expect(jobs.filter(j => j.lockedAt || !j.lastFinishedAt || j.failCount)).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    });

    it('a job whose worker died mid-run is picked up by another worker once its lock expires', async () => {
      let releaseA: () => void = () => undefined;
      let startedA = false;
      const a = await worker('worker-a', { defaultLockLifetime: 60_000 });
      a.define('stuck', async () => {
        startedA = true;
        await new Promise<void>(resolve => { releaseA = resolve; });
      });
      const created = await a.now('stuck', { n: 1 });
      await a.start();
      await waitFor(() => startedA, PATIENCE, 'worker A to start the job');
      await a.stop(); // running jobs keep their lock, as after a crash
      const lockedAt = (await repo.getJobById(String(created.attrs._id)))?.lockedAt;
      expect(lockedAt, 'lock left behind').to.be.instanceOf(Date);

      let ranAtB = 0;
      const lockLifetime = 1500;
      const b = await worker('worker-b', { defaultLockLifetime: lockLifetime });
      b.define('stuck', async () => { ranAtB = Date.now(); });
      await b.start();
      await waitFor(() => ranAtB > 0, PATIENCE, 'worker B to take over the job');
      expect(ranAtB - lockedAt!.getTime(), 'not before the lock expired').to.be.at.least(lockLifetime - 50);
      await waitFor(async () => (await repo.getJobById(String(created.attrs._id)))?.lastFinishedAt !== undefined, PATIENCE, 'B to finish');
      expect((await repo.getJobById(String(created.attrs._id)))?.lockedAt).to.equal(undefined);
      releaseA();
    });

    it('jobs locked but not started by a stopped worker are released and run elsewhere at once', async () => {
      // Agenda polls every processEvery without waiting for the previous poll, and stop() does not wait for a
      // poll in flight: one that lands after stop() released the queued jobs locks one again, for nobody.
      // A lock limit of exactly four makes Agenda hand such a late lock straight back (shouldLock is false).
      const a = await worker('worker-a', { maxConcurrency: 1, defaultLockLimit: 4 });
      let releaseA: () => void = () => undefined;
      let runningAtA: string | undefined;
      a.define('batch', async (job: Job) => {
        runningAtA = String(job.attrs._id);
        await new Promise<void>(resolve => { releaseA = resolve; });
      });
      const ids: string[] = [];
      for (let i = 0; i < 4; i += 1) ids.push(String((await a.now('batch', { i })).attrs._id));
      await a.start();
      // Four locks in the database are not enough: on a loaded machine A can hold all four before its
      // first handler starts, and then stop() rightly releases all four (B would run four, not three).
      await waitFor(async () => runningAtA !== undefined && (await repo.queryJobs({ name: 'batch', state: 'running' })).total === 4, PATIENCE, 'A to lock four jobs and start one');
      await a.stop(); // unlocks the three queued ones; the running one keeps its lock
      await waitFor(() => !inFlight.get('worker-a'), PATIENCE, 'polls of the stopped worker to settle');
      // B would wait ten minutes for an expired lock: finishing within PATIENCE means the jobs were released.
      const b = await worker('worker-b', { defaultLockLifetime: 600_000 });
      const ranB: string[] = [];
      b.define('batch', async (job: Job) => { ranB.push(String(job.attrs._id)); });
      await b.start();
      const released = ids.filter(id => id !== runningAtA);
      const finished = async (id: string) => (await repo.getJobById(id))?.lastFinishedAt !== undefined;
      await waitFor(async () => (await Promise.all(released.map(finished))).every(Boolean), PATIENCE, 'B to run the three released jobs');
      expect([...ranB].sort()).to.deep.equal([...released].sort());
      const held = await repo.getJobById(runningAtA!);
      expect(held?.lockedAt, 'the running job keeps its lock').to.be.instanceOf(Date);
      expect(held?.lastFinishedAt).to.equal(undefined);
      releaseA();
    });

    it('records success, failure, progress and skips disabled jobs', async () => {
      const w = await worker('worker-a');
      w.define('ok', async (job: Job) => { await job.touch(50); });
      w.define('bad', async () => { throw new Error('provider down'); });
      w.define('off', async () => { throw new Error('disabled job ran'); });
      const ok = await w.now('ok');
      const bad = await w.now('bad');
      const off = await w.create('off', {}).disable().save();
      await w.start();
      const read = (j: Job) => repo.getJobById(String(j.attrs._id));
      await waitFor(async () => Boolean((await read(ok))?.lastFinishedAt && (await read(bad))?.failedAt), PATIENCE, 'both jobs');
      expect(await read(ok)).to.include({ progress: 50 });
      expect((await read(ok))?.lockedAt).to.equal(undefined);
      expect(await read(bad)).to.include({ failCount: 1, failReason: 'provider down' });
      // Two more complete polls for 'off' since both jobs finished: the worker looked and left it alone.
      const seen = polls.get('off') ?? 0;
      await waitFor(() => (polls.get('off') ?? 0) >= seen + 2, PATIENCE, 'two polls for the disabled job');
      expect((await read(off))?.lastRunAt).to.equal(undefined);
    });

    it('every() from two workers at once keeps a single recurring job', async () => {
      const [a, b] = [await worker('worker-a'), await worker('worker-b')];
      await Promise.all([a.every('5 minutes', 'digest'), b.every('5 minutes', 'digest'), a.every('5 minutes', 'digest')]);
      const { jobs } = await repo.queryJobs({ name: 'digest' });
      expect(jobs.map(j => j.repeatInterval)).to.deep.equal(['5 minutes']);
    });

    it('the probe and the claim are served by the agenda_jobs_poll index, the claim without a sort', async () => {
      for (let i = 0; i < 300; i += 1) {
        await repo.saveJob({ name: `n${i % 10}`, priority: 0, type: 'normal', nextRunAt: new Date(Date.now() + (i - 150) * 1000), data: null }, undefined);
      }
      const logged: string[] = [];
      const probe = await connection();
      const traced = await db.connect(sql => logged.push(sql));
      connections.push(traced);
      const job = await new SequelizeJobRepository({ sequelize: traced }).getNextJobToRun('n3', new Date(), new Date(Date.now() - 60_000), undefined, undefined);
      expect(job?.name).to.equal('n3');
      const sent = logged.map(s => s.replace(/^Executing \([^)]*\): /, ''));
      const probes = sent.filter(s => /UNION ALL/.test(s));
      const claims = sent.filter(s => (db.dialect === 'sqlite' ? /^UPDATE .* RETURNING/s : /^SELECT .*FOR UPDATE SKIP LOCKED/s).test(s));
      expect(probes, 'one probe').to.have.length(1);
      expect(claims, 'one batch claim').to.have.length(1);
      if (db.dialect === 'mysql') await probe.query('ANALYZE TABLE agenda_jobs');
      for (const sql of [...probes, ...claims]) {
        const explain = db.dialect === 'sqlite' ? `EXPLAIN QUERY PLAN ${sql}` : `EXPLAIN ${sql.replace(/ FOR UPDATE SKIP LOCKED/, '')}`;
        const plan = JSON.stringify((await probe.query(explain))[0]);
        expect(plan, sql).to.match(db.dialect === 'sqlite' ? /USING (COVERING )?INDEX agenda_jobs_poll/ : /"key":"agenda_jobs_poll"/);
      }
      // The due-jobs scan is the one that grows with a backlog: it must come out of the index already ordered.
      const claimPlan = JSON.stringify((await probe.query(db.dialect === 'sqlite' ? `EXPLAIN QUERY PLAN ${claims[0]}` : `EXPLAIN ${claims[0].replace(/ FOR UPDATE SKIP LOCKED/, '')}`))[0]);
      expect(claimPlan).not.to.match(/TEMP B-TREE|filesort/i);
    });
  });
}
