/**
 * Local renderer throughput: standard images (768×768) per second for T seconds, drawn through the render threads
 * (RenderPool, RENDER_THREADS threads as the server would start them) and, for comparison, on the main thread
 * (LocalImageProvider, `parallel` renders at once as WORKER_CONCURRENCY would run them). Rendering only: no database.
 */
import os from 'node:os';
import { LocalImageProvider } from '../api/src/providers/images/local-provider.js';
import { PooledLocalImageProvider, RenderPool, defaultRenderThreads } from '../api/src/providers/render/render-pool.js';
import type { ImageProvider } from '../api/src/providers/images/types.js';

export interface RenderBenchResult { mode: string; threads: number; imagesPerSecond: number; cpuMsPerImage: number; p95: number }

async function drive(provider: ImageProvider, seconds: number, parallel: number) {
  let n = 0;
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (Date.now() < until) {
      const k = n++;
      const started = performance.now();
      await provider.generate({ prompt: `benchmark poster number ${k}, neon city at night`, tier: 'standard', width: 768, height: 768, seed: `img_bench_${k}` });
      latencies.push(performance.now() - started);
    }
  }));
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  return { imagesPerSecond: latencies.length / s, cpuMsPerImage: (c.user + c.system) / 1000 / latencies.length, p95: latencies[Math.ceil(latencies.length * 0.95) - 1] ?? NaN };
}

export async function runRenderBench(o: { seconds: number; threads?: number; parallel?: number }): Promise<RenderBenchResult[]> {
  const threads = o.threads ?? defaultRenderThreads();
  const parallel = o.parallel ?? 4;
  const out: RenderBenchResult[] = [];
  const pool = new RenderPool(threads);
  try {
    const pooled = new PooledLocalImageProvider(pool);
    await drive(pooled, 2, parallel * threads); // warm-up: threads boot, JIT
    out.push({ mode: 'render threads', threads, ...(await drive(pooled, o.seconds, Math.max(parallel, threads * 2))) });
  } finally {
    await pool.close();
  }
  const local = new LocalImageProvider();
  await drive(local, 1, parallel);
  out.push({ mode: 'main thread', threads: 0, ...(await drive(local, o.seconds, parallel)) });
  return out;
}

if (process.argv[1]?.endsWith('render.ts') && process.argv.includes('--run')) {
  const r = await runRenderBench({ seconds: 10 });
  console.log(`${os.cpus().length} cores`, r);
  process.exit(0);
}
