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

export const studioOperations = [
  // studio
  { name: 'enhancePrompt', method: 'POST', path: '/api/studio/enhance-prompt', repeatable: true },
  { name: 'generate', method: 'POST', path: '/api/studio/generate', idempotencyKey: true },
  { name: 'getJob', method: 'GET', path: '/api/studio/generate/{jobId}' },
  { name: 'listCategories', method: 'GET', path: '/api/studio/categories' },
  { name: 'listTemplates', method: 'GET', path: '/api/studio/templates' },
  { name: 'listTiers', method: 'GET', path: '/api/studio/tiers' },
  { name: 'listFormats', method: 'GET', path: '/api/studio/formats' },
  { name: 'getStudioSettings', method: 'GET', path: '/api/studio/settings' },
] as const satisfies readonly OperationDef[];

export const communityCreditsOperations = [
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
] as const satisfies readonly OperationDef[];

export const privacyOperations = [
  // privacy (the caller's own data; DPDP rights)
  { name: 'exportMyData', method: 'GET', path: '/api/me/export' },
  { name: 'getMyExport', method: 'GET', path: '/api/me/exports/{requestId}' },
  { name: 'eraseMe', method: 'DELETE', path: '/api/me' },
  { name: 'getMyErasure', method: 'GET', path: '/api/me/erasure' },
  { name: 'listMyConsents', method: 'GET', path: '/api/me/consents' },
  { name: 'giveConsent', method: 'POST', path: '/api/me/consents', repeatable: true },
] as const satisfies readonly OperationDef[];

/**
 * The rows `HttpCore` knows without registration: those of the resources a studio page uses. The rows of My
 * Creations, posters and brand kits, referrals and notifications are in their resource modules, registered when the
 * module loads (so a page without those widgets does not download them); operations.ts registers every row.
 */
const userOperations = [...studioOperations, ...communityCreditsOperations, ...privacyOperations] as const;

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
