import sharp from 'sharp';
import { ProviderError } from '../errors.js';

/**
 * Vendors answer in their own size and format (JPEG, WebP, 1024 when we asked
 * for 1536). The rest of the system relies on a PNG of exactly the requested
 * size, so every remote result goes through here.
 */
export async function normaliseToPng(provider: string, input: Buffer, width: number, height: number): Promise<Buffer> {
  try {
    // Cover + centre: scaled to fill, then the overflow cropped evenly from both sides; never stretched, so the stored
    // image has exactly the requested size and therefore exactly the format's ratio.
    return await sharp(input).resize(width, height, { fit: 'cover', position: 'centre' }).png().toBuffer();
  } catch (err) {
    throw new ProviderError('provider_unavailable', `${provider}: returned an unreadable image (${(err as Error).message})`, true);
  }
}
