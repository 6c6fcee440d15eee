import { expect } from 'chai';
import { LocalImageProvider } from '../../../src/providers/images/local-provider.js';
import { PooledLocalImageProvider, RenderPool } from '../../../src/providers/render/render-pool.js';
import { waitUntil } from '../../support/wait.js';

/** The local renderer in worker threads (providers/render): same bytes, bounded, and a dead thread fails only its render. */
describe('render pool (local renderer in worker threads)', function () {
  this.timeout(60000);
  let pool: RenderPool;
  before(() => { pool = new RenderPool(2); });
  after(async () => { await pool.close(); });

  it('draws byte for byte what the main thread draws, on every tier', async () => {
    const pooled = new PooledLocalImageProvider(pool);
    const local = new LocalImageProvider();
    for (const tier of ['standard', 'premium2'] as const) {
      const req = { prompt: 'a lighthouse at dawn, watercolour', tier, width: 512, height: 768, styleHint: 'soft pastel', seed: `img_${tier}` };
      const progress: number[] = [];
      const [a, b] = await Promise.all([pooled.generate(req, { onProgress: (p) => progress.push(p) }), local.generate(req)]);
      expect(Buffer.isBuffer(a.png)).to.equal(true);
      expect(a.png.subarray(1, 4).toString('ascii')).to.equal('PNG');
      expect(Buffer.compare(a.png, b.png), tier).to.equal(0);
      expect({ ...a, png: undefined }).to.deep.equal({ ...b, png: undefined });
      expect(progress[0]).to.equal(5);
      expect(progress[progress.length - 1]).to.equal(100);
    }
  });

  it('never runs more renders than its threads: the rest wait in its queue', async () => {
    const pooled = new PooledLocalImageProvider(pool);
    const done = pool.stats.completed;
    const renders = Array.from({ length: 6 }, (_, i) => pooled.generate({ prompt: `poster ${i}`, tier: 'standard', width: 256, height: 256, seed: `s${i}` }));
    // Submitted at once: two threads take one each, four wait.
    expect(pool.stats.threads).to.equal(2);
    expect(pool.stats.queued).to.be.at.least(4);
    await Promise.all(renders);
    expect(pool.stats.completed - done).to.equal(6);
    expect(pool.stats.threads).to.equal(2);
  });

  it('a render that throws in the thread rejects its caller; the pool keeps drawing', async () => {
    const pooled = new PooledLocalImageProvider(pool);
    let err: Error | undefined;
    await pooled.generate({ prompt: 'too small', tier: 'standard', width: 10, height: 10 }).catch((e: Error) => { err = e; });
    expect(err?.message).to.match(/width must be an integer between 64 and 4096/);
    const ok = await pooled.generate({ prompt: 'after the error', tier: 'standard', width: 128, height: 128 });
    expect(ok.png.length).to.be.greaterThan(100);
  });

  it('a thread that dies fails only the render it was drawing, and is replaced', async () => {
    const single = new RenderPool(1);
    try {
      const pooled = new PooledLocalImageProvider(single);
      await pooled.generate({ prompt: 'warm up', tier: 'standard', width: 64, height: 64 });
      // A large premium render takes long enough to be caught in flight.
      const inFlight = pooled.generate({ prompt: 'huge', tier: 'premium4', width: 4096, height: 4096 }).then(() => 'rendered', (e: Error) => e);
      await waitUntil('the render to be taken by the thread', () => single.pool.queueSize === 0 && single.pool.utilization > 0, 10000, 5);
      await single.pool.threads[0]!.terminate();
      const outcome = await inFlight;
      expect(outcome).to.be.instanceOf(Error);
      const next = await pooled.generate({ prompt: 'after the crash', tier: 'standard', width: 128, height: 128 });
      expect(next.png.length).to.be.greaterThan(100);
    } finally {
      await single.close();
    }
  });
});
