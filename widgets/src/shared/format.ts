/**
 * Pure formatting and error helpers (no DOM, no Lit): unit-tested in widgets/test/format.test.ts. What the studio does
 * not use is in format-extra.ts (rollup splits chunks by module: a studio-only page does not download it).
 */
import type { MessageKey } from './i18n.js';
import { intlLocale, translate, type Locale, type StringOverrides } from './translate.js';

const numberLocale = intlLocale;

/** `12.5` -> "12.5 credits"; whole numbers without decimals, at most one decimal otherwise. */
export function formatCredits(n: number, locale: Locale, overrides?: StringOverrides): string {
  if (n === 1) return translate(locale, 'credit1', undefined, overrides);
  return translate(locale, 'credits', { n: formatNumber(n, locale) }, overrides);
}

export function formatNumber(n: number, locale: Locale, maxFractionDigits = 1): string {
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: maxFractionDigits }).format(n);
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
