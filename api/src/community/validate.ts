import { invalid } from '../errors.js';

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 32;

export function validateTitle(v: unknown): string {
  if (typeof v !== 'string') throw invalid('title', 'must be a string');
  const t = v.replace(/\s+/g, ' ').trim();
  if (t.length < 1 || t.length > 120) throw invalid('title', 'must be 1 to 120 characters');
  return t;
}

/** Tags are lower-cased, trimmed, "#" dropped, inner spaces collapsed to "-", de-duplicated in order. */
export function normaliseTags(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalid('tags', 'must be an array of strings');
  if (v.length > MAX_TAGS) throw invalid('tags', `at most ${MAX_TAGS} tags`);
  const out: string[] = [];
  for (const raw of v) {
    if (typeof raw !== 'string') throw invalid('tags', 'every tag must be a string');
    const tag = raw.trim().replace(/^#+/, '').trim().toLowerCase().replace(/\s+/g, '-');
    if (!tag) throw invalid('tags', 'a tag must not be empty');
    if (tag.length > MAX_TAG_LENGTH) throw invalid('tags', `a tag must be at most ${MAX_TAG_LENGTH} characters`);
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

export function validateId(field: string, v: unknown): string {
  if (typeof v !== 'string' || !v || v.length > 40) throw invalid(field, 'must be an id');
  return v;
}
