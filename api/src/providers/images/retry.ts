import { ProviderError } from '../errors.js';

export interface RetryPolicy {
  /** Total tries, first one included. */
  maxAttempts: number;
  /** Delay before the second try; doubles each time. */
  baseDelayMs: number;
  /** Ceiling for the computed backoff. */
  maxDelayMs: number;
  /**
   * A Retry-After longer than this is not waited out inside the request: we give
   * up with a retryable ProviderError so the job queue can try much later.
   */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/** What the classifier says about one failed try. */
export interface Failure {
  error: ProviderError;
  /** Vendor-supplied wait (Retry-After), in ms. */
  retryAfterMs?: number;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryRuntime {
  signal?: AbortSignal;
  sleep?: Sleep;
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: ProviderError }) => void;
}

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random,
 * so concurrent jobs that failed together do not retry in lockstep.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/** Reads `retry-after-ms` (OpenAI) or `retry-after` (seconds or HTTP date). */
export function parseRetryAfter(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Runs `attempt` until it succeeds, the classifier says the failure is final,
 * or the attempts run out. Always rejects with a ProviderError, except when the
 * caller aborts: then the abort reason is rethrown untouched.
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  classify: (err: unknown) => Failure,
  policy: RetryPolicy,
  rt: RetryRuntime = {},
): Promise<T> {
  const sleep = rt.sleep ?? defaultSleep;
  for (let n = 1; ; n++) {
    if (rt.signal?.aborted) throw abortReason(rt.signal);
    try {
      return await attempt(n);
    } catch (err) {
      if (rt.signal?.aborted) throw abortReason(rt.signal);
      const { error, retryAfterMs } = classify(err);
      if (retryAfterMs !== undefined) error.retryAfterMs = retryAfterMs;
      if (!error.retryable || n >= policy.maxAttempts) throw error;
      if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) throw error;
      const delayMs = retryAfterMs ?? backoffDelay(n, policy, rt.random);
      rt.onRetry?.({ attempt: n, delayMs, error });
      await sleep(delayMs, rt.signal);
    }
  }
}
