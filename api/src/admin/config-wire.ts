import type { FieldError } from '../errors.js';
import { DEFAULT_CONFIG, type TenantConfig } from '../tenants/tenant-config.js';

/**
 * The admin API speaks credits as credits (0.5) and money as rupees (4.5); the stored config keeps
 * integer millicredits and paise. A stored key ending in `Milli` is shown without the suffix in
 * credits, one ending in `Paise` without the suffix in rupees (a map under such a key converts each
 * value). Two unsuffixed places hold units too: tier costs (millicredits) and price bands (paise).
 * Any field a module adds later with one of these suffixes converts without a change here.
 */
type Unit = 'milli' | 'paise';
const FACTOR: Record<Unit, number> = { milli: 1000, paise: 100 };
const SUFFIX: Record<Unit, string> = { milli: 'Milli', paise: 'Paise' };

function unitOfKey(key: string): Unit | undefined {
  if (key.endsWith('Milli') && key.length > 5) return 'milli';
  if (key.endsWith('Paise') && key.length > 5) return 'paise';
  return undefined;
}

/** Units of unsuffixed leaves, by path with `*` for any key. */
function unitOfPath(path: string[]): Unit | undefined {
  if (path.length === 3 && path[0] === 'tiers' && path[2] === 'credits') return 'milli';
  if (path.length === 3 && path[0] === 'pricing' && path[1] === 'bands') return 'paise';
  return undefined;
}

/** Internal names with a unit suffix, collected from the defaults plus the optional ones the defaults leave out. */
const SUFFIXED = new Set<string>(['grantMilli']);
(function collect(v: unknown) {
  if (Array.isArray(v)) v.forEach(collect);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (unitOfKey(k)) SUFFIXED.add(k);
      collect(x);
    }
  }
})(DEFAULT_CONFIG);

const scale = (v: unknown, unit: Unit | undefined, out: boolean) => {
  if (!unit || typeof v !== 'number') return v;
  return out ? v / FACTOR[unit] : v * FACTOR[unit];
};

function toWireValue(v: unknown, path: string[], unit?: Unit): unknown {
  if (Array.isArray(v)) return v.map((x, i) => toWireValue(x, [...path, String(i)]));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const u = unitOfKey(k);
      const name = u ? k.slice(0, -5) : k;
      out[name] = toWireValue(x, [...path, k], u ?? unit);
    }
    return out;
  }
  return scale(v, unit ?? unitOfPath(path), true);
}

/** Stored config -> the admin API's view. */
export function configToWire(config: TenantConfig): Record<string, unknown> {
  return toWireValue(config, []) as Record<string, unknown>;
}

/**
 * The admin API's (partial) config -> stored units. A credit amount must be exact in millicredits
 * (at most 3 decimals) and money exact in paise (at most 2); anything else is reported, not rounded.
 */
export function configFromWire(wire: unknown): { patch: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!wire || typeof wire !== 'object' || Array.isArray(wire)) {
    return { patch: {}, errors: [{ field: 'config', message: 'must be an object' }] };
  }
  const convert = (v: unknown, path: string[], wirePath: string[], unit?: Unit): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => convert(x, [...path, String(i)], [...wirePath, String(i)]));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        if (unitOfKey(k) && SUFFIXED.has(k)) {
          errors.push({ field: [...wirePath, k].join('.'), message: `unknown field; use "${k.slice(0, -5)}"` });
          continue;
        }
        const stored = SUFFIXED.has(k + 'Milli') ? k + 'Milli' : SUFFIXED.has(k + 'Paise') ? k + 'Paise' : k;
        out[stored] = convert(x, [...path, stored], [...wirePath, k], unitOfKey(stored) ?? unit);
      }
      return out;
    }
    const u = unit ?? unitOfPath(path);
    if (!u || typeof v !== 'number') return v;
    const field = wirePath.join('.');
    if (!Number.isFinite(v)) {
      errors.push({ field, message: 'must be a finite number' });
      return v;
    }
    const scaled = v * FACTOR[u];
    const rounded = Math.round(scaled);
    if (Math.abs(scaled - rounded) > 1e-6) {
      errors.push({ field, message: u === 'milli' ? 'credits take at most 3 decimals' : 'rupees take at most 2 decimals (whole paise)' });
    }
    return rounded;
  };
  const patch = convert(wire, [], []) as Record<string, unknown>;
  return { patch, errors };
}

/** The stored path of a field (for error messages) shown in API terms: `rewards.reuseRewardMilli` -> `rewards.reuseReward`. */
export function wireField(path: string): string {
  return path.split('.').map((k) => (unitOfKey(k) && SUFFIXED.has(k) ? k.slice(0, -SUFFIX[unitOfKey(k)!].length) : k)).join('.');
}

/** Flattens a config into `a.b.c -> value` pairs (arrays as whole values), to list what a version changed. */
export function flatten(v: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = JSON.stringify(v);
  }
  return out;
}

export function changedFields(before: unknown, after: unknown): string[] {
  const a = flatten(before), b = flatten(after);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k]).sort();
}
