import type { PartnerFixture } from './authz-fixtures.js';

/**
 * private: only the owner may touch it (another user of the partner gets 404).
 * listed: a public post; any signed-in user of the same partner may read/like/report/remix it.
 * catalog: partner-wide catalogue ids (templates, categories) sent in a body: usable inside the partner only.
 * admin: /api/admin/** with an id of the partner.
 */
export type Kind = 'private' | 'listed' | 'catalog' | 'admin';

export interface Case {
  /** `METHOD /path/{param}` exactly as docs/openapi.json names the operation. */
  route: string;
  kind: Kind;
  params?: Record<string, string>;
  /** `mine` is a succeeded image of the caller itself, so only the foreign id in the body can make the call fail. */
  body?: (mine: string) => unknown;
  /** What a caller without the right may get (default [404]). */
  refused?: number[];
  /** What a user of another partner may get, when it differs from `refused` (a foreign catalogue id in the body may be refused first). */
  crossRefused?: number[];
  /** What the owner (alice, or the partner's admin for admin routes) gets; 'skip' when the call would spoil the fixture. */
  owner?: number[] | 'skip';
  /** Owner calls run in this order (destructive ones last). */
  step?: number;
}

export const ID_FIELD = /^(id|ids)$|Id$/;
/** Body fields that end in Id but name no stored row of a user or partner (keyId: a gateway's public key id). */
export const NOT_AN_ID = new Set(['packId', 'paymentId', 'keyId']);

export function casesFor(f: PartnerFixture): Case[] {
  const hiddenish = [f.postPrivate, f.postHidden];
  const out: Case[] = [
    { route: 'GET /api/credits/orders/{orderId}', kind: 'private', params: { orderId: f.order } },
    // The receipt of alice's order: hers once paid (409 while unpaid), 404 to anyone else.
    { route: 'GET /api/credits/orders/{orderId}/receipt', kind: 'private', params: { orderId: f.order }, owner: [200, 409] },
    { route: 'GET /api/studio/generate/{jobId}', kind: 'private', params: { jobId: f.priv.jobId } },
    { route: 'GET /api/referrals/poster/{imageId}', kind: 'private', params: { imageId: f.priv.imageId } },
    { route: 'GET /api/studio/my-creations/{imageId}', kind: 'private', params: { imageId: f.priv.imageId } },
    { route: 'GET /api/studio/my-creations/{imageId}/reopen', kind: 'private', params: { imageId: f.hid.imageId } },
    { route: 'GET /api/community/posts/{postId}', kind: 'listed', params: { postId: f.postPublic } },
    { route: 'POST /api/community/{postId}/like', kind: 'listed', params: { postId: f.postPublic } },
    { route: 'POST /api/community/{postId}/report', kind: 'listed', params: { postId: f.postPublic }, body: () => ({ reason: 'other' }) },
    { route: 'POST /api/community/{postId}/remix/open', kind: 'listed', params: { postId: f.postPublic } },
    // Someone else's image recorded as a remix of a public post.
    { route: 'POST /api/community/{postId}/remix/record', kind: 'private', params: { postId: f.postPublic },
      body: () => ({ generatedImageId: f.remix.imageId }), step: 2 },
    { route: 'POST /api/community/publish', kind: 'private',
      body: () => ({ imageId: f.remix.imageId, title: 'Taken', categoryId: f.categoryId, visibility: 'private' }), owner: [201], step: 3,
      crossRefused: [400, 404] },
    { route: 'POST /api/community/publish', kind: 'catalog', owner: 'skip',
      body: (mine) => ({ imageId: mine, title: 'Mine', categoryId: f.categoryId, visibility: 'private' }), refused: [400, 404] },
    { route: 'POST /api/credits/purchase/verify', kind: 'private', owner: [400],
      body: () => ({ orderId: f.order, paymentId: 'pay_test000001', signature: '0'.repeat(64) }) },
    { route: 'POST /api/credits/sandbox/pay', kind: 'private', body: () => ({ orderId: f.order }) },
    // Bulk mark-read touches the caller's own rows only: someone else's ids change nothing (updated 0).
    { route: 'POST /api/notifications/read', kind: 'private', body: () => ({ ids: f.notificationIds }), refused: [200], step: 2 },
    { route: 'POST /api/studio/enhance-prompt', kind: 'catalog', body: () => ({ prompt: 'a quiet harbour at night', templateId: f.templateId }), refused: [400, 404] },
    { route: 'POST /api/studio/generate', kind: 'catalog', owner: 'skip',
      body: () => ({ prompt: 'a quiet harbour at night', tier: 'standard', templateId: f.templateId }), refused: [400, 404] },
    { route: 'DELETE /api/community/posts/{postId}', kind: 'private', params: { postId: f.postPublic }, owner: 'skip' },
    { route: 'DELETE /api/community/posts/{postId}', kind: 'private', params: { postId: f.postPrivate }, owner: [204], step: 4 },
    { route: 'DELETE /api/studio/my-creations/{imageId}', kind: 'private', params: { imageId: f.remix.imageId }, owner: [204], step: 5 },

    { route: 'GET /api/admin/templates/{id}', kind: 'admin', params: { id: f.templateId } },
    { route: 'PATCH /api/admin/templates/{id}', kind: 'admin', params: { id: f.templateId }, body: () => ({ title: 'Renamed' }), step: 2 },
    { route: 'PATCH /api/admin/templates/{id}', kind: 'admin', params: { id: f.templateId }, body: () => ({ categoryId: f.categoryId }), step: 2 },
    { route: 'DELETE /api/admin/templates/{id}', kind: 'admin', params: { id: f.templateId }, step: 4 },
    { route: 'POST /api/admin/templates', kind: 'admin', body: () => ({ title: 'Stolen', categoryId: f.categoryId, promptText: 'a calm lake at dawn' }),
      refused: [400], owner: [201], step: 2 },
    { route: 'GET /api/admin/categories/{id}', kind: 'admin', params: { id: f.adminCategoryId } },
    { route: 'PATCH /api/admin/categories/{id}', kind: 'admin', params: { id: f.adminCategoryId }, body: () => ({ description: 'Renamed' }), step: 2 },
    { route: 'DELETE /api/admin/categories/{id}', kind: 'admin', params: { id: f.adminCategoryId }, step: 4 },
    { route: 'POST /api/admin/categories/reorder', kind: 'admin', body: () => ({ ids: [f.adminCategoryId] }), step: 2 },
    { route: 'POST /api/admin/moderation', kind: 'admin', body: () => ({ postId: f.postPublic, action: 'dismiss', note: 'sweep' }), step: 2 },
    { route: 'POST /api/admin/referrals/review', kind: 'admin', body: () => ({ id: f.referralEventId, action: 'reject', note: 'sweep' }), step: 2 },
    // Before the grant below: granting to a foreign internal id makes a user with that sub in the caller's partner, which
    // the erase route (our id or the partner's sub) would then rightly find.
    { route: 'POST /api/admin/users/{userId}/erase', kind: 'admin', params: { userId: f.aliceUserId }, body: () => ({ note: 'sweep' }), owner: 'skip' },
    { route: 'GET /api/admin/users/{userId}/erasure', kind: 'admin', params: { userId: f.aliceUserId }, owner: [404] },
    // A grant names the partner's own user by sub: a foreign internal id can only make a new user of the caller's partner.
    { route: 'POST /api/admin/credits/grant', kind: 'admin', body: () => ({ userId: f.aliceUserId, credits: 1, note: 'sweep' }), refused: [200, 404], step: 2 },
    // A refund of the partner's own (paid) order succeeds; a foreign one is 404 and moves nothing.
    { route: 'POST /api/admin/orders/{orderId}/refund', kind: 'admin', params: { orderId: f.order }, body: () => ({ note: 'sweep' }), owner: [200, 409], step: 5 },
    { route: 'POST /api/admin/providers', kind: 'admin', body: () => ({ action: 'update', id: f.providerKeyId, alias: 'renamed' }), step: 2 },
    { route: 'POST /api/admin/providers', kind: 'admin', body: () => ({ action: 'rotate', id: f.providerKeyId, apiKey: 'sk-rotated-0123456789abcdef' }), step: 2 },
    { route: 'POST /api/admin/providers', kind: 'admin', body: () => ({ action: 'select', image: { active: f.providerKeyId, fallback: 'local' } }),
      refused: [400], owner: 'skip' },
    { route: 'POST /api/admin/providers', kind: 'admin', body: () => ({ action: 'remove', id: f.providerKeyId }), step: 5 },
    { route: 'POST /api/admin/providers/test', kind: 'admin', body: () => ({ id: f.providerKeyId }), step: 2 },
    { route: 'GET /api/admin/webhooks/{id}', kind: 'admin', params: { id: f.webhookId } },
    { route: 'PATCH /api/admin/webhooks/{id}', kind: 'admin', params: { id: f.webhookId }, body: () => ({ description: 'renamed' }), step: 2 },
    { route: 'POST /api/admin/webhooks/{id}/secret', kind: 'admin', params: { id: f.webhookId }, step: 2 },
    // Sending would try the endpoint's (unreachable) address: refusals only.
    { route: 'POST /api/admin/webhooks/{id}/test', kind: 'admin', params: { id: f.webhookId }, owner: 'skip' },
    { route: 'GET /api/admin/webhooks/{id}/deliveries', kind: 'admin', params: { id: f.webhookId } },
    { route: 'POST /api/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver', kind: 'admin', params: { id: f.webhookId, deliveryId: f.webhookDeliveryId }, owner: 'skip' },
    { route: 'DELETE /api/admin/webhooks/{id}', kind: 'admin', params: { id: f.webhookId }, owner: [204], step: 5 },
    { route: 'GET /api/studio/posters/{posterId}', kind: 'private', params: { posterId: f.posterId } },
    { route: 'POST /api/studio/posters', kind: 'private', body: () => ({ imageId: f.priv.imageId, layout: 'minimal-corner', text: { headline: 'Sweep' } }), owner: [201], step: 2 },
    { route: 'GET /api/studio/brand-kits/{brandKitId}', kind: 'private', params: { brandKitId: f.brandKitId } },
    { route: 'DELETE /api/studio/brand-kits/{brandKitId}', kind: 'private', params: { brandKitId: f.brandKitId }, owner: [204], step: 5 },
    // Privacy: an export is the caller's own (there is no way to name another user's); erasing alice would spoil the fixture
    // (and send the fixture's user.erased webhook), so the owner's call is left to privacy-erasure.test.ts.
    { route: 'GET /api/me/exports/{requestId}', kind: 'private', params: { requestId: f.exportId } },
    // Support tools (alice by internal id); the suspension runs after every owner call of alice, and is lifted again.
    { route: 'GET /api/admin/users/{userId}', kind: 'admin', params: { userId: f.aliceUserId } },
    { route: 'POST /api/admin/users/{userId}/adjust', kind: 'admin', params: { userId: f.aliceUserId }, body: () => ({ credits: 0.5, note: 'sweep' }), step: 2 },
    { route: 'POST /api/admin/users/{userId}/suspend', kind: 'admin', params: { userId: f.aliceUserId }, body: () => ({ note: 'sweep' }), step: 6 },
    { route: 'POST /api/admin/users/{userId}/unsuspend', kind: 'admin', params: { userId: f.aliceUserId }, body: () => ({ note: 'sweep' }), step: 7 },
    // Appeals are the author's; alice appealed the hiding of postHidden in the fixture, so hers is the second (409).
    { route: 'POST /api/community/{postId}/appeal', kind: 'private', params: { postId: f.postHidden }, body: () => ({ message: 'sweep' }), owner: [409] },
    { route: 'POST /api/admin/moderation/appeals/{appealId}', kind: 'admin', params: { appealId: f.appealId }, body: () => ({ decision: 'uphold', note: 'sweep' }), step: 2 },
    { route: 'POST /api/admin/moderation/takedowns/{ticketId}', kind: 'admin', params: { ticketId: f.takedownTicketId }, body: () => ({ action: 'reject', note: 'sweep' }), step: 2 },
    // Anyone may ask for a takedown of a listed post of the partner; another partner's post is 404.
    { route: 'POST /api/public/takedown', kind: 'listed', body: () => ({ postId: f.postPublic, reason: 'other', contactEmail: 'sweep@example.org' }), owner: [202] },
  ];
  for (const postId of hiddenish) {
    out.push(
      { route: 'GET /api/community/posts/{postId}', kind: 'private', params: { postId }, owner: [200] },
      { route: 'DELETE /api/community/posts/{postId}', kind: 'private', params: { postId }, owner: 'skip' },
      { route: 'POST /api/community/{postId}/like', kind: 'private', params: { postId }, owner: [404] },
      { route: 'POST /api/community/{postId}/report', kind: 'private', params: { postId }, body: () => ({ reason: 'spam' }), owner: [404] },
      { route: 'POST /api/community/{postId}/remix/open', kind: 'private', params: { postId }, owner: [404] },
      { route: 'POST /api/community/{postId}/remix/record', kind: 'private', params: { postId }, body: (mine) => ({ generatedImageId: mine }), owner: 'skip' },
    );
  }
  return out;
}

export function urlOf(c: Case) {
  const path = c.route.split(' ')[1]!;
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = c.params?.[name];
    if (v === undefined) throw new Error(`${c.route}: no value for {${name}}`);
    return encodeURIComponent(v);
  });
}
