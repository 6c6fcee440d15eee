/**
 * A render thread of the pool (render-pool.ts): a thin wrapper that draws with the local renderer, exactly as the
 * main thread would (same class, same arguments), so a change to the renderer applies here unchanged.
 * Progress and cancellation stay with the caller: the pool reports 5 % before and 100 % after.
 */
import sharp from 'sharp';
import { LocalImageProvider, type LocalImageProviderOptions } from '../images/local-provider.js';
import type { ImageRequest, ImageResult } from '../images/types.js';
import { makeThumbnail } from '../../images/thumbnail.js';

/** `thumbnail`: also make the image's thumbnail of that size here (the job's, images/thumbnail.ts), within the pool's bound. */
export interface RenderTask { req: ImageRequest; options?: LocalImageProviderOptions; vipsThreads?: number; thumbnail?: number }
export interface RenderReply extends Omit<ImageResult, 'png'> { png: Uint8Array; thumb?: Uint8Array }

export default async function render(task: RenderTask): Promise<RenderReply> {
  // libvips' threads are per process: one per render keeps the pool's bound a bound on cores.
  if (task.vipsThreads && sharp.concurrency() !== task.vipsThreads) sharp.concurrency(task.vipsThreads);
  // A provider per render: its constructor only reads the options.
  const result = await new LocalImageProvider(task.options).generate(task.req);
  const thumb = task.thumbnail ? await makeThumbnail(result.png, task.thumbnail) : undefined;
  // The PNG (a few hundred KB) and the thumbnail travel back as copies (structured clone).
  return { ...result, png: new Uint8Array(result.png.buffer, result.png.byteOffset, result.png.byteLength),
    ...(thumb ? { thumb: new Uint8Array(thumb.buffer, thumb.byteOffset, thumb.byteLength) } : {}) };
}
