/**
 * The operations every widget and resource may call (all but the admin's), the lookup `HttpCore` uses and
 * `buildPath`. Split from operations.ts so that a bundle with only user resources does not carry the admin rows:
 * those are in operations-admin.ts and registered by the `Admin` resource when it is built. operations.ts joins both
 * into the public `operations` table.
 */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface OperationDef {
  readonly name: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly idempotencyKey?: boolean;
  readonly repeatable?: boolean;
}

export const userOperations = [
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
  // privacy (the caller's own data; DPDP rights)
  { name: 'exportMyData', method: 'GET', path: '/api/me/export' },
  { name: 'getMyExport', method: 'GET', path: '/api/me/exports/{requestId}' },
  { name: 'eraseMe', method: 'DELETE', path: '/api/me' },
  { name: 'getMyErasure', method: 'GET', path: '/api/me/erasure' },
  { name: 'listMyConsents', method: 'GET', path: '/api/me/consents' },
  { name: 'giveConsent', method: 'POST', path: '/api/me/consents', repeatable: true },
] as const satisfies readonly OperationDef[];

const byName = new Map<string, OperationDef>(userOperations.map((op) => [op.name, op]));

/** Makes more operations known to `HttpCore` (the admin's: resources/admin.ts). */
export function registerOperations(defs: readonly OperationDef[]): void {
  for (const op of defs) byName.set(op.name, op);
}

/** The operation `HttpCore.call` sends (user operations, and those registered). */
export function lookupOperation(name: string): OperationDef {
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
