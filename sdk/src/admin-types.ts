/**
 * Admin request/response shapes (role `admin`, own partner only), generated like types.ts: aliases of
 * docs/openapi.json's schemas and operations (see schema.ts). Edit the server's types, not these.
 */
import type { EmptyRequest } from './types.js';
import type { BodyOf, QueryOf, ResponseOf, Schemas } from './schema.js';

// ---------------------------------------------------------------- templates

export type AdminTemplate = Schemas['AdminTemplateView'];
export type AdminListTemplatesRequest = QueryOf<'adminListTemplates'>;
export type AdminListTemplatesResponse = ResponseOf<'adminListTemplates'>;
export type AdminCreateTemplateRequest = BodyOf<'adminCreateTemplate'>;
export type AdminCreateTemplateResponse = ResponseOf<'adminCreateTemplate'>;
export type AdminUpdateTemplateRequest = BodyOf<'adminUpdateTemplate'>;
export type AdminUpdateTemplateResponse = ResponseOf<'adminUpdateTemplate'>;
export type AdminDeleteTemplateRequest = EmptyRequest;
/** The deactivated template (templates are never deleted). */
export type AdminDeleteTemplateResponse = ResponseOf<'adminDeleteTemplate'>;

// ---------------------------------------------------------------- categories

export type AdminCategory = Schemas['AdminCategoryView'];
export type AdminListCategoriesRequest = QueryOf<'adminListCategories'>;
export type AdminListCategoriesResponse = ResponseOf<'adminListCategories'>;
export type AdminCreateCategoryRequest = BodyOf<'adminCreateCategory'>;
export type AdminCreateCategoryResponse = ResponseOf<'adminCreateCategory'>;
export type AdminUpdateCategoryRequest = BodyOf<'adminUpdateCategory'>;
export type AdminUpdateCategoryResponse = ResponseOf<'adminUpdateCategory'>;
export type AdminDeleteCategoryRequest = EmptyRequest;
/** The deactivated category (categories are never deleted). */
export type AdminDeleteCategoryResponse = ResponseOf<'adminDeleteCategory'>;

// ---------------------------------------------------------------- moderation

export type ModerationAction = Schemas['ModerationAction'];
export type ModerationItem = Schemas['ModerationItem'];
export type AdminListModerationRequest = QueryOf<'adminListModeration'>;
export type AdminListModerationResponse = ResponseOf<'adminListModeration'>;
export type AdminModerateRequest = BodyOf<'adminModerate'>;
export type AdminModerateResponse = ResponseOf<'adminModerate'>;

// ---------------------------------------------------------------- config

/** Partner configuration (pricing, rewards, caps, flags) with its version. */
export type PartnerConfig = Schemas['ConfigView'];
export type AdminGetConfigRequest = EmptyRequest;
export type AdminGetConfigResponse = ResponseOf<'adminGetConfig'>;
/** Fields to change; the API merges them, validates the whole and saves a new version. */
export type AdminUpdateConfigRequest = BodyOf<'adminUpdateConfig'>;
export type AdminUpdateConfigResponse = ResponseOf<'adminUpdateConfig'>;
export type ConfigVersion = Schemas['ConfigHistoryItem'];
export type AdminGetConfigHistoryRequest = QueryOf<'adminGetConfigHistory'>;
export type AdminGetConfigHistoryResponse = ResponseOf<'adminGetConfigHistory'>;

// ---------------------------------------------------------------- providers

/** A stored provider key: alias and last four characters only; the key itself is never returned. */
export type ProviderSetting = Schemas['ProviderKeyView'];
export type AdminListProvidersRequest = EmptyRequest;
export type AdminListProvidersResponse = ResponseOf<'adminListProviders'>;
export type AdminSetProviderRequest = BodyOf<'adminSetProvider'>;
export type AdminSetProviderResponse = ResponseOf<'adminSetProvider'>;
export type AdminTestProviderRequest = BodyOf<'adminTestProvider'>;
export type AdminTestProviderResponse = ResponseOf<'adminTestProvider'>;

// ---------------------------------------------------------------- analytics, audit, grants

export type AdminGetAnalyticsRequest = QueryOf<'adminGetAnalytics'>;
export type AdminGetAnalyticsResponse = ResponseOf<'adminGetAnalytics'>;
/** ARPPU of the window against a baseline period (`baselineFrom`/`baselineTo`, default the period just before). */
export type AnalyticsArppuUplift = Schemas['ArppuUplift'];
/** Lifetime revenue per user against the partner's acquisition cost per user (config `acquisition.costPerUser`). */
export type AnalyticsLtvCac = Schemas['LtvCac'];
export type AuditEntry = Schemas['AuditItem'];
export type AdminListAuditLogRequest = QueryOf<'adminListAuditLog'>;
export type AdminListAuditLogResponse = ResponseOf<'adminListAuditLog'>;
export type AdminGrantCreditsRequest = BodyOf<'adminGrantCredits'>;
export type AdminGrantCreditsResponse = ResponseOf<'adminGrantCredits'>;

// ---------------------------------------------------------------- referral reviews

export type ReferralReview = Schemas['ReviewItemView'];
export type AdminListReferralReviewsRequest = QueryOf<'adminListReferralReviews'>;
export type AdminListReferralReviewsResponse = ResponseOf<'adminListReferralReviews'>;
export type AdminReviewReferralRequest = BodyOf<'adminReviewReferral'>;
export type AdminReviewReferralResponse = ResponseOf<'adminReviewReferral'>;

// ---------------------------------------------------------------- webhooks

/** An outbound webhook endpoint; `secret` only on create and rotation. */
export type WebhookEndpoint = Schemas['WebhookEndpointView'];
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret'];
export type WebhookDelivery = Schemas['WebhookDeliveryView'];
export type AdminCreateWebhookRequest = BodyOf<'adminCreateWebhook'>;
export type AdminCreateWebhookResponse = ResponseOf<'adminCreateWebhook'>;
export type AdminListWebhooksRequest = EmptyRequest;
export type AdminListWebhooksResponse = ResponseOf<'adminListWebhooks'>;
export type AdminGetWebhookRequest = EmptyRequest;
export type AdminGetWebhookResponse = ResponseOf<'adminGetWebhook'>;
export type AdminDeleteWebhookRequest = EmptyRequest;
export type AdminDeleteWebhookResponse = void;
export type AdminUpdateWebhookRequest = BodyOf<'adminUpdateWebhook'>;
export type AdminUpdateWebhookResponse = ResponseOf<'adminUpdateWebhook'>;
export type AdminRotateWebhookSecretRequest = EmptyRequest;
export type AdminRotateWebhookSecretResponse = ResponseOf<'adminRotateWebhookSecret'>;
export type AdminTestWebhookRequest = EmptyRequest;
export type AdminTestWebhookResponse = ResponseOf<'adminTestWebhook'>;
export type AdminListWebhookDeliveriesRequest = QueryOf<'adminListWebhookDeliveries'>;
export type AdminListWebhookDeliveriesResponse = ResponseOf<'adminListWebhookDeliveries'>;
export type AdminRedeliverWebhookRequest = EmptyRequest;
export type AdminRedeliverWebhookResponse = ResponseOf<'adminRedeliverWebhook'>;

// ---------------------------------------------------------------- orders, refunds, payment account

export type AdminOrder = Schemas['AdminOrderView'];
export type AdminListOrdersRequest = QueryOf<'adminListOrders'>;
export type AdminListOrdersResponse = ResponseOf<'adminListOrders'>;
export type AdminRefundOrderRequest = BodyOf<'adminRefundOrder'>;
export type AdminRefundOrderResponse = ResponseOf<'adminRefundOrder'>;
export type AdminGetPaymentAccountRequest = EmptyRequest;
export type AdminGetPaymentAccountResponse = ResponseOf<'adminGetPaymentAccount'>;
export type AdminSetPaymentAccountRequest = BodyOf<'adminSetPaymentAccount'>;
export type AdminSetPaymentAccountResponse = ResponseOf<'adminSetPaymentAccount'>;
export type AdminEraseUserRequest = BodyOf<'adminEraseUser'>;
export type AdminEraseUserResponse = ResponseOf<'adminEraseUser'>;
export type AdminGetUserErasureRequest = EmptyRequest;
export type AdminGetUserErasureResponse = ResponseOf<'adminGetUserErasure'>;
// ---------------------------------------------------------------- appeals and takedowns (roles admin, moderator)

export type Appeal = Schemas['AppealView'];
export type AdminListAppealsRequest = QueryOf<'adminListAppeals'>;
export type AdminListAppealsResponse = ResponseOf<'adminListAppeals'>;
export type AdminDecideAppealRequest = BodyOf<'adminDecideAppeal'>;
export type AdminDecideAppealResponse = ResponseOf<'adminDecideAppeal'>;
export type Takedown = Schemas['TakedownView'];
export type AdminListTakedownsRequest = QueryOf<'adminListTakedowns'>;
export type AdminListTakedownsResponse = ResponseOf<'adminListTakedowns'>;
export type AdminDecideTakedownRequest = BodyOf<'adminDecideTakedown'>;
export type AdminDecideTakedownResponse = ResponseOf<'adminDecideTakedown'>;

// ---------------------------------------------------------------- support tools (lookup: any staff role; adjust: finance; suspend: moderator)

export type AdminUser = Schemas['AdminUserSummary'];
export type AdminSearchUsersRequest = QueryOf<'adminSearchUsers'>;
export type AdminSearchUsersResponse = ResponseOf<'adminSearchUsers'>;
export type AdminGetUserRequest = QueryOf<'adminGetUser'>;
export type AdminGetUserResponse = ResponseOf<'adminGetUser'>;
export type AdminAdjustUserRequest = BodyOf<'adminAdjustUser'>;
export type AdminAdjustUserResponse = ResponseOf<'adminAdjustUser'>;
export type AdminSuspendUserRequest = BodyOf<'adminSuspendUser'>;
export type AdminSuspendUserResponse = ResponseOf<'adminSuspendUser'>;
export type AdminUnsuspendUserRequest = BodyOf<'adminUnsuspendUser'>;
export type AdminUnsuspendUserResponse = ResponseOf<'adminUnsuspendUser'>;
