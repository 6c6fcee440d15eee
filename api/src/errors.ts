import type { NextFunction, Request, Response } from 'express';
import { ValidateError } from '@tsoa/runtime';
import { logger } from './logger.js';
import { currentRequestId } from './request-context.js';

/** The error codes of CONTRACT.md and the one table that maps them to HTTP statuses. */
export const ERROR_STATUS = {
  validation_error: 400,
  payment_verification_failed: 400,
  unauthorized: 401,
  insufficient_credits: 402,
  forbidden: 403,
  moderation_required: 403,
  origin_not_allowed: 403,
  feature_disabled: 403,
  consent_required: 403,
  account_suspended: 403,
  not_found: 404,
  idempotency_conflict: 409,
  conflict: 409,
  payload_too_large: 413,
  content_policy_violation: 422,
  text_does_not_fit: 422,
  rate_limited: 429,
  internal_error: 500,
  provider_unavailable: 503,
  storage_unavailable: 503,
  not_ready: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  validation_error: 'The request is not valid',
  payment_verification_failed: 'The payment could not be verified',
  unauthorized: 'Authentication is required',
  insufficient_credits: 'Not enough credits',
  forbidden: 'You may not do this',
  moderation_required: 'This needs a moderator',
  origin_not_allowed: 'This origin may not call the API for this partner',
  feature_disabled: 'This feature is switched off',
  consent_required: 'A required consent is missing',
  account_suspended: 'This account is suspended',
  not_found: 'Not found',
  idempotency_conflict: 'Idempotency key reused with a different request',
  conflict: 'Conflict with the current state',
  payload_too_large: 'The request body is too large',
  content_policy_violation: 'The prompt breaks the content policy',
  text_does_not_fit: 'The text does not fit the poster layout',
  rate_limited: 'Too many requests',
  internal_error: 'Something went wrong on our side',
  provider_unavailable: 'The image provider is unavailable',
  storage_unavailable: 'The image store is unavailable',
  not_ready: 'The service is not ready',
};

export interface FieldError { field: string; message: string }

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; retryAfter?: number; [k: string]: unknown } = {},
  ) {
    super(detail ?? TITLES[code]);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'resource') => new AppError('not_found', `No such ${what}.`);
export const invalid = (field: string, message: string) =>
  new AppError('validation_error', `${field}: ${message}`, { errors: [{ field, message }] });

export function problemBody(err: AppError, requestId: string | undefined) {
  const { retryAfter: _r, ...extra } = err.extra;
  return {
    type: `https://docs.community-ai-studio.dev/errors/${err.code}`,
    title: TITLES[err.code],
    status: err.status,
    code: err.code,
    detail: err.detail ?? TITLES[err.code],
    requestId,
    ...extra,
  };
}

export function sendProblem(res: Response, err: AppError) {
  const requestId = currentRequestId();
  if (err.extra.retryAfter !== undefined) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(err.extra.retryAfter))));
  res.status(err.status).type('application/problem+json').send(JSON.stringify(problemBody(err, requestId)));
}

/** Turns anything thrown into problem+json. Only genuinely unexpected errors become 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ValidateError) {
    const errors = Object.entries(err.fields).map(([field, v]) => ({ field: field.replace(/^body\.?/, '') || 'body', message: v.message }));
    return new AppError('validation_error', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  }
  const e = err as { type?: string; status?: number; statusCode?: number; message?: string };
  if (e?.type === 'entity.parse.failed') return new AppError('validation_error', 'The body is not valid JSON.');
  if (e?.type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is too large.');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new AppError('validation_error', 'Unsupported body encoding.');
  if ((e?.status ?? e?.statusCode) === 400) return new AppError('validation_error', e.message);
  return new AppError('internal_error', 'Unexpected error.');
}

export function errorMiddleware(err: unknown, req: Request, res: Response, _next: NextFunction) {
  const appErr = toAppError(err);
  if (appErr.status >= 500) logger().error({ err, path: req.path }, 'request failed');
  else logger().info({ code: appErr.code, status: appErr.status, path: req.path }, 'request refused');
  if (res.headersSent) return;
  sendProblem(res, appErr);
}
