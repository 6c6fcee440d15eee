import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import { PageIterator } from '../pagination.js';
import { AdminOrders, AdminPayments } from './admin-money.js';
import { registerOperations } from '../operations-core.js';
import { adminOperations } from '../operations-admin.js';
import type {
  AdminCategory, AdminCreateCategoryRequest, AdminCreateTemplateRequest, AdminGetAnalyticsRequest,
  AdminGetAnalyticsResponse, AdminGetConfigHistoryRequest, AdminGetConfigHistoryResponse, AdminGetConfigResponse,
  AdminEraseUserRequest, AdminEraseUserResponse, AdminGetUserErasureResponse, AdminGrantCreditsRequest, AdminGrantCreditsResponse, AdminListAuditLogRequest, AdminListAuditLogResponse,
  AdminListCategoriesRequest, AdminListCategoriesResponse, AdminListModerationRequest, AdminListModerationResponse,
  AdminListProvidersResponse, AdminListReferralReviewsRequest, AdminListReferralReviewsResponse,
  AdminListTemplatesRequest, AdminListTemplatesResponse, AdminModerateRequest, AdminModerateResponse,
  AdminReviewReferralRequest, AdminReviewReferralResponse, AdminSetProviderRequest, AdminSetProviderResponse,
  AdminTemplate, AdminTestProviderRequest, AdminTestProviderResponse, AdminUpdateCategoryRequest,
  AdminUpdateConfigRequest, AdminUpdateConfigResponse, AdminUpdateTemplateRequest, AuditEntry, ModerationItem,
  ReferralReview, AdminCreateWebhookRequest, AdminCreateWebhookResponse, AdminListWebhooksResponse, AdminGetWebhookResponse,
  AdminUpdateWebhookRequest, AdminUpdateWebhookResponse, AdminRotateWebhookSecretResponse, AdminTestWebhookResponse,
  AdminListWebhookDeliveriesRequest, AdminListWebhookDeliveriesResponse, AdminRedeliverWebhookResponse, WebhookDelivery,
  Appeal, AdminListAppealsRequest, AdminListAppealsResponse, AdminDecideAppealRequest, AdminDecideAppealResponse,
  Takedown, AdminListTakedownsRequest, AdminListTakedownsResponse, AdminDecideTakedownRequest, AdminDecideTakedownResponse,
  AdminUser, AdminSearchUsersRequest, AdminSearchUsersResponse, AdminGetUserRequest, AdminGetUserResponse, AdminAdjustUserRequest,
  AdminAdjustUserResponse, AdminSuspendUserRequest, AdminSuspendUserResponse, AdminUnsuspendUserRequest, AdminUnsuspendUserResponse,
} from '../types.js';

class AdminTemplates {
  constructor(private readonly http: HttpCore) {}
  list(query: AdminListTemplatesRequest = {}, opts?: RequestOptions): StudioPromise<AdminListTemplatesResponse> {
    return this.http.call('adminListTemplates', { query }, opts);
  }
  iterate(query: AdminListTemplatesRequest = {}, opts?: RequestOptions): PageIterator<AdminTemplate, AdminListTemplatesResponse> {
    return new PageIterator((cursor) => this.list({ ...query, cursor }, opts), query.cursor);
  }
  create(body: AdminCreateTemplateRequest, opts?: RequestOptions): StudioPromise<AdminTemplate> {
    return this.http.call('adminCreateTemplate', { body }, opts);
  }
  update(id: string, body: AdminUpdateTemplateRequest, opts?: RequestOptions): StudioPromise<AdminTemplate> {
    return this.http.call('adminUpdateTemplate', { params: { id }, body }, opts);
  }
  delete(id: string, opts?: RequestOptions): StudioPromise<void> {
    return this.http.call('adminDeleteTemplate', { params: { id } }, opts);
  }
}

class AdminCategories {
  constructor(private readonly http: HttpCore) {}
  list(query: AdminListCategoriesRequest = {}, opts?: RequestOptions): StudioPromise<AdminListCategoriesResponse> {
    return this.http.call('adminListCategories', { query }, opts);
  }
  iterate(query: AdminListCategoriesRequest = {}, opts?: RequestOptions): PageIterator<AdminCategory, AdminListCategoriesResponse> {
    return new PageIterator((cursor) => this.list({ ...query, cursor }, opts), query.cursor);
  }
  create(body: AdminCreateCategoryRequest, opts?: RequestOptions): StudioPromise<AdminCategory> {
    return this.http.call('adminCreateCategory', { body }, opts);
  }
  update(id: string, body: AdminUpdateCategoryRequest, opts?: RequestOptions): StudioPromise<AdminCategory> {
    return this.http.call('adminUpdateCategory', { params: { id }, body }, opts);
  }
  delete(id: string, opts?: RequestOptions): StudioPromise<void> {
    return this.http.call('adminDeleteCategory', { params: { id } }, opts);
  }
}

class AdminModeration {
  constructor(private readonly http: HttpCore) {}
  list(query: AdminListModerationRequest = {}, opts?: RequestOptions): StudioPromise<AdminListModerationResponse> {
    return this.http.call('adminListModeration', { query }, opts);
  }
  iterate(query: AdminListModerationRequest = {}, opts?: RequestOptions): PageIterator<ModerationItem, AdminListModerationResponse> {
    return new PageIterator((cursor) => this.list({ ...query, cursor }, opts), query.cursor);
  }
  act(body: AdminModerateRequest, opts?: RequestOptions): StudioPromise<AdminModerateResponse> {
    return this.http.call('adminModerate', { body }, opts);
  }
  /** Authors' appeals (open ones unless `status` says otherwise). */
  appeals(query: AdminListAppealsRequest = {}, opts?: RequestOptions): StudioPromise<AdminListAppealsResponse> {
    return this.http.call('adminListAppeals', { query }, opts);
  }
  iterateAppeals(query: AdminListAppealsRequest = {}, opts?: RequestOptions): PageIterator<Appeal, AdminListAppealsResponse> {
    return new PageIterator((cursor) => this.appeals({ ...query, cursor }, opts), query.cursor);
  }
  /** `uphold` keeps the action; `reverse` restores the post. */
  decideAppeal(appealId: string, body: AdminDecideAppealRequest, opts?: RequestOptions): StudioPromise<AdminDecideAppealResponse> {
    return this.http.call('adminDecideAppeal', { params: { appealId }, body }, opts);
  }
  /** Takedown requests (open ones unless `status` says otherwise). */
  takedowns(query: AdminListTakedownsRequest = {}, opts?: RequestOptions): StudioPromise<AdminListTakedownsResponse> {
    return this.http.call('adminListTakedowns', { query }, opts);
  }
  iterateTakedowns(query: AdminListTakedownsRequest = {}, opts?: RequestOptions): PageIterator<Takedown, AdminListTakedownsResponse> {
    return new PageIterator((cursor) => this.takedowns({ ...query, cursor }, opts), query.cursor);
  }
  /** `hide` or `delete` the post the request names, or `reject` the request. */
  decideTakedown(ticketId: string, body: AdminDecideTakedownRequest, opts?: RequestOptions): StudioPromise<AdminDecideTakedownResponse> {
    return this.http.call('adminDecideTakedown', { params: { ticketId }, body }, opts);
  }
}

/** Support tools: lookup and detail (any staff role), balance adjustments (finance), suspension (moderator). */
class AdminUsers {
  constructor(private readonly http: HttpCore) {}
  /** Matches sub, name, email and referral code. */
  search(query: AdminSearchUsersRequest = {}, opts?: RequestOptions): StudioPromise<AdminSearchUsersResponse> {
    return this.http.call('adminSearchUsers', { query }, opts);
  }
  iterate(query: AdminSearchUsersRequest = {}, opts?: RequestOptions): PageIterator<AdminUser, AdminSearchUsersResponse> {
    return new PageIterator((cursor) => this.search({ ...query, cursor }, opts), query.cursor);
  }
  /** `userId` is the internal id a search answers. */
  get(userId: string, query: AdminGetUserRequest = {}, opts?: RequestOptions): StudioPromise<AdminGetUserResponse> {
    return this.http.call('adminGetUser', { params: { userId }, query }, opts);
  }
  /** Signed credits with a required note; never overdraws (InsufficientCreditsError). */
  adjust(userId: string, body: AdminAdjustUserRequest, opts?: RequestOptions): StudioPromise<AdminAdjustUserResponse> {
    return this.http.call('adminAdjustUser', { params: { userId }, body }, opts);
  }
  suspend(userId: string, body: AdminSuspendUserRequest, opts?: RequestOptions): StudioPromise<AdminSuspendUserResponse> {
    return this.http.call('adminSuspendUser', { params: { userId }, body }, opts);
  }
  unsuspend(userId: string, body: AdminUnsuspendUserRequest, opts?: RequestOptions): StudioPromise<AdminUnsuspendUserResponse> {
    return this.http.call('adminUnsuspendUser', { params: { userId }, body }, opts);
  }
}

class AdminConfig {
  constructor(private readonly http: HttpCore) {}
  get(opts?: RequestOptions): StudioPromise<AdminGetConfigResponse> {
    return this.http.call('adminGetConfig', {}, opts);
  }
  /** A whole config or a partial patch; the API stores it as a new version. */
  update(body: AdminUpdateConfigRequest, opts?: RequestOptions): StudioPromise<AdminUpdateConfigResponse> {
    return this.http.call('adminUpdateConfig', { body }, opts);
  }
  history(query: AdminGetConfigHistoryRequest = {}, opts?: RequestOptions): StudioPromise<AdminGetConfigHistoryResponse> {
    return this.http.call('adminGetConfigHistory', { query }, opts);
  }
}

class AdminProviders {
  constructor(private readonly http: HttpCore) {}
  list(opts?: RequestOptions): StudioPromise<AdminListProvidersResponse> {
    return this.http.call('adminListProviders', {}, opts);
  }
  /** Sets or rotates a provider's key/endpoint; the key is stored encrypted and never returned. */
  set(body: AdminSetProviderRequest, opts?: RequestOptions): StudioPromise<AdminSetProviderResponse> {
    return this.http.call('adminSetProvider', { body }, opts);
  }
  test(body: AdminTestProviderRequest, opts?: RequestOptions): StudioPromise<AdminTestProviderResponse> {
    return this.http.call('adminTestProvider', { body }, opts);
  }
}

class AdminReferralReviews {
  constructor(private readonly http: HttpCore) {}
  list(query: AdminListReferralReviewsRequest = {}, opts?: RequestOptions): StudioPromise<AdminListReferralReviewsResponse> {
    return this.http.call('adminListReferralReviews', { query }, opts);
  }
  iterate(query: AdminListReferralReviewsRequest = {}, opts?: RequestOptions): PageIterator<ReferralReview, AdminListReferralReviewsResponse> {
    return new PageIterator((cursor) => this.list({ ...query, cursor }, opts), query.cursor);
  }
  act(body: AdminReviewReferralRequest, opts?: RequestOptions): StudioPromise<AdminReviewReferralResponse> {
    return this.http.call('adminReviewReferral', { body }, opts);
  }
}

/** Outbound webhook endpoints (Standard Webhooks); check deliveries with verifyWebhook. */
class AdminWebhooks {
  constructor(private readonly http: HttpCore) {}
  /** The answer carries the signing secret, shown only here and on rotation. */
  create(body: AdminCreateWebhookRequest, opts?: RequestOptions): StudioPromise<AdminCreateWebhookResponse> {
    return this.http.call('adminCreateWebhook', { body }, opts);
  }
  list(opts?: RequestOptions): StudioPromise<AdminListWebhooksResponse> {
    return this.http.call('adminListWebhooks', {}, opts);
  }
  get(id: string, opts?: RequestOptions): StudioPromise<AdminGetWebhookResponse> {
    return this.http.call('adminGetWebhook', { params: { id } }, opts);
  }
  update(id: string, body: AdminUpdateWebhookRequest, opts?: RequestOptions): StudioPromise<AdminUpdateWebhookResponse> {
    return this.http.call('adminUpdateWebhook', { params: { id }, body }, opts);
  }
  delete(id: string, opts?: RequestOptions): StudioPromise<void> {
    return this.http.call('adminDeleteWebhook', { params: { id } }, opts);
  }
  rotateSecret(id: string, opts?: RequestOptions): StudioPromise<AdminRotateWebhookSecretResponse> {
    return this.http.call('adminRotateWebhookSecret', { params: { id } }, opts);
  }
  /** Sends a `webhook.test` event to the endpoint. */
  test(id: string, opts?: RequestOptions): StudioPromise<AdminTestWebhookResponse> {
    return this.http.call('adminTestWebhook', { params: { id } }, opts);
  }
  deliveries(id: string, query: AdminListWebhookDeliveriesRequest = {}, opts?: RequestOptions): StudioPromise<AdminListWebhookDeliveriesResponse> {
    return this.http.call('adminListWebhookDeliveries', { params: { id }, query }, opts);
  }
  iterateDeliveries(id: string, query: AdminListWebhookDeliveriesRequest = {}, opts?: RequestOptions): PageIterator<WebhookDelivery, AdminListWebhookDeliveriesResponse> {
    return new PageIterator((cursor) => this.deliveries(id, { ...query, cursor }, opts), query.cursor);
  }
  redeliver(id: string, deliveryId: string, opts?: RequestOptions): StudioPromise<AdminRedeliverWebhookResponse> {
    return this.http.call('adminRedeliverWebhook', { params: { id, deliveryId } }, opts);
  }
}

/** Admin routes: each needs one of its staff roles (`role` claim: admin, moderator, finance, support); other callers get ForbiddenError. */
export class Admin {
  readonly templates: AdminTemplates;
  readonly categories: AdminCategories;
  readonly moderation: AdminModeration;
  readonly config: AdminConfig;
  readonly providers: AdminProviders;
  readonly referralReviews: AdminReferralReviews;
  readonly webhooks: AdminWebhooks;
  readonly orders: AdminOrders;
  readonly payments: AdminPayments;
  readonly users: AdminUsers;

  constructor(private readonly http: HttpCore) {
    // The admin rows are not in the transport's own table (operations-core.ts), so user-only bundles leave them out.
    registerOperations(adminOperations);
    this.templates = new AdminTemplates(http);
    this.categories = new AdminCategories(http);
    this.moderation = new AdminModeration(http);
    this.config = new AdminConfig(http);
    this.providers = new AdminProviders(http);
    this.referralReviews = new AdminReferralReviews(http);
    this.webhooks = new AdminWebhooks(http);
    this.orders = new AdminOrders(http);
    this.payments = new AdminPayments(http);
    this.users = new AdminUsers(http);
  }

  analytics(query: Omit<AdminGetAnalyticsRequest, 'format'> = {}, opts?: RequestOptions): StudioPromise<AdminGetAnalyticsResponse> {
    return this.http.call('adminGetAnalytics', { query: { ...query, format: 'json' } }, opts);
  }

  /** The same report as CSV text, for export. */
  analyticsCsv(query: Omit<AdminGetAnalyticsRequest, 'format'> = {}, opts?: RequestOptions): StudioPromise<string> {
    return this.http.call('adminGetAnalytics', { query: { ...query, format: 'csv' }, responseType: 'text', accept: 'text/csv, application/problem+json' }, opts);
  }

  auditLog(query: AdminListAuditLogRequest = {}, opts?: RequestOptions): StudioPromise<AdminListAuditLogResponse> {
    return this.http.call('adminListAuditLog', { query }, opts);
  }

  iterateAuditLog(query: AdminListAuditLogRequest = {}, opts?: RequestOptions): PageIterator<AuditEntry, AdminListAuditLogResponse> {
    return new PageIterator((cursor) => this.auditLog({ ...query, cursor }, opts), query.cursor);
  }

  /** Adds (or with a negative number removes) credits; ledger reason `admin`. */
  grantCredits(body: AdminGrantCreditsRequest, opts?: RequestOptions): StudioPromise<AdminGrantCreditsResponse> {
    return this.http.call('adminGrantCredits', { body }, opts);
  }

  /** Erases a user of the partner (by our id or their `sub`) on their behalf; asking again answers the same erasure. */
  eraseUser(userId: string, body: AdminEraseUserRequest, opts?: RequestOptions): StudioPromise<AdminEraseUserResponse> {
    return this.http.call('adminEraseUser', { params: { userId }, body }, opts);
  }

  userErasure(userId: string, opts?: RequestOptions): StudioPromise<AdminGetUserErasureResponse> {
    return this.http.call('adminGetUserErasure', { params: { userId } }, opts);
  }
}
