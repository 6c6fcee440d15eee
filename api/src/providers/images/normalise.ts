import sharp from 'sharp';
import { ProviderError } from '../errors.js';

/**
 * Vendors answer in their own size and format (JPEG, WebP, 1024 when we asked
 * for 1536). The rest of the system relies on a PNG of exactly the requested
 * size, so every remote result goes through here.
 */
export async function normaliseToPng(provider: string, input: Buffer, width: number, height: number): Promise<Buffer> {
  try {
    return await sharp(input).resize(width, height, { fit: 'cover', position: 'attention' }).png().toBuffer();
  } catch (err) {
    throw new ProviderError('provider_unavailable', `${provider}: returned an unreadable image (${(err as Error).message})`, true);
  }
}
