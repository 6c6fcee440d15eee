import { FallbackImageProvider } from './fallback-provider.js';
import { LocalImageProvider } from './local-provider.js';
import { OpenAIImageProvider } from './openai-provider.js';
import { StabilityImageProvider } from './stability-provider.js';
import { ScrubbingImageProvider } from './scrubbing-provider.js';
import type { RetryPolicy } from './retry.js';
import type { ImageProvider } from './types.js';

export * from './types.js';
export { LocalImageProvider, type LocalImageProviderOptions } from './local-provider.js';
export { OpenAIImageProvider, openAISize, type OpenAIImageProviderOptions } from './openai-provider.js';
export { StabilityImageProvider, nearestAspectRatio, type StabilityImageProviderOptions } from './stability-provider.js';
export { FallbackImageProvider, type FallbackImageProviderOptions } from './fallback-provider.js';
export { ScrubbingImageProvider, scrubSecret } from './scrubbing-provider.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';

export interface ImageProviderConfig {
  provider: 'local' | 'openai' | 'stability';
  apiKey?: string;
  baseURL?: string;
  /** OpenAI model, or Stability service ('core' | 'ultra' | 'sd3'). */
  model?: string;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** Wrap a remote provider so outages fall back to the local renderer (default true). */
  fallbackToLocal?: boolean;
  /** The local renderer to fall back to (the render threads' one in a worker process); a new LocalImageProvider by default. */
  local?: ImageProvider;
}

/** Builds the provider a partner configured. Remote providers need a key. */
export function createImageProvider(cfg: ImageProviderConfig): ImageProvider {
  if (cfg.provider === 'local') return cfg.local ?? new LocalImageProvider();
  if (!cfg.apiKey) throw new Error(`image provider "${cfg.provider}" needs an API key`);
  const vendor =
    cfg.provider === 'openai'
      ? new OpenAIImageProvider({ apiKey: cfg.apiKey, baseURL: cfg.baseURL, model: cfg.model, retry: cfg.retry, timeoutMs: cfg.timeoutMs })
      : new StabilityImageProvider({
          apiKey: cfg.apiKey,
          baseURL: cfg.baseURL,
          service: cfg.model as 'core' | 'ultra' | 'sd3' | undefined,
          retry: cfg.retry,
          timeoutMs: cfg.timeoutMs,
        });
  const remote = new ScrubbingImageProvider(vendor, cfg.apiKey);
  return cfg.fallbackToLocal === false ? remote : new FallbackImageProvider(remote, cfg.local ?? new LocalImageProvider());
}
