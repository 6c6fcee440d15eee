/**
 * A render thread of the pool (render-pool.ts): a thin wrapper that draws with the local renderer, exactly as the
 * main thread would (same class, same arguments), so a change to the renderer applies here unchanged.
 * Progress and cancellation stay with the caller: the pool reports 5 % before and 100 % after.
 */
import sharp from 'sharp';
import { LocalImageProvider, type LocalImageProviderOptions } from '../images/local-provider.js';
import type { ImageRequest, ImageResult } from '../images/types.js';

export interface RenderTask { req: ImageRequest; options?: LocalImageProviderOptions; vipsThreads?: number }
export interface RenderReply extends Omit<ImageResult, 'png'> { png: Uint8Array }

export default async function render(task: RenderTask): Promise<RenderReply> {
  // libvips' threads are per process: one per render keeps the pool's bound a bound on cores.
  if (task.vipsThreads && sharp.concurrency() !== task.vipsThreads) sharp.concurrency(task.vipsThreads);
  // A provider per render: its constructor only reads the options.
  const result = await new LocalImageProvider(task.options).generate(task.req);
  // The PNG travels back as a copy (structured clone); it is a few hundred KB.
  return { ...result, png: new Uint8Array(result.png.buffer, result.png.byteOffset, result.png.byteLength) };
}
