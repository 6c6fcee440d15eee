import sharp from 'sharp';

/**
 * Feed and gallery thumbnails are WebP: about a third of a PNG's size at the
 * same look, and every browser the widgets support can show it. The image keeps
 * its aspect ratio, its longer side is at most `maxSide`, and a small image is
 * never enlarged.
 */
export const THUMBNAIL_FORMAT = 'webp' as const;
export const THUMBNAIL_CONTENT_TYPE = 'image/webp';

export const THUMBNAIL_MAX_SIDE = 320;

/**
 * Thumbnails already made where the image was drawn (a render thread, providers/render): keyed by the very PNG
 * buffer they were made from, so only that image's thumbnail is ever answered, and forgotten with the buffer.
 */
const premade = new WeakMap<Buffer, Buffer>();

/** Records the thumbnail (default size) of this PNG buffer, made elsewhere by makeThumbnail itself. */
export function rememberThumbnail(png: Buffer, thumb: Buffer) { premade.set(png, thumb); }

export async function makeThumbnail(png: Buffer, maxSide = THUMBNAIL_MAX_SIDE): Promise<Buffer> {
  if (!Number.isInteger(maxSide) || maxSide < 16) throw new RangeError(`maxSide must be an integer >= 16, got ${maxSide}`);
  const made = maxSide === THUMBNAIL_MAX_SIDE ? premade.get(png) : undefined;
  if (made) return made;
  return sharp(png)
    .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80, effort: 4 })
    .toBuffer();
}
