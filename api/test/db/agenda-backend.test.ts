import { expect } from 'chai';
import type { Sequelize } from 'sequelize';
import type { JobParameters } from 'agenda';
import { SequelizeBackend, SequelizeJobRepository } from '../../src/jobs/sql-backend/index.js';
import { agendaTestTargets } from './support/agenda-databases.js';
import type { AgendaTestDatabase } from './support/agenda-databases.js';
import { waitUntil } from '../support/wait.js';

const ago = (ms: number) => new Date(Date.now() - ms);
const later = (ms: number) => new Date(Date.now() + ms);
const job = (over: Partial<JobParameters> = {}): JobParameters => ({
  name: 'send-mail',
  priority: 0,
  nextRunAt: ago(1000),
  type: 'normal',
  data: { to: 'a@example.test' },
  ...over,
});
const scan = () => ({ nextScanAt: later(100), lockDeadline: ago(60_000) });

for (const target of agendaTestTargets()) {
  describe(`agenda SQL job repository (${target.label})`, function () {
    let db: AgendaTestDatabase;
    let sequelize: Sequelize;
    let repo: SequelizeJobRepository;

    before(async () => {
      db = await target.create();
      sequelize = await db.connect();
      repo = new SequelizeBackend({ sequelize }).repository;
      await repo.connect();
    });
    after(async () => db?.dispose());
    beforeEach(async () => {
      await repo.purgeAllJobs();
    });

    it('fails to connect with a readable error when the table is missing', async () => {
      const missing = new SequelizeJobRepository({ sequelize, tableName: 'no_such_jobs' });
      const error = await missing.connect().then(() => null, (e: Error) => e);
      expect(error?.message).to.match(/no_such_jobs.*run the migrations/);
    });

    it('inserts, reads back and updates a job with its data and dates intact', async () => {
      const nextRunAt = new Date('2030-01-02T03:04:05.678Z');
      const saved = await repo.saveJob(job({ nextRunAt, data: { n: 1, nested: { ok: true } } }), { lastModifiedBy: 'w1' });
      expect(saved._id).to.be.a('string');
      const read = await repo.getJobById(saved._id!);
      expect(read?.nextRunAt?.toISOString()).to.equal('2030-01-02T03:04:05.678Z');
      expect(read).to.include({ name: 'send-mail', type: 'normal', disabled: false, lastModifiedBy: 'w1' });
      expect(read?.data).to.deep.equal({ n: 1, nested: { ok: true } });

      const updated = await repo.saveJob({ ...saved, priority: 10, data: { n: 2 } }, undefined);
      expect(updated._id).to.equal(saved._id);
      expect(updated).to.include({ priority: 10 });
      expect(updated.data).to.deep.equal({ n: 2 });
      expect(await repo.getJobById('not-an-id')).to.equal(null);
    });

    it('keeps number and string repeat intervals apart', async () => {
      const a = await repo.saveJob(job({ repeatInterval: 5000, skipDays: [0, 6] }), undefined);
      const b = await repo.saveJob(job({ repeatInterval: '5 minutes', repeatTimezone: 'Europe/Paris' }), undefined);
      expect((await repo.getJobById(a._id!))?.repeatInterval).to.equal(5000);
      expect((await repo.getJobById(a._id!))?.skipDays).to.deep.equal([0, 6]);
      expect(await repo.getJobById(b._id!)).to.include({ repeatInterval: '5 minutes', repeatTimezone: 'Europe/Paris' });
    });

    it('an update from Job.save() leaves processor-owned fields alone', async () => {
      const saved = await repo.saveJob(job(), undefined);
      const locked = await repo.lockJob(saved, undefined);
      expect(locked?.lockedAt).to.be.instanceOf(Date);
      // Job.save() sends toJson(true): no lockedAt/lastRunAt/failCount keys at all.
      await repo.saveJob({ _id: saved._id, name: 'send-mail', priority: 3, nextRunAt: saved.nextRunAt, type: 'normal', data: {} }, undefined);
      expect((await repo.getJobById(saved._id!))?.lockedAt?.getTime()).to.equal(locked!.lockedAt!.getTime());
    });

    it("type 'single' keeps one row per name and protects a stored schedule from a past nextRunAt", async () => {
      const first = await repo.saveJob(job({ name: 'cleanup', type: 'single', nextRunAt: later(60_000), data: { v: 1 } }), undefined);
      const again = await repo.saveJob(job({ name: 'cleanup', type: 'single', nextRunAt: new Date(), data: { v: 2 } }), undefined);
      expect(again._id).to.equal(first._id);
      expect(again.nextRunAt?.getTime()).to.equal(first.nextRunAt?.getTime());
      expect(again.data).to.deep.equal({ v: 2 });
      const moved = await repo.saveJob(job({ name: 'cleanup', type: 'single', nextRunAt: later(120_000) }), undefined);
      expect(moved.nextRunAt!.getTime()).to.be.greaterThan(first.nextRunAt!.getTime());
      expect((await repo.queryJobs({ name: 'cleanup' })).total).to.equal(1);
    });

    it('unique jobs upsert on the unique query, insertOnly keeps the first, racing saves make one row', async () => {
      const a = await repo.saveJob({ ...job({ data: { user: 1, v: 1 } }), unique: { 'data.user': 1 } }, undefined);
      const b = await repo.saveJob({ ...job({ data: { user: 1, v: 2 } }), unique: { 'data.user': 1 } }, undefined);
      expect(b._id).to.equal(a._id);
      expect(b.data).to.deep.equal({ user: 1, v: 2 });
      const c = await repo.saveJob(
        { ...job({ data: { user: 1, v: 3 } }), unique: { 'data.user': 1 }, uniqueOpts: { insertOnly: true } },
        undefined,
      );
      expect(c.data).to.deep.equal({ user: 1, v: 2 });
      const other = await db.connect();
      const otherRepo = new SequelizeJobRepository({ sequelize: other });
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? repo : otherRepo).saveJob({ ...job({ name: 'race', data: { i } }), unique: { k: 'x' } }, undefined),
        ),
      );
      await db.release(other);
      expect((await repo.queryJobs({ name: 'race' })).total).to.equal(1);
    });

    it('trailing debounce pushes the run back but never past maxWait', async () => {
      const unique = { 'data.key': 'd1' };
      const before = Date.now();
      const first = await repo.saveJob({ ...job({ nextRunAt: new Date() }), unique, uniqueOpts: { debounce: { delay: 2000, maxWait: 2000 } } }, undefined);
      expect(first.debounceStartedAt).to.be.instanceOf(Date);
      // Measured from before the call, so a slow save on a loaded machine cannot fail it.
      expect(first.nextRunAt!.getTime()).to.be.at.least(before + 2000);
      // The clock must move past the first save, so that the second one's own delay would end later than maxWait.
      const moved = first.debounceStartedAt!.getTime() + 300;
      while (Date.now() < moved) await new Promise(r => setTimeout(r, moved - Date.now()));
      const second = await repo.saveJob({ ...job({ nextRunAt: new Date() }), unique, uniqueOpts: { debounce: { delay: 2000, maxWait: 2000 } } }, undefined);
      expect(second.nextRunAt!.getTime()).to.equal(first.debounceStartedAt!.getTime() + 2000);
    });

    it('getNextJobToRun locks due jobs by nextRunAt then priority and skips disabled, future and locked ones', async () => {
      await repo.saveJob(job({ name: 'q', nextRunAt: later(60_000) }), undefined);
      await repo.saveJob(job({ name: 'q', disabled: true, nextRunAt: ago(99_000) }), undefined);
      const sameTime = ago(5000);
      const low = await repo.saveJob(job({ name: 'q', priority: 1, nextRunAt: sameTime }), undefined);
      const high = await repo.saveJob(job({ name: 'q', priority: 9, nextRunAt: sameTime }), undefined);
      const older = await repo.saveJob(job({ name: 'q', priority: -5, nextRunAt: ago(9000) }), undefined);
      const { nextScanAt, lockDeadline } = scan();
      const order = [];
      for (let i = 0; i < 4; i += 1) order.push((await repo.getNextJobToRun('q', nextScanAt, lockDeadline, undefined, undefined))?._id);
      expect(order).to.deep.equal([older._id, high._id, low._id, undefined]);
      expect((await repo.getJobById(high._id!))?.lockedAt).to.be.instanceOf(Date);
    });

    it('overlapping polls for one job name on one worker: one locks, the other answers nothing at once', async () => {
      // Agenda does not wait for a poll before starting the next; on a slow database they must not pile up.
      for (let i = 0; i < 3; i += 1) await repo.saveJob(job({ name: 'o', data: { i } }), undefined);
      await repo.saveJob(job({ name: 'other' }), undefined);
      const { nextScanAt, lockDeadline } = scan();
      const [a, b, c] = await Promise.all([
        repo.getNextJobToRun('o', nextScanAt, lockDeadline, undefined, undefined),
        repo.getNextJobToRun('o', nextScanAt, lockDeadline, undefined, undefined),
        repo.getNextJobToRun('other', nextScanAt, lockDeadline, undefined, undefined),
      ]);
      expect(a?.name).to.equal('o');
      expect(b, 'the overlapping poll of the same name').to.equal(undefined);
      expect(c?.name, 'another name polls on its own').to.equal('other');
      // Once the first poll is done, polling goes on as before.
      const next = await repo.getNextJobToRun('o', nextScanAt, lockDeadline, undefined, undefined);
      expect(next?.name).to.equal('o');
      expect(next?._id).not.to.equal(a?._id);
    });

    it('an expired lock (dead worker) is claimed again, a fresh one is not', async () => {
      const stale = await repo.saveJob(job({ name: 'r', nextRunAt: null, lockedAt: ago(3_600_000) }), undefined);
      await repo.saveJob(job({ name: 'r', lockedAt: ago(1000) }), undefined);
      const deadline = ago(10 * 60_000);
      const claimed = await repo.getNextJobToRun('r', later(100), deadline, undefined, { lastModifiedBy: 'w2' });
      expect(claimed?._id).to.equal(stale._id);
      expect(claimed?.lockedAt!.getTime()).to.be.closeTo(Date.now(), 2000);
      expect(claimed?.lastModifiedBy).to.equal('w2');
      expect(await repo.getNextJobToRun('r', later(100), deadline, undefined, undefined)).to.equal(undefined);
    });

    it('lockJob only locks an unlocked, enabled job whose nextRunAt still matches', async () => {
      const saved = await repo.saveJob(job(), undefined);
      expect(await repo.lockJob({ ...saved, nextRunAt: later(5000) }, undefined)).to.equal(undefined);
      expect(await repo.lockJob(saved, undefined)).to.have.property('lockedAt');
      expect(await repo.lockJob(saved, undefined)).to.equal(undefined);
      const off = await repo.saveJob(job({ disabled: true }), undefined);
      expect(await repo.lockJob(off, undefined)).to.equal(undefined);
    });

    it('unlock releases jobs with a next run and leaves mid-run ones (nextRunAt null) locked', async () => {
      const a = await repo.saveJob(job({ lockedAt: new Date() }), undefined);
      const b = await repo.saveJob(job({ lockedAt: new Date(), nextRunAt: null }), undefined);
      await repo.unlockJobs([a._id!, b._id!]);
      expect((await repo.getJobById(a._id!))?.lockedAt).to.equal(undefined);
      expect((await repo.getJobById(b._id!))?.lockedAt).to.be.instanceOf(Date);
      await repo.unlockJob(a);
    });

    it('saveJobState writes run state and throws for a job that is gone', async () => {
      const saved = await repo.saveJob(job(), undefined);
      const failedAt = new Date();
      const state = { ...saved, lockedAt: undefined, lastRunAt: failedAt, lastFinishedAt: failedAt, failedAt, failCount: 2, failReason: 'boom', progress: 40 };
      await repo.saveJobState(state, { lastModifiedBy: 'w1' });
      await repo.saveJobState(state, undefined); // same values again must not look like "missing"
      const read = await repo.getJobById(saved._id!);
      expect(read).to.include({ failCount: 2, failReason: 'boom', progress: 40, lastModifiedBy: 'w1' });
      expect(read?.lastFinishedAt?.getTime()).to.equal(failedAt.getTime());
      await repo.removeJobs({ id: saved._id! });
      const error = await repo.saveJobState(state, undefined).then(() => null, (e: Error) => e);
      expect(error?.message).to.match(/cannot be updated/);
    });

    it("a run's start state is written late and replaced by a finish that comes first; a longer run's start is written", async function () {
      if (sequelize.getDialect() === 'sqlite') this.skip(); // MySQL/MariaDB only (raw path)
      const logged: string[] = [];
      const traced = await db.connect(sql => logged.push(sql));
      // A window no test step can outlast (the short run, unlocking), and a short one for the longer run.
      const tracedRepo = new SequelizeJobRepository({ sequelize: traced, combineStartMs: 600_000 });
      const quickRepo = new SequelizeJobRepository({ sequelize: traced, combineStartMs: 30 });
      const updates = () => logged.filter(s => /^Executing \([^)]*\): UPDATE .* SET locked_at = .*, next_run_at = /.test(s)).length;
      // A short run: start (lock kept), then finish (lock cleared) before the window ends: one UPDATE, the finish.
      const short = await repo.saveJob(job(), undefined);
      const lockedAt = new Date();
      const startedAt = new Date();
      await tracedRepo.saveJobState({ ...short, lockedAt, lastRunAt: startedAt, nextRunAt: null }, undefined);
      expect(updates(), 'nothing written at the start').to.equal(0);
      expect((await repo.getJobById(short._id!))?.lastRunAt).to.equal(undefined);
      await tracedRepo.saveJobState({ ...short, lockedAt: undefined, lastRunAt: startedAt, lastFinishedAt: new Date(), nextRunAt: null }, undefined);
      expect(updates(), 'one UPDATE for the whole run').to.equal(1);
      const done = await repo.getJobById(short._id!);
      expect(done?.lockedAt).to.equal(undefined);
      expect(done?.nextRunAt).to.equal(null);
      expect(done?.lastRunAt?.getTime()).to.equal(startedAt.getTime());
      // A longer run: its start reaches the table once the window has passed, and the finish comes after it.
      const long = await repo.saveJob(job(), undefined);
      await quickRepo.saveJobState({ ...long, lockedAt, lastRunAt: startedAt, nextRunAt: null }, undefined);
      const started = await waitUntil('the start written', async () => (await repo.getJobById(long._id!))?.lastRunAt, 10_000, 20);
      expect(started.getTime()).to.equal(startedAt.getTime());
      expect((await repo.getJobById(long._id!))?.lockedAt?.getTime()).to.equal(lockedAt.getTime());
      await quickRepo.saveJobState({ ...long, lockedAt: undefined, lastRunAt: startedAt, lastFinishedAt: new Date(), nextRunAt: null }, undefined);
      expect((await repo.getJobById(long._id!))?.lockedAt).to.equal(undefined);
      expect(updates()).to.equal(3);
      // Unlocking writes a pending start first: a mid-run job (nextRunAt null once started) keeps its lock.
      const mid = await repo.saveJob(job(), undefined);
      await tracedRepo.saveJobState({ ...mid, lockedAt, lastRunAt: startedAt, nextRunAt: null }, undefined);
      await tracedRepo.unlockJobs([mid._id!]);
      expect((await repo.getJobById(mid._id!))?.lockedAt?.getTime()).to.equal(lockedAt.getTime());
    });

    it('a running job whose deferred start could not be saved keeps its lock when its worker unlocks', async function () {
      if (sequelize.getDialect() === 'sqlite') this.skip(); // MySQL/MariaDB only (raw path)
      const failing = new SequelizeJobRepository({ sequelize, combineStartMs: 600_000 });
      const saved = await repo.saveJob(job(), undefined);
      const locked = await failing.lockJob(saved, undefined);
      expect(locked?.lockedAt, 'claimed').to.be.instanceOf(Date);
      // The start save fails when it is finally written: the table still shows the old nextRunAt of a job that runs.
      (failing as unknown as { writeState: () => Promise<void> }).writeState = async () => { throw new Error('database unreachable'); };
      await failing.saveJobState({ ...locked!, lastRunAt: new Date(), nextRunAt: null }, undefined);
      await failing.unlockJobs([saved._id!]);
      expect((await repo.getJobById(saved._id!))?.lockedAt, 'still locked: retried through lock expiry, never run twice at once')
        .to.be.instanceOf(Date);
    });

    it('new jobs saved in one turn share one INSERT; a row the database refuses fails only its own save', async function () {
      if (sequelize.getDialect() === 'sqlite') this.skip(); // MySQL/MariaDB only (raw path)
      const logged: string[] = [];
      const traced = await db.connect(sql => logged.push(sql));
      const tracedRepo = new SequelizeJobRepository({ sequelize: traced });
      const inserts = () => logged.filter(s => /^Executing \([^)]*\): INSERT INTO/.test(s)).length;
      const saved = await Promise.all([1, 2, 3].map(n => tracedRepo.saveJob(job({ data: { n }, priority: n }), undefined)));
      expect(inserts()).to.equal(1);
      for (const [i, s] of saved.entries()) {
        const read = await repo.getJobById(s._id!);
        expect(read).to.include({ name: 'send-mail', priority: i + 1, type: 'normal', disabled: false });
        expect(read?.data).to.deep.equal({ n: i + 1 });
        expect(read?.nextRunAt?.getTime()).to.equal(s.nextRunAt?.getTime());
      }
      // name is NOT NULL: that save fails, its neighbours in the batch are stored.
      const results = await Promise.allSettled([tracedRepo.saveJob(job({ data: { n: 4 } }), undefined),
        tracedRepo.saveJob(job({ name: null as unknown as string }), undefined), tracedRepo.saveJob(job({ data: { n: 5 } }), undefined)]);
      expect(results.map(r => r.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
      expect((await repo.queryJobs({ name: 'send-mail' })).total).to.equal(5);
    });

    it('removes, disables and enables by id, name, notNames and data; an empty selection matches nothing', async () => {
      await repo.saveJob(job({ name: 'a', data: { user: 1, x: 1 } }), undefined);
      await repo.saveJob(job({ name: 'a', data: { user: 2 } }), undefined);
      const b = await repo.saveJob(job({ name: 'b', nextRunAt: later(60_000) }), undefined);
      expect(await repo.removeJobs({})).to.equal(0);
      expect(await repo.getQueueSize()).to.equal(2);
      expect(await repo.disableJobs({ name: 'a', data: { user: 1 } })).to.equal(1);
      expect(await repo.disableJobs({ name: 'a', data: { user: 1 } })).to.equal(0);
      expect((await repo.queryJobs({ includeDisabled: false })).total).to.equal(2);
      expect((await repo.queryJobs({ state: 'paused' })).total).to.equal(1);
      expect(await repo.enableJobs({ names: ['a'] })).to.equal(1);
      expect(await repo.getDistinctJobNames()).to.deep.equal(['a', 'b']);
      expect(await repo.removeJobs({ notNames: ['a'] })).to.equal(1);
      expect(await repo.getJobById(b._id!)).to.equal(null);
      expect(await repo.removeJobs({ ids: [] , name: 'a' })).to.equal(2);
    });

    it('queryJobs paginates, searches, sorts and computes states; overview counts by name', async () => {
      for (let i = 0; i < 5; i += 1) await repo.saveJob(job({ name: `report_${i}`, priority: i, nextRunAt: later(i * 1000 + 1000) }), undefined);
      await repo.saveJob(job({ name: 'report_x', lockedAt: new Date() }), undefined);
      await repo.saveJob(job({ name: '50%_off', nextRunAt: null, lastFinishedAt: new Date() }), undefined);
      const page = await repo.queryJobs({ search: 'report_', sort: { priority: 'desc' }, skip: 1, limit: 2 });
      expect(page.total).to.equal(6);
      expect(page.jobs.map(j => j.priority)).to.deep.equal([3, 2]);
      expect((await repo.queryJobs({ search: '50%' })).jobs.map(j => j.state)).to.deep.equal(['completed']);
      expect((await repo.queryJobs({ state: 'running' })).jobs.map(j => j.name)).to.deep.equal(['report_x']);
      expect((await repo.queryJobs({ state: 'scheduled', limit: 2 })).total).to.equal(5);
      const overview = await repo.getJobsOverview();
      expect(overview.find(o => o.name === 'report_x')).to.include({ total: 1, running: 1 });
    });
  });
}
