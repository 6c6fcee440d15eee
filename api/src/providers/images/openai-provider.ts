import OpenAI, { APIError } from 'openai';
import { ProviderError } from '../errors.js';
import { httpFailure } from './http-failure.js';
import { normaliseToPng } from './normalise.js';
import { DEFAULT_RETRY_POLICY, withRetry, type Failure, type RetryPolicy, type Sleep } from './retry.js';
import type { GenerateOptions, ImageProvider, ImageRequest, ImageResult, Tier } from './types.js';

export interface OpenAIImageProviderOptions {
  apiKey: string;
  /** For OpenAI-compatible gateways; defaults to https://api.openai.com/v1. */
  baseURL?: string;
  /** gpt-image-1 (default), gpt-image-1-mini, gpt-image-1.5, gpt-image-2, dall-e-3 or dall-e-2. */
  model?: string;
  retry?: Partial<RetryPolicy>;
  /** Per-attempt timeout; image models can take a minute. */
  timeoutMs?: number;
  /** Inject a preconfigured client (its own retries must be off). */
  client?: OpenAI;
  sleep?: Sleep;
  random?: () => number;
}

const CONTENT_POLICY_CODES = new Set(['content_policy_violation', 'moderation_blocked']);

/**
 * Chooses the closest size the model accepts (documented sizes: GPT image models 1024x1024, 1536x1024, 1024x1536;
 * DALL-E 3 1024x1024, 1792x1024, 1024x1792; DALL-E 2 squares); the result is center-cropped to the exact request
 * afterwards. A studio format picks its shape directly: square → square, portrait and story → portrait,
 * landscape and banner → landscape (the banner is the 3:1 middle band of the landscape image).
 */
export function openAISize(model: string, width: number, height: number, format?: ImageRequest['format']): string {
  const ratio = width / height;
  const byFormat = format ? ({ square: 'square', portrait: 'portrait', story: 'portrait', landscape: 'landscape', banner: 'landscape' } as const)[format] : undefined;
  const shape = byFormat ?? (ratio > 1.15 ? 'landscape' : ratio < 0.87 ? 'portrait' : 'square');
  if (model.startsWith('gpt-image-2') && width % 16 === 0 && height % 16 === 0) return `${width}x${height}`;
  if (model === 'dall-e-2') return Math.max(width, height) <= 256 ? '256x256' : Math.max(width, height) <= 512 ? '512x512' : '1024x1024';
  if (model === 'dall-e-3') return { square: '1024x1024', landscape: '1792x1024', portrait: '1024x1792' }[shape];
  return { square: '1024x1024', landscape: '1536x1024', portrait: '1024x1536' }[shape];
}

function quality(model: string, tier: Tier): 'standard' | 'hd' | 'medium' | 'high' | undefined {
  if (model === 'dall-e-2') return undefined;
  if (model === 'dall-e-3') return tier === 'standard' ? 'standard' : 'hd';
  return tier === 'standard' ? 'medium' : 'high';
}

export function classifyOpenAIError(err: unknown): Failure {
  if (err instanceof ProviderError) return { error: err };
  if (err instanceof APIError) {
    const body = (err.error ?? {}) as { code?: string; message?: string; type?: string };
    const code = err.code ?? body.code ?? '';
    const message = body.message ?? err.message;
    // The Images API reports refusals as 400 with code content_policy_violation
    // (DALL-E) or moderation_blocked (GPT image models).
    const contentPolicy = err.status === 400 && (CONTENT_POLICY_CODES.has(code) || /safety system|content policy/i.test(message));
    return httpFailure({
      provider: 'openai',
      status: err.status,
      headers: err.headers,
      message,
      contentPolicy,
      quotaExhausted: code === 'insufficient_quota',
    });
  }
  return httpFailure({ provider: 'openai', status: undefined, message: (err as Error)?.message ?? String(err) });
}

export class OpenAIImageProvider implements ImageProvider {
  readonly name = 'openai';
  readonly model: string;
  private readonly client: OpenAI;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;

  constructor(private readonly options: OpenAIImageProviderOptions) {
    this.model = options.model ?? 'gpt-image-1';
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 120_000;
    // maxRetries 0: retries are ours, so Retry-After, jitter and error mapping
    // behave the same for every provider.
    this.client = options.client ?? new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 0, timeout: this.timeoutMs });
  }

  async generate(req: ImageRequest, opts: GenerateOptions = {}): Promise<ImageResult> {
    const { signal, onProgress } = opts;
    const prompt = req.styleHint ? `${req.prompt}. Style: ${req.styleHint}` : req.prompt;
    const isDallE = this.model.startsWith('dall-e');
    onProgress?.(5);
    const result = await withRetry(
      async () => {
        const res = await this.client.images.generate(
          {
            model: this.model,
            prompt,
            n: 1,
            size: openAISize(this.model, req.width, req.height, req.format) as '1024x1024',
            ...(quality(this.model, req.tier) ? { quality: quality(this.model, req.tier) } : {}),
            // GPT image models always answer base64 and reject response_format.
            ...(isDallE ? { response_format: 'b64_json' as const } : { output_format: 'png' as const }),
          },
          { signal, timeout: this.timeoutMs },
        );
        const item = res.data?.[0];
        if (!item?.b64_json) throw new ProviderError('provider_unavailable', 'openai: response had no b64_json image', true);
        onProgress?.(85);
        const png = await normaliseToPng('openai', Buffer.from(item.b64_json, 'base64'), req.width, req.height);
        return { png, revisedPrompt: item.revised_prompt ?? undefined };
      },
      classifyOpenAIError,
      this.policy,
      { signal, sleep: this.options.sleep, random: this.options.random },
    );
    onProgress?.(100);
    return { png: result.png, width: req.width, height: req.height, provider: this.name, model: this.model, revisedPrompt: result.revisedPrompt };
  }
}
