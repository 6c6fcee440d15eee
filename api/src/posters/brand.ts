import { invalid } from '../errors.js';
import { isPosterFont, POSTER_FONTS, type PosterFont } from './fonts.js';
import type { BrandStyle } from './layouts.js';

export interface BrandKitSpec { name: string; colors: { primary: string; secondary: string; text: string }; font: PosterFont }

/** The brand every partner starts with (TenantConfig.posters.defaultBrandKit overrides it). */
export const BUILTIN_BRAND: BrandKitSpec = { name: 'Studio', colors: { primary: '#e4572e', secondary: '#ffffff', text: '#ffffff' }, font: 'noto-sans' };

const HEX = /^#[0-9a-f]{6}$/;

/** Field errors of a brand kit's name, colours and font ([] when valid). `prefix` names the fields (`colors.primary`). */
export function brandErrors(v: unknown, prefix = ''): { field: string; message: string }[] {
  const errs: { field: string; message: string }[] = [];
  const o = (v ?? {}) as Record<string, unknown>;
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (typeof o.name !== 'string' || !o.name.trim() || o.name.trim().length > 60 || /[\u0000-\u001f\u007f-\u009f]/.test(o.name)) {
    errs.push({ field: `${prefix}name`, message: 'must be 1 to 60 characters without control characters' });
  }
  const c = o.colors as Record<string, unknown> | undefined;
  if (!c || typeof c !== 'object' || Array.isArray(c)) errs.push({ field: `${prefix}colors`, message: 'must be an object with primary, secondary and text' });
  else {
    for (const k of ['primary', 'secondary', 'text']) {
      if (typeof c[k] !== 'string' || !HEX.test((c[k] as string).toLowerCase())) errs.push({ field: `${prefix}colors.${k}`, message: 'must be a colour like #1a2b3c' });
    }
    for (const k of Object.keys(c)) if (!['primary', 'secondary', 'text'].includes(k)) errs.push({ field: `${prefix}colors.${k}`, message: 'is not a brand colour' });
  }
  if (!isPosterFont(o.font)) errs.push({ field: `${prefix}font`, message: `must be one of ${Object.keys(POSTER_FONTS).join(', ')}` });
  return errs;
}

export function validateBrand(v: unknown): BrandKitSpec {
  const errs = brandErrors(v);
  if (errs.length) throw invalid(errs[0]!.field, errs[0]!.message);
  const o = v as BrandKitSpec;
  const lc = (s: string) => s.toLowerCase();
  return { name: o.name.trim(), colors: { primary: lc(o.colors.primary), secondary: lc(o.colors.secondary), text: lc(o.colors.text) }, font: o.font };
}

export const brandStyle = (b: Pick<BrandKitSpec, 'colors' | 'font'>): BrandStyle => ({
  primary: b.colors.primary, secondary: b.colors.secondary, text: b.colors.text, headlineWeight: POSTER_FONTS[b.font as PosterFont]?.headline ?? 'Bold',
});
