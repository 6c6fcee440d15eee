import QRCode from 'qrcode';
import sharp from 'sharp';
import { imageInfo } from './info.js';
import { cornerOffset, type Corner } from './placement.js';

export interface QrOptions {
  /**
   * Defaults to top-right: the watermark owns bottom-right and the local
   * renderer puts its headline along the bottom.
   */
  position?: Corner;
  /** Side of the code in pixels; defaults to 16% of the shorter image side (64..320). */
  size?: number;
}

/**
 * Stamps a QR code of a referral/share link in a corner. Error correction M
 * survives the WebP/JPEG recompression of social networks; the white quiet
 * zone keeps it scannable on dark images.
 */
export async function applyQrCode(png: Buffer, url: string, options: QrOptions = {}): Promise<Buffer> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`not a URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new TypeError(`QR links must be http(s), got ${parsed.protocol}`);
  const { width, height } = await imageInfo(png);
  const side = Math.min(width, height);
  const size = Math.round(Math.min(side * 0.5, options.size ?? Math.min(320, Math.max(64, side * 0.16))));
  const qr = await QRCode.toBuffer(parsed.toString(), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: size, color: { dark: '#000000ff', light: '#ffffffff' } });
  const qrInfo = await imageInfo(qr);
  const margin = Math.round(Math.max(4, width * 0.02));
  const { left, top } = cornerOffset(options.position ?? 'top-right', { width, height }, qrInfo, margin);
  return sharp(png).composite([{ input: qr, left, top }]).png().toBuffer();
}
