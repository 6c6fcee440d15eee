import { ProviderError } from '../errors.js';
import { hashString } from './local-palette.js';
import { httpFailure } from './http-failure.js';
import { normaliseToPng } from './normalise.js';
import { DEFAULT_RETRY_POLICY, withRetry, type Failure, type RetryPolicy, type Sleep } from './retry.js';
import type { GenerateOptions, ImageProvider, ImageRequest, ImageResult } from './types.js';

export interface StabilityImageProviderOptions {
  apiKey: string;
  /** Defaults to https://api.stability.ai */
  baseURL?: string;
  /** Which v2beta stable-image generate service: core (default), ultra or sd3. */
  service?: 'core' | 'ultra' | 'sd3';
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** Injected for tests or proxies; defaults to the global fetch. */
  fetch?: typeof fetch;
  sleep?: Sleep;
  random?: () => number;
}

const ASPECT_RATIOS = ['16:9', '1:1', '21:9', '2:3', '3:2', '4:5', '5:4', '9:16', '9:21'] as const;
const STYLE_PRESETS = new Set([
  '3d-model', 'analog-film', 'anime', 'cinematic', 'comic-book', 'digital-art', 'enhance', 'fantasy-art', 'isometric',
  'line-art', 'low-poly', 'modeling-compound', 'neon-punk', 'origami', 'photographic', 'pixel-art', 'tile-texture',
]);

/**
 * The aspect_ratio a studio format asks Stability for (its documented values): the exact ratio where the API has it,
 * and for the 3:1 banner the widest one, 21:9, whose middle band is center-cropped to 3:1 afterwards.
 */
export const STABILITY_FORMAT_RATIO = { square: '1:1', portrait: '4:5', story: '9:16', landscape: '16:9', banner: '21:9' } as const;

/** The API takes an aspect ratio, not pixels: pick the nearest one (in log space). */
export function nearestAspectRatio(width: number, height: number): string {
  const target = Math.log(width / height);
  let best: string = '1:1';
  let bestDiff = Infinity;
  for (const ar of ASPECT_RATIOS) {
    const [w, h] = ar.split(':').map(Number) as [number, number];
    const diff = Math.abs(Math.log(w / h) - target);
    if (diff < bestDiff) {
      bestDiff = diff;
      best = ar;
    }
  }
  return best;
}

/** Stability seeds are integers in [0, 4294967294]; ours are opaque strings. */
export function stabilitySeed(seed: string): number {
  return /^\d+$/.test(seed) && Number(seed) <= 4294967294 ? Number(seed) : hashString(seed) % 4294967295;
}

class HttpError extends Error {
  constructor(public status: number, public headers: Headers, public body: { name?: string; errors?: string[]; message?: string }) {
    super(body.errors?.join('; ') || body.message || body.name || `HTTP ${status}`);
  }
}

export function classifyStabilityError(err: unknown): Failure {
  if (err instanceof ProviderError) return { error: err };
  if (err instanceof HttpError) {
    // Stability answers refused prompts with 403 {name: "content_moderation", errors: [...]}.
    const contentPolicy = err.body.name === 'content_moderation' || (err.status === 403 && /moderation/i.test(err.message));
    return httpFailure({ provider: 'stability', status: err.status, headers: err.headers, message: err.message, contentPolicy });
  }
  return httpFailure({ provider: 'stability', status: undefined, message: (err as Error)?.message ?? String(err) });
}

export class StabilityImageProvider implements ImageProvider {
  readonly name = 'stability';
  private readonly url: string;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  readonly model: string;

  constructor(private readonly options: StabilityImageProviderOptions) {
    const service = options.service ?? 'core';
    this.model = `stable-image-${service}`;
    this.url = `${(options.baseURL ?? 'https://api.stability.ai').replace(/\/+$/, '')}/v2beta/stable-image/generate/${service}`;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.fetchImpl = options.fetch ?? ((...args) => fetch(...args));
  }

  async generate(req: ImageRequest, opts: GenerateOptions = {}): Promise<ImageResult> {
    const { signal, onProgress } = opts;
    const hint = req.styleHint?.trim().toLowerCase();
    const preset = hint && STYLE_PRESETS.has(hint) ? hint : undefined;
    const prompt = req.styleHint && !preset ? `${req.prompt}. Style: ${req.styleHint}` : req.prompt;
    onProgress?.(5);
    const png = await withRetry(
      async () => {
        const form = new FormData();
        form.append('prompt', prompt);
        form.append('output_format', 'png');
        form.append('aspect_ratio', req.format ? STABILITY_FORMAT_RATIO[req.format] : nearestAspectRatio(req.width, req.height));
        if (req.seed !== undefined) form.append('seed', String(stabilitySeed(req.seed)));
        if (preset) form.append('style_preset', preset);
        const timeout = AbortSignal.timeout(this.timeoutMs);
        const res = await this.fetchImpl(this.url, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.options.apiKey}`, accept: 'image/*' },
          body: form,
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        if (!res.ok) throw new HttpError(res.status, res.headers, await readErrorBody(res));
        // With accept: image/* the body is the image and the outcome is in headers.
        if (res.headers.get('finish-reason') === 'CONTENT_FILTERED') {
          throw new ProviderError('content_policy_violation', 'stability: the generated image was filtered by content moderation', false, 200);
        }
        const bytes = Buffer.from(await res.arrayBuffer());
        onProgress?.(85);
        return normaliseToPng('stability', bytes, req.width, req.height);
      },
      classifyStabilityError,
      this.policy,
      { signal, sleep: this.options.sleep, random: this.options.random },
    );
    onProgress?.(100);
    return { png, width: req.width, height: req.height, provider: this.name, model: this.model };
  }
}

async function readErrorBody(res: Response): Promise<{ name?: string; errors?: string[]; message?: string }> {
  const text = await res.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as { name?: string; errors?: string[] };
  } catch {
    // not JSON: fall through
  }
  return { message: text.slice(0, 300) || undefined };
}
