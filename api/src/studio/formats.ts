import { invalid } from '../errors.js';
import type { TenantConfig, TierName } from '../tenants/tenant-config.js';

/**
 * The image formats of the studio (issue 14): each is an exact aspect ratio. A partner sets the pixel size of each
 * format per tier (TenantConfig `studio.formatSizes`); config-validate.ts refuses a size whose ratio is not exact,
 * so the stored image (center-cropped to that size after the provider, never stretched) has exactly the ratio.
 */
export type FormatName = 'square' | 'portrait' | 'story' | 'landscape' | 'banner';

export interface FormatInfo { name: FormatName; ratio: [number, number]; label: string; uses: string }

export const FORMATS: readonly FormatInfo[] = [
  { name: 'square', ratio: [1, 1], label: 'Square', uses: 'feed posts, WhatsApp' },
  { name: 'portrait', ratio: [4, 5], label: 'Portrait', uses: 'Instagram posts' },
  { name: 'story', ratio: [9, 16], label: 'Story', uses: 'stories, reel covers, WhatsApp status' },
  { name: 'landscape', ratio: [16, 9], label: 'Landscape', uses: 'YouTube thumbnails, webinar banners' },
  { name: 'banner', ratio: [3, 1], label: 'Banner', uses: 'site and LinkedIn banners' },
];
export const FORMAT_NAMES: readonly FormatName[] = FORMATS.map((f) => f.name);
export const DEFAULT_FORMAT: FormatName = 'square';

export const isFormat = (v: unknown): v is FormatName => typeof v === 'string' && (FORMAT_NAMES as readonly string[]).includes(v);

export function formatInfo(name: FormatName): FormatInfo {
  return FORMATS.find((f) => f.name === name)!;
}

/** True when width:height is exactly the format's ratio (integer cross-multiplication, no rounding). */
export function hasExactRatio(format: FormatName, width: number, height: number): boolean {
  const [rw, rh] = formatInfo(format).ratio;
  return width * rh === height * rw;
}

/** The pixel size a tier renders a format at, for this partner. */
export function formatSize(config: TenantConfig, tier: TierName, format: FormatName): { width: number; height: number } {
  return config.studio.formatSizes[tier][format];
}

/** Parses the request's `format` (absent: the template's default, else square); anything else is a 400. */
export function parseFormat(value: unknown, templateDefault?: string | null): FormatName {
  if (value === undefined || value === null) return isFormat(templateDefault) ? templateDefault : DEFAULT_FORMAT;
  if (!isFormat(value)) throw invalid('format', `must be one of ${FORMAT_NAMES.join(', ')}`);
  return value;
}

export const MAX_COUNT = 4;

/** Parses the request's `count` of variations: a whole number from 1 to 4 (default 1). */
export function parseCount(value: unknown): number {
  if (value === undefined || value === null) return 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_COUNT) throw invalid('count', `must be a whole number from 1 to ${MAX_COUNT}`);
  return value;
}

/**
 * What one image costs when the fallback provider drew it instead of the partner's provider: the percentage of the
 * paid per-image cost the partner set for that provider (`studio.fallbackPricePercent`, 100 when unset), rounded
 * down so the user never pays more than the stated share.
 */
export function fallbackImageCost(config: TenantConfig, paidPerImage: number, provider: string): number {
  const pct = config.studio.fallbackPricePercent[provider] ?? 100;
  return Math.min(paidPerImage, Math.floor((paidPerImage * pct) / 100));
}
