/** Pure formatting and error helpers (no DOM, no Lit): unit-tested in widgets/test/format.test.ts. */
import type { MessageKey } from './i18n.js';
import { hasString, intlLocale, translate, type Locale, type StringOverrides } from './translate.js';

const numberLocale = intlLocale;

/** `12.5` -> "12.5 credits"; whole numbers without decimals, at most one decimal otherwise. */
export function formatCredits(n: number, locale: Locale, overrides?: StringOverrides): string {
  if (n === 1) return translate(locale, 'credit1', undefined, overrides);
  return translate(locale, 'credits', { n: formatNumber(n, locale) }, overrides);
}

export function formatNumber(n: number, locale: Locale, maxFractionDigits = 1): string {
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: maxFractionDigits }).format(n);
}

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

export type ErrorKind =
  | 'rate-limited' | 'insufficient-credits' | 'unauthorized' | 'auth-invalid' | 'forbidden' | 'feature-disabled' | 'not-found'
  | 'content-policy' | 'validation' | 'unavailable' | 'network' | 'aborted' | 'error';

export interface WidgetError {
  kind: ErrorKind;
  code: string;
  status: number;
  /** Seconds to wait, for `rate-limited`. */
  retryAfter?: number;
  requestId?: string;
  /** The API's own explanation, shown under the localised message when useful. */
  detail?: string;
}

const byCode: Record<string, ErrorKind> = {
  rate_limited: 'rate-limited',
  insufficient_credits: 'insufficient-credits',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  moderation_required: 'forbidden',
  origin_not_allowed: 'forbidden',
  account_suspended: 'forbidden',
  feature_disabled: 'feature-disabled',
  not_found: 'not-found',
  content_policy_violation: 'content-policy',
  validation_error: 'validation',
  payment_verification_failed: 'validation',
  provider_unavailable: 'unavailable',
  network_error: 'network',
  timeout: 'network',
  aborted: 'aborted',
};
const byStatus: Record<number, ErrorKind> = { 400: 'validation', 401: 'unauthorized', 402: 'insufficient-credits', 403: 'forbidden', 404: 'not-found', 422: 'content-policy', 429: 'rate-limited', 503: 'unavailable' };

/** Maps anything thrown (SDK errors carry `code`/`status`) to one of the states a widget can show. */
export function classifyError(err: unknown): WidgetError {
  const e = (err ?? {}) as { code?: unknown; status?: unknown; retryAfter?: unknown; requestId?: unknown; detail?: unknown; message?: unknown; problem?: { reason?: unknown } };
  const code = typeof e.code === 'string' ? e.code : 'error';
  const status = typeof e.status === 'number' ? e.status : 0;
  let kind = byCode[code] ?? byStatus[status] ?? (code === 'job_timeout' ? 'unavailable' : 'error');
  // An expired (or missing) token means "sign in again"; a refused one (bad signature, wrong partner, missing
  // claims; the API says reason token_invalid) is the partner's sign-in failing, which signing in again will not fix.
  if (kind === 'unauthorized' && e.problem?.reason === 'token_invalid') kind = 'auth-invalid';
  const out: WidgetError = { kind, code, status };
  if (typeof e.retryAfter === 'number') out.retryAfter = e.retryAfter;
  if (kind === 'rate-limited' && out.retryAfter === undefined) out.retryAfter = 30;
  if (typeof e.requestId === 'string') out.requestId = e.requestId;
  if (typeof e.detail === 'string') out.detail = e.detail;
  else if (kind === 'error' && typeof e.message === 'string') out.detail = e.message;
  return out;
}

/** The localised sentence for an error state. */
export function errorMessageKey(kind: ErrorKind): MessageKey {
  const keys: Record<ErrorKind, MessageKey> = {
    'rate-limited': 'rateLimited', 'insufficient-credits': 'insufficient', unauthorized: 'unauthorized', 'auth-invalid': 'authInvalid', forbidden: 'forbidden', 'feature-disabled': 'featureDisabled',
    'not-found': 'notFound', 'content-policy': 'contentPolicy', validation: 'validation', unavailable: 'unavailable',
    network: 'networkError', aborted: 'errorTitle', error: 'errorTitle',
  };
  return keys[kind];
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

/** `createdAt`-style ISO date of `days` ago, in UTC (`YYYY-MM-DD`), for date inputs. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Humanises a config key: `perAssetCapMilli` -> "Per asset cap milli". */
export function humanizeKey(key: string): string {
  const spaced = key.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
