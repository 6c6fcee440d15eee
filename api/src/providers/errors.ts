export type ProviderErrorCode = 'content_policy_violation' | 'provider_unavailable';

/**
 * The only error an image or text provider lets escape. The two codes are the
 * CONTRACT.md error codes the generation job reports, so the job can map a
 * provider failure straight to `AppError(err.code, ...)` without knowing which
 * vendor answered.
 */
export class ProviderError extends Error {
  /** Milliseconds the vendor asked us to wait (Retry-After), when it said so. */
  retryAfterMs?: number;

  constructor(
    public code: ProviderErrorCode,
    message: string,
    public retryable: boolean,
    public status?: number,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export function isProviderError(err: unknown): err is ProviderError {
  return err instanceof ProviderError;
}
