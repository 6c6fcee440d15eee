import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { waitForJob } from '../support/harness.js';
import { AnalyticsEvent, User } from '../../src/models/index.js';

/**
 * A user's first generation is recorded once (users.first_generation_at, one `first_generation_done` event), however
 * many of their jobs settle at the same time: the settlement's conditional UPDATE decides it, not a read before it.
 */
describeEachDatabase('first generation: recorded once when several jobs settle together', { server: { worker: true, env: { WORKER_CONCURRENCY: '4', JOB_POLL_MS: '50' } } }, function (db) {
  const s = db.server;

  it('six concurrent generations of a new user: one first_generation_done, first_generation_at set, six counted', async () => {
    await s.grant('first-gen-user', 20);
    const token = s.token('first-gen-user');
    const acks = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      s.call('POST', '/api/studio/generate', { token, body: { prompt: `a quiet harbour at dawn, take ${i}`, tier: 'standard' } })));
    for (const a of acks) expect(a.status, JSON.stringify(a.body)).to.equal(202);
    for (const a of acks) expect((await waitForJob(s, token, a.body.jobId as string, 60000)).status).to.equal('succeeded');
    const user = await User.findOne({ where: { sub: 'first-gen-user' } });
    expect(user!.firstGenerationAt).to.be.instanceOf(Date);
    expect(user!.generationCount).to.equal(6);
    expect(await AnalyticsEvent.count({ where: { userId: user!.id, name: 'first_generation_done' } })).to.equal(1);
    expect(await AnalyticsEvent.count({ where: { userId: user!.id, name: 'image_generated' } })).to.equal(6);
  });
});
