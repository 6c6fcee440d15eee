import { invalid } from '../errors.js';

/** The poster's words, typeset by the server. */
export interface PosterText { headline: string; subline?: string; cta?: string; price?: string }
export type TextField = keyof PosterText;
export const TEXT_FIELDS: TextField[] = ['headline', 'subline', 'price', 'cta'];

/** Characters, after trimming (a Devanagari conjunct counts each code point). */
export const TEXT_LIMITS: Record<TextField, number> = { headline: 80, subline: 160, cta: 30, price: 20 };

// Control characters (C0, DEL, C1), bidi embeddings/overrides/isolates and line/paragraph separators: they would
// reorder or hide text on a poster that must read exactly as typed. ZWJ/ZWNJ stay allowed (Devanagari needs them).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u;

export function validateText(raw: unknown): PosterText {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('text', 'must be an object with a headline');
  const src = raw as Record<string, unknown>;
  for (const k of Object.keys(src)) if (!TEXT_FIELDS.includes(k as TextField)) throw invalid(`text.${k}`, 'is not a poster text field');
  const out: Partial<PosterText> = {};
  for (const f of TEXT_FIELDS) {
    const v = src[f];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw invalid(`text.${f}`, 'must be a string');
    if (FORBIDDEN.test(v)) throw invalid(`text.${f}`, 'must not contain control characters');
    const s = v.normalize('NFC').replace(/\s+/g, ' ').trim();
    if ([...s].length > TEXT_LIMITS[f]) throw invalid(`text.${f}`, `must be at most ${TEXT_LIMITS[f]} characters`);
    if (s) out[f] = s;
  }
  if (!out.headline) throw invalid('text.headline', 'is required');
  return out as PosterText;
}
