import { ProviderError } from '../errors.js';
import { parseRetryAfter, type Failure } from './retry.js';

export interface HttpFailureInput {
  provider: string;
  status: number | undefined;
  headers?: { get(name: string): string | null };
  message: string;
  /** The vendor said the prompt or output broke its content rules. */
  contentPolicy?: boolean;
  /** A 429 that waiting will not fix (billing quota used up). */
  quotaExhausted?: boolean;
}

/**
 * One status -> outcome table for every HTTP provider:
 * - content-policy refusals are final and reported as such;
 * - 408, 409, 429 and 5xx, and no status at all (network, timeout) are worth retrying;
 * - every other 4xx (bad key, bad request, no access) is final: retrying cannot fix it.
 */
export function httpFailure(input: HttpFailureInput): Failure {
  const { provider, status, message } = input;
  if (input.contentPolicy) {
    return { error: new ProviderError('content_policy_violation', `${provider}: ${message}`, false, status) };
  }
  const transient =
    status === undefined || status === 408 || status === 409 || (status === 429 && !input.quotaExhausted) || status >= 500;
  const label = status === undefined ? 'network error' : `HTTP ${status}`;
  return {
    error: new ProviderError('provider_unavailable', `${provider}: ${label}: ${message}`, transient, status),
    retryAfterMs: transient ? parseRetryAfter(input.headers) : undefined,
  };
}
