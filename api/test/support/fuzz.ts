/**
 * Bad-input generators for the robustness suite, driven by the OpenAPI document: wrong JSON, wrong types for every
 * field, absurd lengths, garbage path ids and query values. Pure data; the suite sends and judges.
 */
export const LONG = 'x'.repeat(100_000);

/** Values of every JSON type and a few edge numbers and strings, used in place of each field in turn. */
export const WRONG_VALUES: unknown[] = [
  42, -1, 0, 1.5, 1e308, -1e308, 2 ** 53 + 1, 'str', '', '   ', '\u0000', 'ünïcødé 😀', 'lone \ud800 surrogate', '\u202e\u200b', true, false, null, [], [1, 'a'], ['x'.repeat(300)],
  {}, { a: { b: [1] } }, JSON.parse('{"__proto__":{"polluted":true}}'), 'x'.repeat(5000), LONG,
];

/** Malformed or non-object bodies, sent raw as application/json. */
export const RAW_BODIES = ['{"a":', '{', '}', 'nul', '{"a":1}}', "{'a':1}", '[]', '[{}]', '[1,2]', '"a string"', '42', 'null', 'true', '\u0000', '{"__proto__":{"x":1}}'];

/** Path segment values, already URL-encoded where they need to be (some are deliberately broken encodings). */
export const PATH_IDS = [
  'garbage', 'x'.repeat(1000), '%00', '%', '%E0%A4%A', '%ZZ', '..', '%2E%2E%2F%2E%2E', "'%20OR%201%3D1--", '%F0%9F%98%80', '-1', '0', '1e309',
  'null', 'undefined', '__proto__', 'constructor', '%20', 'a%2Fb', '%ED%A0%80', '%FF', `${'%C3%A9'.repeat(300)}`,
];

/** Query values (URL-encoded) for every query parameter. */
export const QUERY_VALUES = [
  'abc', '-1', '0', '1.5', '1e309', '99999999999999999999', '', 'x'.repeat(5000), '%00', '%', 'NaN', 'Infinity', 'true', '%5B%5D',
  '%7B%22a%22%3A1%7D', '2024-13-45', '9999-12-31T99:99:99Z', '%F0%9F%98%80', '%ED%A0%80', '%FF%FE', '0x10', '1_000',
];

/** Other ways to send a body: unusual content types and encodings. */
export const ODD_SENDS: { headers: Record<string, string>; raw: string }[] = [
  { headers: { 'content-type': 'text/plain' }, raw: '{"a":1}' },
  { headers: { 'content-type': 'application/json; charset=latin7' }, raw: '{"a":1}' },
  { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, raw: 'not gzip' },
  { headers: { 'content-type': 'application/json', 'content-encoding': 'br' }, raw: '{"a":1}' },
  { headers: { 'content-type': 'application/x-www-form-urlencoded' }, raw: 'a=1&b[c]=2' },
  { headers: { 'content-type': 'application/json' }, raw: JSON.stringify({ a: 'y'.repeat(300_000) }) },
  { headers: { 'content-type': 'application/json' }, raw: `${'['.repeat(5000)}${']'.repeat(5000)}` },
];

/** A schema resolved through $ref (one level of components is enough for tsoa's output). */
export function resolve(doc: any, schema: any): any {
  if (schema?.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()]);
  if (schema?.allOf) return Object.assign({ properties: {} }, ...schema.allOf.map((s: any) => resolve(doc, s)));
  return schema ?? {};
}

/** A plausible value for a field: a real id when the name says so, else the schema's first enum value or a simple value. */
export function plausible(doc: any, name: string, schema: any, ids: Record<string, string>): unknown {
  if (ids[name] !== undefined) return ids[name];
  const s = resolve(doc, schema);
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'string': return 'a friendly poster of a cat';
    case 'number': case 'integer': return 1;
    case 'boolean': return true;
    case 'array': return [plausible(doc, name, s.items, ids)];
    case 'object': return s.properties ? baseline(doc, s, ids) : {};
    default: return 'x';
  }
}

export function baseline(doc: any, schema: any, ids: Record<string, string>): Record<string, unknown> {
  const s = resolve(doc, schema);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries<any>(s.properties ?? {})) out[k] = plausible(doc, k, v, ids);
  return out;
}

/** Every leaf path of a JSON value (objects only; arrays count as leaves). */
export function leafPaths(v: unknown, prefix: string[] = []): string[][] {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [prefix];
  const out: string[][] = [];
  for (const [k, x] of Object.entries(v)) out.push(...leafPaths(x, [...prefix, k]));
  return out.length ? out : [prefix];
}

export function nest(path: string[], value: unknown): Record<string, unknown> {
  return path.reduceRight<unknown>((acc, k) => ({ [k]: acc }), value) as Record<string, unknown>;
}
