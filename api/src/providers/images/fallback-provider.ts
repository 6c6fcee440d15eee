import { ProviderError } from '../errors.js';
import type { GenerateOptions, ImageProvider, ImageRequest, ImageResult } from './types.js';
import { countFallback } from '../../metrics/providers.js';

export interface FallbackImageProviderOptions {
  /** Called when the fallback is used, e.g. to log or count it. */
  onFallback?: (error: ProviderError, primary: string, fallback: string) => void;
}

/**
 * Tries the primary and, only when it is unavailable, the fallback. A content
 * policy refusal is an answer about the prompt, not an outage, so it is passed
 * through: asking a laxer provider would defeat the refusal.
 */
export class FallbackImageProvider implements ImageProvider {
  readonly name: string;

  constructor(
    private readonly primary: ImageProvider,
    private readonly fallback: ImageProvider,
    private readonly options: FallbackImageProviderOptions = {},
  ) {
    this.name = `${primary.name}+${fallback.name}`;
  }

  async generate(req: ImageRequest, opts: GenerateOptions = {}): Promise<ImageResult> {
    try {
      return await this.primary.generate(req, opts);
    } catch (err) {
      if (!(err instanceof ProviderError) || err.code !== 'provider_unavailable' || opts.signal?.aborted || opts.fallback === false) throw err;
      countFallback(this.primary.name);
      this.options.onFallback?.(err, this.primary.name, this.fallback.name);
      const result = await this.fallback.generate(req, opts);
      return { ...result, fallbackFrom: result.fallbackFrom ?? this.primary.name };
    }
  }
}
