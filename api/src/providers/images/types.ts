export type Tier = 'standard' | 'premium2' | 'premium4';

export interface ImageRequest {
  prompt: string;
  tier: Tier;
  width: number;
  height: number;
  styleHint?: string;
  seed?: string;
  /** The studio format (studio/formats.ts); width:height has exactly its ratio. Providers map it to what they accept. */
  format?: 'square' | 'portrait' | 'story' | 'landscape' | 'banner';
}

export interface ImageResult {
  png: Buffer;
  width: number;
  height: number;
  provider: string;
  model?: string;
  revisedPrompt?: string;
  /** Set by FallbackImageProvider when the fallback drew the image: the provider that was unavailable. */
  fallbackFrom?: string;
}

export interface GenerateOptions {
  signal?: AbortSignal;
  onProgress?: (pct: number) => void;
  /** false: a FallbackImageProvider passes the primary's outage through instead of drawing with its fallback (partner setting). */
  fallback?: boolean;
}

export interface ImageProvider {
  readonly name: string;
  generate(req: ImageRequest, opts?: GenerateOptions): Promise<ImageResult>;
}

/** Default output size per tier; the integrator may override per partner. */
export const TIER_SIZES: Readonly<Record<Tier, { width: number; height: number }>> = {
  standard: { width: 768, height: 768 },
  premium2: { width: 1024, height: 1024 },
  premium4: { width: 1536, height: 1536 },
};

export function isPremium(tier: Tier): boolean {
  return tier !== 'standard';
}

export { ProviderError } from '../errors.js';
export type { ProviderErrorCode } from '../errors.js';
