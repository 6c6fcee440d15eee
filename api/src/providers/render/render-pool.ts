import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { abortReason } from '../images/retry.js';
import type { GenerateOptions, ImageProvider, ImageRequest, ImageResult } from '../images/types.js';
import type { LocalImageProviderOptions } from '../images/local-provider.js';
import type { RenderReply, RenderTask } from './render-worker.js';

/**
 * The local renderer in worker threads (piscina), so drawing cannot take the API's event loop: RENDER_THREADS threads
 * (config.ts; in ROLE=all and ROLE=worker), each drawing one image at a time, and libvips held to one thread per
 * render, so at most RENDER_THREADS cores draw however many jobs are queued. Further renders wait in the pool's queue.
 * The thread calls the local renderer itself (render-worker.ts), so what it draws is byte for byte what the main
 * thread would. A thread that dies fails only its render (the job is retried, then refunded, as any provider failure);
 * piscina replaces the thread.
 */
export class RenderPool {
  readonly pool: Piscina;
  constructor(readonly threads: number) {
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      // The parent's --import tsx (development, tests) is inherited, so the worker's .ts loads the same way.
      execArgv: process.execArgv,
    });
  }

  async render(task: RenderTask, signal?: AbortSignal): Promise<ImageResult> {
    const r = (await this.pool.run(task, signal ? { signal } : {})) as RenderReply;
    return { ...r, png: Buffer.from(r.png.buffer, r.png.byteOffset, r.png.byteLength) };
  }

  /** Threads alive, renders waiting for one, renders done: for tests and the bench. */
  get stats() { return { threads: this.pool.threads.length, queued: this.pool.queueSize, completed: this.pool.completed }; }

  close() { return this.pool.destroy(); }
}

function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.replace(/render-pool\.(ts|js)$/, (_m, ext: string) => `render-worker.${ext}`);
}

/** The local renderer's provider, drawing through the pool; same name, same results as LocalImageProvider. */
export class PooledLocalImageProvider implements ImageProvider {
  readonly name = 'local';
  constructor(private readonly pool: RenderPool, private readonly options: LocalImageProviderOptions = {}) {}

  async generate(req: ImageRequest, opts: GenerateOptions = {}): Promise<ImageResult> {
    if (opts.signal?.aborted) throw abortReason(opts.signal);
    opts.onProgress?.(5);
    const result = await this.pool.render({ req, options: this.options, vipsThreads: 1 }, opts.signal);
    opts.onProgress?.(100);
    return result;
  }
}

/** The default for RENDER_THREADS: one core for the API and the job loop, the others draw (at least one thread). */
export const defaultRenderThreads = (cores = os.availableParallelism?.() ?? os.cpus().length) => Math.max(1, cores - 1);
