import { expect } from 'chai';
import { databases, startServer, type TestServer } from '../support/harness.js';
import { services } from '../../src/context.js';
import { defineJob, type JobQueue } from '../../src/jobs/queue.js';
import { JobDataError, stringField } from '../../src/jobs/definition.js';

/**
 * Any job kind is a typed definition run by the same queue: data is checked against the definition's schema when it
 * is enqueued and again when it runs, and enqueueInTx writes the trigger in the caller's transaction (rolled back with
 * it). The worker is the test server's own; every wait is on a condition.
 */
async function until(check: () => boolean, what: string, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

for (const dbDef of databases()) {
  describe(`jobs: typed definitions (${dbDef.name})`, function () {
    this.timeout(60000);
    let s: TestServer;
    let drop: () => Promise<void>;
    let queue: JobQueue;
    const seen: string[] = [];
    const echo = defineJob({
      name: 'test:echo',
      parse: stringField('word', 20),
      concurrency: 2,
      async handler({ word }) { seen.push(word); },
    });
    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      s = await startServer({ dbUrl: db.url });
      queue = services().queue;
      queue.define(echo);
    });
    after(async () => {
      await s?.close();
      await drop?.();
    });

    it('runs an enqueued job with its typed data', async () => {
      await queue.enqueue(echo, { word: 'hello' });
      await until(() => seen.includes('hello'), 'the echo job');
    });

    it('refuses data that does not match the schema, before anything is stored', async () => {
      for (const bad of [{}, { word: 42 }, { word: 'x'.repeat(21) }] as unknown as { word: string }[]) {
        let err: unknown;
        try { await queue.enqueue(echo, bad); } catch (e) { err = e; }
        expect(err).to.be.instanceOf(JobDataError);
      }
      const rows = await queue.agenda.queryJobs({ name: 'test:echo' });
      expect(rows.jobs.every((j) => typeof (j.data as { word?: unknown }).word === 'string')).to.equal(true);
    });

    it('enqueueInTx stores the trigger with the transaction: rolled back, nothing runs; committed, it runs', async () => {
      const { db } = services();
      await db.tx(async (t) => { await queue.enqueueInTx(t, echo, { word: 'kept' }); }).catch(() => undefined);
      let rolledBack = false;
      try {
        await db.tx(async (t) => {
          await queue.enqueueInTx(t, echo, { word: 'dropped' });
          throw new Error('roll back');
        });
      } catch { rolledBack = true; }
      expect(rolledBack).to.equal(true);
      await until(() => seen.includes('kept'), 'the committed job');
      const dropped = await queue.agenda.queryJobs({ name: 'test:echo', data: { word: 'dropped' } });
      expect(dropped.jobs).to.have.length(0);
      expect(seen).to.not.include('dropped');
    });
  });
}
