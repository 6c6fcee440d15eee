import { expect } from 'chai';
import { waitForJob } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { ledgerOf } from '../support/foundation-helpers.js';
import { services } from '../../src/context.js';
import { LocalImageProvider, type ImageProvider } from '../../src/providers/images/index.js';
import { GenerationJob, GeneratedImage } from '../../src/models/index.js';

/**
 * In a process that runs jobs the local renderer draws in worker threads (RENDER_THREADS, providers/render): the
 * images are the main thread's, byte for byte, and a render that fails in a thread is a provider failure like any
 * other: retried, then failed and refunded exactly once.
 */
describeEachDatabase('local renderer in worker threads', { server: { env: { RENDER_THREADS: '1', JOB_RETRY_DELAYS_MS: '50,50,50' } } }, function (db) {
  const s = db.server;
  afterEach(() => services().providers.replaceImageProviderForTests(undefined));

  async function generate(sub: string, tier = 'standard') {
    const tok = s.token(sub);
    await s.grant(sub, 10);
    const gen = await s.call('POST', '/api/studio/generate', { token: tok, body: { prompt: `a kite festival for ${sub}`, tier } });
    expect(gen.status, JSON.stringify(gen.body)).to.equal(202);
    return { tok, jobId: gen.body.jobId as string, imageId: gen.body.imageId as string };
  }

  it('draws the image through the render threads, byte for byte what the main thread draws', async () => {
    const { tok, jobId, imageId } = await generate('pooled');
    const job = await waitForJob(s, tok, jobId);
    expect(job.status).to.equal('succeeded');
    const pool = services().providers.renderThreads;
    expect(pool, 'the render threads were started').to.not.equal(undefined);
    expect(pool!.stats.threads).to.equal(1);
    expect(pool!.stats.completed).to.be.at.least(1);
    const img = (await GeneratedImage.findByPk(imageId))!;
    const stored = await services().storage.get(img.storageKey!);
    const req = (await GenerationJob.findByPk(jobId))!.request;
    const expected = await new LocalImageProvider().generate({ prompt: req.prompt, tier: 'standard', width: req.width, height: req.height,
      styleHint: req.styleHint ?? undefined, seed: imageId });
    expect(Buffer.compare(stored!, expected.png)).to.equal(0);
  });

  /** Draws through the threads with a size the renderer refuses (a failure inside the thread) on the listed attempts. */
  function failingInThread(failOn: (attempt: number) => boolean): ImageProvider {
    const attempts = new Map<string, number>();
    return {
      name: 'local',
      generate(req, opts) {
        const n = (attempts.get(req.seed!) ?? 0) + 1;
        attempts.set(req.seed!, n);
        const renderer = services().providers.localRenderer();
        return renderer.generate(failOn(n) ? { ...req, width: 10 } : req, opts);
      },
    };
  }

  it('a render that fails in its thread is retried, and the image made on a later attempt keeps its debit', async () => {
    const provider = failingInThread((n) => n < 3);
    services().providers.replaceImageProviderForTests(async () => provider);
    const { tok, jobId } = await generate('retried');
    const job = await waitForJob(s, tok, jobId);
    const row = (await GenerationJob.findByPk(jobId))!;
    expect(job.status, `${row.errorCode}: ${row.errorMessage}`).to.equal('succeeded');
    expect(row.attempts).to.equal(3);
    expect((await ledgerOf('retried')).map((e) => [e.reason, e.delta])).to.deep.equal([['admin', 10000], ['generation', -1000]]);
    await s.ledgerOk();
  });

  it('a render that keeps failing in its thread fails the job and refunds it once', async () => {
    const provider = failingInThread(() => true);
    services().providers.replaceImageProviderForTests(async () => provider);
    const { tok, jobId } = await generate('refunded');
    const job = await waitForJob(s, tok, jobId);
    expect(job).to.include({ status: 'failed', refunded: true });
    expect((await ledgerOf('refunded')).map((e) => [e.reason, e.delta])).to.deep.equal([['admin', 10000], ['generation', -1000], ['refund', 1000]]);
    await s.ledgerOk();
  });
});
