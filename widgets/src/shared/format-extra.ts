/** Formatting helpers the studio does not use (dates, money, tags, config keys); the rest is in format.ts. */
import { addEnglish, hasString, intlLocale, translate, type Locale, type StringOverrides } from './translate.js';
import { enMore } from './i18n-en-more.js';

const numberLocale = intlLocale;
let englishAdded = false;

/** Rupees (e.g. 237.5) -> "₹237.50"; whole amounts without minor units. Any ISO currency the partner prices in. */
export function formatInr(rupees: number, locale: Locale, currency = 'INR'): string {
  const whole = Number.isInteger(rupees);
  return new Intl.NumberFormat(numberLocale(locale), {
    style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2,
  }).format(rupees);
}

/**
 * "just now", "5 min ago", "3 h ago", "2 d ago", then a date. A locale without its own strings for these (one a
 * partner added for other words) gets Intl.RelativeTimeFormat's phrasing instead of English.
 */
export function relativeTime(iso: string, locale: Locale, now = Date.now(), overrides?: StringOverrides): string {
  // Its English words are in i18n-en-more.ts (not on a studio-only page): make sure they are in, whoever calls.
  if (!englishAdded) { addEnglish(enMore); englishAdded = true; }
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  const own = hasString(locale, 'minutesAgo', overrides);
  const rel = (n: number, unit: Intl.RelativeTimeFormatUnit) => new Intl.RelativeTimeFormat(numberLocale(locale), { numeric: 'auto' }).format(-n, unit);
  if (s < 60) return own ? translate(locale, 'justNow', undefined, overrides) : rel(0, 'second');
  if (s < 3600) return own ? translate(locale, 'minutesAgo', { n: Math.floor(s / 60) }, overrides) : rel(Math.floor(s / 60), 'minute');
  if (s < 86400) return own ? translate(locale, 'hoursAgo', { n: Math.floor(s / 3600) }, overrides) : rel(Math.floor(s / 3600), 'hour');
  if (s < 86400 * 7) return own ? translate(locale, 'daysAgo', { n: Math.floor(s / 86400) }, overrides) : rel(Math.floor(s / 86400), 'day');
  return formatDate(iso, locale);
}

export function formatDate(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(numberLocale(locale), { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

/** Splits "a, b ,, c" into tags, trimmed, de-duplicated, at most `max`. */
export function parseTags(text: string, max = 10): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(',')) {
    const tag = raw.trim().toLowerCase();
    if (tag && tag.length <= 40) seen.add(tag);
    if (seen.size >= max) break;
  }
  return [...seen];
}

/** Humanises a config key: `perAssetCapMilli` -> "Per asset cap milli". */
export function humanizeKey(key: string): string {
  const spaced = key.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
