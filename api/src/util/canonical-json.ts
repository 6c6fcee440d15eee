/**
 * JSON with object keys in sorted order, so `{a, b}` and `{b, a}` serialise (and hash) alike. Keys whose value is
 * undefined are left out, as JSON.stringify does. Used for Idempotency-Key request hashes and job unique keys; both
 * are stored, so the output for a given value must never change.
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}
