import sharp from 'sharp';
import { AppError, invalid } from '../errors.js';

/** A logo upload in the JSON body: base64 bytes with their type. */
export interface LogoUpload { contentType: 'image/png' | 'image/svg+xml'; data: string }

export const LOGO_MAX_BYTES = 1024 * 1024;
const MAX_SIDE = 1024;

// Anything that can run code or fetch from elsewhere when an SVG is drawn: refused, never "cleaned".
const SVG_FORBIDDEN: [RegExp, string][] = [
  [/<\s*script\b/i, 'scripts'],
  [/\son[a-z]+\s*=/i, 'event handlers'],
  [/<\s*foreignObject\b/i, 'foreignObject'],
  [/<!\s*(DOCTYPE|ENTITY)/i, 'DOCTYPE or entities'],
  [/(?:xlink:)?href\s*=\s*["']\s*(?!#)/i, 'external references'],
  [/url\(\s*["']?\s*(?!#)/i, 'external references'],
  [/@import/i, 'external references'],
  [/javascript:/i, 'scripts'],
];

/**
 * Checks a logo and returns it as a PNG of at most 1024 px a side: PNGs are decoded and re-encoded (no metadata),
 * SVGs with scripts, event handlers or references outside the file are refused, the rest rasterised. Only the
 * PNG is ever stored or served.
 */
export async function sanitiseLogo(raw: unknown): Promise<Buffer> {
  if (!raw || typeof raw !== 'object') throw invalid('logo', 'must be {contentType, data} with base64 data');
  const { contentType, data } = raw as Record<string, unknown>;
  if (contentType !== 'image/png' && contentType !== 'image/svg+xml') throw invalid('logo.contentType', 'must be image/png or image/svg+xml');
  if (typeof data !== 'string' || !data || !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(data)) throw invalid('logo.data', 'must be base64');
  if (Math.floor((data.replace(/\s/g, '').length * 3) / 4) > LOGO_MAX_BYTES + 2) throw new AppError('payload_too_large', 'The logo is larger than 1 MB.');
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length > LOGO_MAX_BYTES) throw new AppError('payload_too_large', 'The logo is larger than 1 MB.');
  if (contentType === 'image/png') {
    if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw invalid('logo.data', 'is not a PNG image');
    try {
      const meta = await sharp(bytes, { limitInputPixels: 40_000_000 }).metadata();
      if (meta.format !== 'png') throw new Error('not png');
      return await sharp(bytes, { limitInputPixels: 40_000_000 }).resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true }).png().toBuffer();
    } catch {
      throw invalid('logo.data', 'is not a readable PNG image');
    }
  }
  const svg = bytes.toString('utf8');
  if (!/<svg[\s>]/i.test(svg) || svg.includes('\uFFFD')) throw invalid('logo.data', 'is not an SVG image');
  for (const [re, what] of SVG_FORBIDDEN) if (re.test(svg)) throw invalid('logo.data', `SVG logos must not contain ${what}`);
  try {
    const meta = await sharp(bytes, { limitInputPixels: 40_000_000 }).metadata();
    if (meta.format !== 'svg') throw new Error('not svg');
    return await sharp(bytes, { density: 144, limitInputPixels: 40_000_000 }).resize(MAX_SIDE, MAX_SIDE, { fit: 'inside' }).png().toBuffer();
  } catch {
    throw invalid('logo.data', 'is not a readable SVG image');
  }
}
