import { TIERS, type TenantConfig } from '../tenants/tenant-config.js';
import { FORMATS, hasExactRatio } from '../studio/formats.js';

/** Formats and fallback pricing (studio/formats.ts): every size has exactly its format's ratio, percentages 0–100. */
export function validateStudioConfig(c: TenantConfig, err: (path: string, message: string) => void) {
  const st = c.studio;
  const whole = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  for (const t of TIERS) {
    for (const f of FORMATS) {
      const at = `studio.formatSizes.${t}.${f.name}`;
      const size = st?.formatSizes?.[t]?.[f.name];
      if (!size) { err(at, 'is required'); continue; }
      if (!whole(size.width, 64, 4096)) err(`${at}.width`, 'must be a whole number from 64 to 4096');
      if (!whole(size.height, 64, 4096)) err(`${at}.height`, 'must be a whole number from 64 to 4096');
      if (whole(size.width, 64, 4096) && whole(size.height, 64, 4096) && !hasExactRatio(f.name, size.width, size.height)) {
        err(at, `must have exactly the ${f.ratio.join(':')} ratio of ${f.name} (width × ${f.ratio[1]} = height × ${f.ratio[0]})`);
      }
    }
  }
  for (const [name, pct] of Object.entries(st?.fallbackPricePercent ?? {})) {
    if (!/^[a-z0-9_-]{1,32}$/.test(name)) err(`studio.fallbackPricePercent.${name}`, 'provider names are 1 to 32 lower-case letters, digits, _ or -');
    if (!whole(pct, 0, 100)) err(`studio.fallbackPricePercent.${name}`, 'must be a whole number from 0 to 100');
  }
  if (typeof st?.fallback !== 'boolean') err('studio.fallback', 'must be true or false');
}
