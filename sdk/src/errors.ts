/** One field-level problem, as the API lists them under `errors` on a 400. */
export interface FieldError {
  path?: string;
  field?: string;
  message: string;
  [key: string]: unknown;
}

/** The RFC 9457 problem document every API error carries. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  requestId?: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

export interface StudioErrorInit {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  requestId?: string;
  errors?: FieldError[];
  problem?: Problem;
  headers?: Headers;
  cause?: unknown;
}

/**
 * Base class of everything the SDK throws on purpose. `code` is the API's
 * problem+json `code` (stable, machine-readable); `status` is 0 when no
 * HTTP response was received.
 */
export class StudioError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly requestId?: string;
  readonly errors?: FieldError[];
  readonly problem?: Problem;
  readonly headers?: Headers;

  constructor(init: StudioErrorInit) {
    const title = init.title ?? init.code;
    super(init.detail ? `${title}: ${init.detail}` : title, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.title = title;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.errors = init.errors;
    this.problem = init.problem;
    this.headers = init.headers;
  }
}

export class ValidationError extends StudioError {}
export class AuthenticationError extends StudioError {}
export class InsufficientCreditsError extends StudioError {}
export class ForbiddenError extends StudioError {}
export class NotFoundError extends StudioError {}
export class ConflictError extends StudioError {}
export class ContentPolicyError extends StudioError {}
export class ProviderUnavailableError extends StudioError {}
export class PaymentVerificationError extends StudioError {}

export class RateLimitedError extends StudioError {
  /** Seconds the API asked us to wait (from `Retry-After`), when it said. */
  readonly retryAfter?: number;
  constructor(init: StudioErrorInit & { retryAfter?: number }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}

/** No HTTP response: DNS, connection reset, CORS, or the client-side timeout. */
export class NetworkError extends StudioError {
  constructor(message: string, cause?: unknown, code = 'network_error') {
    super({ status: 0, code, title: 'Network error', detail: message, cause });
  }
}

/** The caller's AbortSignal fired. Not retried. */
export class AbortError extends StudioError {
  constructor(cause?: unknown) {
    super({ status: 0, code: 'aborted', title: 'Aborted', detail: 'The request was aborted', cause });
  }
}

/** waitForJob gave up before the job reached a final state. */
export class JobTimeoutError extends StudioError {
  constructor(readonly jobId: string, timeoutMs: number) {
    super({ status: 0, code: 'job_timeout', title: 'Job timeout', detail: `Job ${jobId} did not finish within ${timeoutMs} ms` });
  }
}

/** waitForJob saw the job end as `failed` (its debit is refunded by the API). */
export class JobFailedError extends StudioError {
  constructor(readonly jobId: string, readonly job: { error?: string | null; refunded?: boolean }) {
    super({
      status: 0,
      code: job.error ?? 'job_failed',
      title: 'Generation failed',
      detail: `Job ${jobId} failed${job.error ? ` (${job.error})` : ''}`,
    });
  }
}

type ErrorClass = new (init: StudioErrorInit) => StudioError;

const byCode: Record<string, ErrorClass> = {
  validation_error: ValidationError,
  unauthorized: AuthenticationError,
  insufficient_credits: InsufficientCreditsError,
  forbidden: ForbiddenError,
  moderation_required: ForbiddenError,
  origin_not_allowed: ForbiddenError,
  feature_disabled: ForbiddenError,
  account_suspended: ForbiddenError,
  not_found: NotFoundError,
  idempotency_conflict: ConflictError,
  conflict: ConflictError,
  content_policy_violation: ContentPolicyError,
  rate_limited: RateLimitedError,
  provider_unavailable: ProviderUnavailableError,
  payment_verification_failed: PaymentVerificationError,
};

// Used when a proxy or gateway answers without a problem document.
const byStatus: Record<number, ErrorClass> = {
  400: ValidationError,
  401: AuthenticationError,
  402: InsufficientCreditsError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  422: ContentPolicyError,
  429: RateLimitedError,
  503: ProviderUnavailableError,
};

const defaultCodeByStatus: Record<number, string> = {
  400: 'validation_error',
  401: 'unauthorized',
  402: 'insufficient_credits',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'content_policy_violation',
  429: 'rate_limited',
  503: 'provider_unavailable',
};

/** Parses `Retry-After` (delta-seconds or an HTTP date) into seconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, (at - now) / 1000);
}

/** Builds the right StudioError subclass from an HTTP status and (maybe) a problem document. */
export function errorFromResponse(status: number, body: unknown, headers?: Headers): StudioError {
  const problem: Problem = body && typeof body === 'object' ? (body as Problem) : {};
  const code = typeof problem.code === 'string' ? problem.code : (defaultCodeByStatus[status] ?? (status >= 500 ? 'server_error' : 'http_error'));
  const Cls = byCode[code] ?? byStatus[status] ?? StudioError;
  const init: StudioErrorInit & { retryAfter?: number } = {
    status,
    code,
    title: problem.title,
    detail: problem.detail ?? (typeof body === 'string' && body ? body.slice(0, 500) : undefined),
    requestId: problem.requestId ?? headers?.get('x-request-id') ?? undefined,
    errors: Array.isArray(problem.errors) ? problem.errors : undefined,
    problem: Object.keys(problem).length ? problem : undefined,
    headers,
  };
  if (Cls === RateLimitedError) init.retryAfter = parseRetryAfter(headers?.get('retry-after'));
  return new Cls(init);
}
