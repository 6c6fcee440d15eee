export { StudioClient } from './client.js';
export { HttpCore, defaultSleep, randomKey } from './core.js';
export type { ClientOptions, RequestOptions, TokenProvider, FetchLike, Sleep, CallSpec, RequestEvent, ResponseEvent } from './core.js';
export { StudioPromise, rateLimitOf } from './response.js';
export type { WithResponse, RateLimitInfo } from './response.js';
export {
  StudioError, ValidationError, AuthenticationError, InsufficientCreditsError, ForbiddenError, NotFoundError,
  ConflictError, ContentPolicyError, RateLimitedError, ProviderUnavailableError, PaymentVerificationError,
  NetworkError, AbortError, JobTimeoutError, JobFailedError, errorFromResponse, parseRetryAfter,
} from './errors.js';
export type { Problem, FieldError, StudioErrorInit } from './errors.js';
export { operations, getOperation, buildPath } from './operations.js';
export type { OperationDef, OperationName, HttpMethod } from './operations.js';
export { verifyWebhook, WebhookVerificationError, WEBHOOK_TOLERANCE_SECONDS } from './webhooks.js';
export type { WebhookEvent, WebhookEventType, WebhookHeaders } from './webhooks.js';
export { PageIterator } from './pagination.js';
export type { PageFetcher } from './pagination.js';
export type { WaitForJobOptions } from './resources/studio.js';
export type { Studio } from './resources/studio.js';
export type { Creations } from './resources/creations.js';
export type { Posters, BrandKits } from './resources/posters.js';
export type { Community } from './resources/community.js';
export type { Remix } from './resources/remix.js';
export type { Credits } from './resources/credits.js';
export type { Referrals } from './resources/referrals.js';
export type { Notifications } from './resources/notifications.js';
export type { Me } from './resources/me.js';
export type { Admin } from './resources/admin.js';
export type * from './types.js';
