import { expect } from 'chai';
import { waitForJob, sleep } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { services } from '../../src/context.js';
import { LocalImageProvider, type ImageProvider } from '../../src/providers/images/index.js';
import { GenerationJob } from '../../src/models/index.js';
import { STARTED_PROGRESS } from '../../src/jobs/process-generation.js';

/**
 * A running job's progress (issue 13 item 2): the claim shows it started, further reports are throttled to at most one
 * write per interval, the last one reported is always written (the widget sees it), and the settlement writes 100.
 */
describeEachDatabase('generation progress is throttled, the last value always written', function (db) {
  const s = db.server;
  const local = new LocalImageProvider();
  let hold: Promise<void> = Promise.resolve();
  let release: () => void = () => undefined;
  let reported = false;
  const chatty: ImageProvider = {
    name: 'chatty',
    async generate(req, opts) {
      const result = await local.generate(req, {});
      // A provider that reports often: 1 % to 100 % in one burst, then holds until the test has looked.
      for (let p = 1; p <= 100; p++) opts?.onProgress?.(p);
      reported = true;
      await hold;
      return result;
    },
  };
  const writes: number[] = [];
  before(() => {
    services().providers.replaceImageProviderForTests(async () => chatty);
    GenerationJob.addHook('beforeBulkUpdate', 'test-progress-writes', (o) => {
      const attributes = (o as { attributes?: Record<string, unknown> }).attributes;
      if (attributes && 'progress' in attributes) writes.push(Number(attributes.progress));
    });
  });
  after(() => {
    GenerationJob.removeHook('beforeBulkUpdate', 'test-progress-writes');
    services().providers.replaceImageProviderForTests(undefined);
  });

  it('a burst of reports makes one write, of its last value; GET shows it while the job runs; success shows 100', async () => {
    hold = new Promise<void>((r) => { release = r; });
    reported = false;
    const tok = s.token('progress-user');
    await s.grant('progress-user', 10);
    const gen = await s.call('POST', '/api/studio/generate', { token: tok, body: { prompt: 'a slowly reported poster', tier: 'standard' } });
    expect(gen.status, JSON.stringify(gen.body)).to.equal(202);
    const jobId = gen.body.jobId as string;
    // 10 + 0.7 × 100: the last value process-generation reports for a provider at 100 % (before settling).
    const last = 80;
    const seen: number[] = [];
    for (let i = 0; ; i++) {
      const r = await s.call('GET', `/api/studio/generate/${jobId}`, { token: tok });
      expect(r.status).to.equal(200);
      if (r.body.status === 'running') seen.push(r.body.progress as number);
      if (reported && r.body.progress === last) break;
      expect(i, `progress seen: ${seen.join(', ')}`).to.be.below(400);
      await sleep(25);
    }
    expect(seen[0], 'the claim shows the job started').to.be.at.least(STARTED_PROGRESS);
    expect(seen, 'never backwards').to.deep.equal([...seen].sort((a, b) => a - b));
    // 1 % to 100 % reported in one burst: 7 values pass the 10-point step, one write (the claim wrote the first).
    expect(writes.filter((w) => w !== 100)).to.deep.equal([last]);
    release();
    const job = await waitForJob(s, tok, jobId);
    expect(job).to.include({ status: 'succeeded', progress: 100 });
    // Nothing written after the settlement.
    const row = await GenerationJob.findByPk(jobId);
    expect(row!.progress).to.equal(100);
    await s.ledgerOk();
  });
});
