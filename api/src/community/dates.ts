/** Raw SQL returns Date objects on MySQL and "YYYY-MM-DD HH:MM:SS.sss +00:00" strings on SQLite. */
export function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'number') return new Date(v);
  const s = String(v);
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) return new Date(`${m[1]}T${m[2]}${m[3] ? (m[3] === 'Z' ? 'Z' : m[3]) : 'Z'}`);
  return new Date(s);
}
