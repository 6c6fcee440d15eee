/** Returns a copy of `obj` with `path` set to `value` (plain objects only; arrays are replaced whole). */
export function setPath(obj: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  if (!path.length) return obj;
  const [head, ...rest] = path as [string, ...string[]];
  const child = obj[head];
  const next = rest.length
    ? setPath(child && typeof child === 'object' && !Array.isArray(child) ? (child as Record<string, unknown>) : {}, rest, value)
    : value;
  return { ...obj, [head]: next };
}
