/**
 * Every API operation the SDK calls. Resources build their URLs from this
 * table, so it cannot drift from what the SDK sends; a test compares it with
 * the OpenAPI document. Each `name` has `<Name>Request`/`<Name>Response`
 * types in types.ts.
 *
 * `idempotencyKey`: the SDK generates an `Idempotency-Key` for the caller.
 * `repeatable`: a POST whose repetition has no further effect, so it may be
 * retried after a 5xx or a network error (GET and DELETE always may).
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface OperationDef {
  readonly name: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly idempotencyKey?: boolean;
  readonly repeatable?: boolean;
}

export const operations = [
  // studio
  { name: 'enhancePrompt', method: 'POST', path: '/api/studio/enhance-prompt', repeatable: true },
  { name: 'generate', method: 'POST', path: '/api/studio/generate', idempotencyKey: true },
  { name: 'getJob', method: 'GET', path: '/api/studio/generate/{jobId}' },
  { name: 'listCategories', method: 'GET', path: '/api/studio/categories' },
  { name: 'listTemplates', method: 'GET', path: '/api/studio/templates' },
  { name: 'listTiers', method: 'GET', path: '/api/studio/tiers' },
  { name: 'listFormats', method: 'GET', path: '/api/studio/formats' },
  { name: 'getStudioSettings', method: 'GET', path: '/api/studio/settings' },
  // creations
  { name: 'listCreations', method: 'GET', path: '/api/studio/my-creations' },
  { name: 'getCreation', method: 'GET', path: '/api/studio/my-creations/{imageId}' },
  { name: 'deleteCreation', method: 'DELETE', path: '/api/studio/my-creations/{imageId}' },
  { name: 'reopenCreation', method: 'GET', path: '/api/studio/my-creations/{imageId}/reopen' },
  // posters
  { name: 'createPoster', method: 'POST', path: '/api/studio/posters' },
  { name: 'getPoster', method: 'GET', path: '/api/studio/posters/{posterId}' },
  { name: 'createBrandKit', method: 'POST', path: '/api/studio/brand-kits' },
  { name: 'listBrandKits', method: 'GET', path: '/api/studio/brand-kits' },
  { name: 'getBrandKit', method: 'GET', path: '/api/studio/brand-kits/{brandKitId}' },
  { name: 'deleteBrandKit', method: 'DELETE', path: '/api/studio/brand-kits/{brandKitId}' },
  // community
  { name: 'publish', method: 'POST', path: '/api/community/publish' },
  { name: 'getFeed', method: 'GET', path: '/api/community/feed' },
  { name: 'getPost', method: 'GET', path: '/api/community/posts/{postId}' },
  { name: 'unpublishPost', method: 'DELETE', path: '/api/community/posts/{postId}' },
  { name: 'likePost', method: 'POST', path: '/api/community/{postId}/like' },
  { name: 'reportPost', method: 'POST', path: '/api/community/{postId}/report' },
  { name: 'appealModeration', method: 'POST', path: '/api/community/{postId}/appeal' },
  { name: 'requestTakedown', method: 'POST', path: '/api/public/takedown' },
  // remix
  { name: 'openRemix', method: 'POST', path: '/api/community/{postId}/remix/open', repeatable: true },
  { name: 'recordRemix', method: 'POST', path: '/api/community/{postId}/remix/record', repeatable: true },
  // credits
  { name: 'getBalance', method: 'GET', path: '/api/credits/balance' },
  { name: 'listPacks', method: 'GET', path: '/api/credits/packs' },
  { name: 'purchase', method: 'POST', path: '/api/credits/purchase', idempotencyKey: true },
  { name: 'verifyPurchase', method: 'POST', path: '/api/credits/purchase/verify', idempotencyKey: true },
  { name: 'sandboxPay', method: 'POST', path: '/api/credits/sandbox/pay', repeatable: true },
  { name: 'listCreditHistory', method: 'GET', path: '/api/credits/history' },
  { name: 'listOrders', method: 'GET', path: '/api/credits/orders' },
  { name: 'getOrder', method: 'GET', path: '/api/credits/orders/{orderId}' },
  { name: 'getOrderReceipt', method: 'GET', path: '/api/credits/orders/{orderId}/receipt' },
  // referrals
  { name: 'getMyReferrals', method: 'GET', path: '/api/referrals/me' },
  { name: 'claimReferral', method: 'POST', path: '/api/referrals/claim' },
  // notifications
  { name: 'listNotifications', method: 'GET', path: '/api/notifications' },
  { name: 'markNotificationsRead', method: 'POST', path: '/api/notifications/read', repeatable: true },
  // admin
  { name: 'adminListTemplates', method: 'GET', path: '/api/admin/templates' },
  { name: 'adminCreateTemplate', method: 'POST', path: '/api/admin/templates' },
  { name: 'adminUpdateTemplate', method: 'PATCH', path: '/api/admin/templates/{id}' },
  { name: 'adminDeleteTemplate', method: 'DELETE', path: '/api/admin/templates/{id}' },
  { name: 'adminListCategories', method: 'GET', path: '/api/admin/categories' },
  { name: 'adminCreateCategory', method: 'POST', path: '/api/admin/categories' },
  { name: 'adminUpdateCategory', method: 'PATCH', path: '/api/admin/categories/{id}' },
  { name: 'adminDeleteCategory', method: 'DELETE', path: '/api/admin/categories/{id}' },
  { name: 'adminListModeration', method: 'GET', path: '/api/admin/moderation' },
  { name: 'adminModerate', method: 'POST', path: '/api/admin/moderation' },
  { name: 'adminListAppeals', method: 'GET', path: '/api/admin/moderation/appeals' },
  { name: 'adminDecideAppeal', method: 'POST', path: '/api/admin/moderation/appeals/{appealId}' },
  { name: 'adminListTakedowns', method: 'GET', path: '/api/admin/moderation/takedowns' },
  { name: 'adminDecideTakedown', method: 'POST', path: '/api/admin/moderation/takedowns/{ticketId}' },
  { name: 'adminSearchUsers', method: 'GET', path: '/api/admin/users' },
  { name: 'adminGetUser', method: 'GET', path: '/api/admin/users/{userId}' },
  { name: 'adminAdjustUser', method: 'POST', path: '/api/admin/users/{userId}/adjust' },
  { name: 'adminSuspendUser', method: 'POST', path: '/api/admin/users/{userId}/suspend' },
  { name: 'adminUnsuspendUser', method: 'POST', path: '/api/admin/users/{userId}/unsuspend' },
  { name: 'adminGetConfig', method: 'GET', path: '/api/admin/config' },
  { name: 'adminUpdateConfig', method: 'POST', path: '/api/admin/config' },
  { name: 'adminGetConfigHistory', method: 'GET', path: '/api/admin/config/history' },
  { name: 'adminListProviders', method: 'GET', path: '/api/admin/providers' },
  { name: 'adminSetProvider', method: 'POST', path: '/api/admin/providers' },
  { name: 'adminTestProvider', method: 'POST', path: '/api/admin/providers/test', repeatable: true },
  { name: 'adminGetAnalytics', method: 'GET', path: '/api/admin/analytics' },
  { name: 'adminListAuditLog', method: 'GET', path: '/api/admin/audit-log' },
  { name: 'adminGrantCredits', method: 'POST', path: '/api/admin/credits/grant' },
  { name: 'adminListReferralReviews', method: 'GET', path: '/api/admin/referrals/review' },
  { name: 'adminReviewReferral', method: 'POST', path: '/api/admin/referrals/review' },
  { name: 'adminCreateWebhook', method: 'POST', path: '/api/admin/webhooks' },
  { name: 'adminListWebhooks', method: 'GET', path: '/api/admin/webhooks' },
  { name: 'adminGetWebhook', method: 'GET', path: '/api/admin/webhooks/{id}' },
  { name: 'adminUpdateWebhook', method: 'PATCH', path: '/api/admin/webhooks/{id}' },
  { name: 'adminDeleteWebhook', method: 'DELETE', path: '/api/admin/webhooks/{id}' },
  { name: 'adminRotateWebhookSecret', method: 'POST', path: '/api/admin/webhooks/{id}/secret' },
  { name: 'adminTestWebhook', method: 'POST', path: '/api/admin/webhooks/{id}/test' },
  { name: 'adminListWebhookDeliveries', method: 'GET', path: '/api/admin/webhooks/{id}/deliveries' },
  { name: 'adminRedeliverWebhook', method: 'POST', path: '/api/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver' },
  { name: 'adminListOrders', method: 'GET', path: '/api/admin/orders' },
  { name: 'adminRefundOrder', method: 'POST', path: '/api/admin/orders/{orderId}/refund' },
  { name: 'adminGetPaymentAccount', method: 'GET', path: '/api/admin/payments' },
  { name: 'adminSetPaymentAccount', method: 'PUT', path: '/api/admin/payments' },
  // privacy (the caller's own data; DPDP rights)
  { name: 'exportMyData', method: 'GET', path: '/api/me/export' },
  { name: 'getMyExport', method: 'GET', path: '/api/me/exports/{requestId}' },
  { name: 'eraseMe', method: 'DELETE', path: '/api/me' },
  { name: 'getMyErasure', method: 'GET', path: '/api/me/erasure' },
  { name: 'listMyConsents', method: 'GET', path: '/api/me/consents' },
  { name: 'giveConsent', method: 'POST', path: '/api/me/consents', repeatable: true },
  { name: 'adminEraseUser', method: 'POST', path: '/api/admin/users/{userId}/erase', repeatable: true },
  { name: 'adminGetUserErasure', method: 'GET', path: '/api/admin/users/{userId}/erasure' },
] as const satisfies readonly OperationDef[];

export type OperationName = (typeof operations)[number]['name'];

const byName = new Map<string, OperationDef>(operations.map((op) => [op.name, op]));

export function getOperation(name: OperationName): OperationDef {
  const op = byName.get(name);
  if (!op) throw new Error(`Unknown operation ${name}`);
  return op;
}

/** Fills `{param}` placeholders, URL-encoding each value. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined || value === null || value === '') throw new TypeError(`Missing path parameter "${key}"`);
    return encodeURIComponent(String(value));
  });
}
