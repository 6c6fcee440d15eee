import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { processSet } from '../util/process-cache.js';

/**
 * The poster fonts are bundled in api/assets/fonts (Noto Sans and Noto Sans Devanagari, SIL OFL 1.1, see OFL.txt),
 * never taken from the system: each file is registered with fontconfig through libvips' `fontfile` (an application
 * font, process-wide) before the first poster text is set, and Pango is asked for these families by name. Pango
 * splits a mixed line into script runs, so "50% off आज ही" sets the Latin run in Noto Sans and the Devanagari run
 * in Noto Sans Devanagari, in one line.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const CANDIDATES = [path.resolve(HERE, '..', '..', 'assets', 'fonts'), path.resolve(HERE, '..', '..', '..', 'api', 'assets', 'fonts')];
export const FONT_DIR = CANDIDATES.find((d) => fs.existsSync(path.join(d, 'NotoSans-Regular.ttf'))) ?? CANDIDATES[0]!;

export const FONT_FILES = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSansDevanagari-Regular.ttf', 'NotoSansDevanagari-Bold.ttf'];

/** Pango family list: Latin first, Devanagari for the runs Noto Sans has no glyphs for. */
export const FAMILY = 'Noto Sans, Noto Sans Devanagari';

/** Brand-kit font choices: both use the bundled families; they differ in the headline weight. */
export const POSTER_FONTS = { 'noto-sans': { headline: 'Bold', body: '' }, 'noto-sans-regular': { headline: '', body: '' } } as const;
export type PosterFont = keyof typeof POSTER_FONTS;
export const isPosterFont = (v: unknown): v is PosterFont => typeof v === 'string' && Object.hasOwn(POSTER_FONTS, v);

const registered = processSet<string>();

/** Registers the bundled files with fontconfig (idempotent; libvips keeps a file added once). */
export async function ensureFonts(): Promise<void> {
  for (const f of FONT_FILES) {
    if (registered.has(f)) continue;
    const file = path.join(FONT_DIR, f);
    if (!fs.existsSync(file)) throw new Error(`bundled font missing: ${file}`);
    await sharp({ text: { text: '.', font: `${FAMILY} 8`, fontfile: file } }).png().toBuffer();
    registered.add(f);
  }
}
