/**
 * Poster formats and their pixel sizes. The same names and aspect ratios as the studio's generation formats
 * (square 1:1, portrait 4:5, story 9:16, landscape 16:9, banner 3:1); posters are always rendered at these
 * channel-ready sizes, whatever the size of the background image (it is cropped to cover, never stretched).
 */
import type { FormatName } from '../studio/formats.js';

export const POSTER_FORMATS = {
  square: { width: 1080, height: 1080, aspect: '1:1' },
  portrait: { width: 1080, height: 1350, aspect: '4:5' },
  story: { width: 1080, height: 1920, aspect: '9:16' },
  landscape: { width: 1920, height: 1080, aspect: '16:9' },
  banner: { width: 1500, height: 500, aspect: '3:1' },
} as const satisfies Record<FormatName, { width: number; height: number; aspect: string }>;
export type PosterFormat = keyof typeof POSTER_FORMATS;
export const FORMAT_NAMES = Object.keys(POSTER_FORMATS) as PosterFormat[];
export const isPosterFormat = (v: unknown): v is PosterFormat => typeof v === 'string' && Object.hasOwn(POSTER_FORMATS, v);

/** The format whose aspect ratio is closest to an image's (the default when a request names none). */
export function closestFormat(width: number, height: number): PosterFormat {
  const r = Math.log(width / height);
  let best: PosterFormat = 'square';
  for (const f of FORMAT_NAMES) {
    const d = Math.abs(Math.log(POSTER_FORMATS[f].width / POSTER_FORMATS[f].height) - r);
    if (d < Math.abs(Math.log(POSTER_FORMATS[best].width / POSTER_FORMATS[best].height) - r)) best = f;
  }
  return best;
}
