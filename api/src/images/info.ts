import sharp from 'sharp';

export interface ImageInfo {
  format: string;
  width: number;
  height: number;
  bytes: number;
  hasAlpha: boolean;
}

/** Reads the header only; rejects with a plain Error when the bytes are not an image sharp can read. */
export async function imageInfo(buf: Buffer): Promise<ImageInfo> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(buf).metadata();
  } catch (err) {
    throw new Error(`not a readable image: ${(err as Error).message}`);
  }
  if (!meta.format || !meta.width || !meta.height) throw new Error('not a readable image: missing format or size');
  return { format: meta.format, width: meta.width, height: meta.height, bytes: buf.length, hasAlpha: meta.hasAlpha ?? false };
}
