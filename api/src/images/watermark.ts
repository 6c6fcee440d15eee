import sharp from 'sharp';
import { escapeXml } from '../providers/images/local-text.js';
import { imageInfo } from './info.js';
import { cornerOffset, type Corner } from './placement.js';

export const DEFAULT_WATERMARK_TEXT = 'Made with Community AI Studio';

export interface WatermarkOptions {
  text?: string;
  position?: Corner;
  /** Badge opacity, 0..1. */
  opacity?: number;
}

/**
 * Draws a semi-transparent rounded badge with the text in a corner. Sizes follow
 * the image (about 2.6% of the width for the text) so the badge looks the same
 * on a thumbnail and on a 1536 px image; long text shrinks to fit.
 */
export async function applyWatermark(png: Buffer, options: WatermarkOptions = {}): Promise<Buffer> {
  const text = (options.text ?? DEFAULT_WATERMARK_TEXT).replace(/\s+/g, ' ').trim().slice(0, 80) || DEFAULT_WATERMARK_TEXT;
  const opacity = Math.min(1, Math.max(0.1, options.opacity ?? 0.7));
  const { width, height } = await imageInfo(png);
  const margin = Math.round(Math.max(4, width * 0.02));
  // DejaVu Sans averages about 0.58em per character; keep the badge inside the image.
  let fontSize = Math.max(10, Math.round(width * 0.026));
  const fits = (fs: number) => text.length * fs * 0.58 + fs * 1.6 <= width - 2 * margin;
  while (fontSize > 6 && !fits(fontSize)) fontSize--;
  const padX = Math.round(fontSize * 0.8);
  const padY = Math.round(fontSize * 0.45);
  const badge = { width: Math.min(width, Math.round(text.length * fontSize * 0.58 + padX * 2)), height: Math.min(height, fontSize + padY * 2) };
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${badge.width}" height="${badge.height}">` +
    `<rect width="${badge.width}" height="${badge.height}" rx="${Math.round(badge.height / 2)}" fill="#000" fill-opacity="${(opacity * 0.6).toFixed(2)}"/>` +
    `<text x="${badge.width / 2}" y="${Math.round(padY + fontSize * 0.82)}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="${fontSize}" fill="#fff" fill-opacity="${opacity.toFixed(2)}">${escapeXml(text)}</text>` +
    `</svg>`;
  const { left, top } = cornerOffset(options.position ?? 'bottom-right', { width, height }, badge, margin);
  return sharp(png).composite([{ input: Buffer.from(svg), left, top }]).png().toBuffer();
}
