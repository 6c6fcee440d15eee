import { PrivacyRequest, User, WebhookDelivery } from '../../src/models/index.js';
import { sleep, type TestServer } from './harness.js';

/** Who calls: a bearer token (or none) and the partner's publishable key when the partner is not the default one. */
export interface Actor { name: string; token?: string; headers: Record<string, string> }
export type Call = (a: Actor, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  Promise<{ status: number; body: any; headers: Headers; text: string }>;

export function caller(s: TestServer): Call {
  return async (a, method, path, body, headers = {}) => {
    const r = await s.call(method, path, { token: a.token, headers: { ...a.headers, ...headers }, body });
    return { ...r, text: typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? '') };
  };
}

export interface Generated { jobId: string; imageId: string }

/** Everything one partner's users own, made through the API as a partner's widgets would. */
export interface PartnerFixture {
  tag: string; tenantId: string;
  alice: Actor; bob: Actor; admin: Actor; carol: Actor; anon: Actor;
  aliceUserId: string;
  categoryId: string;
  /** Published publicly (listed); remixed and liked by bob, reported by bob. */
  pub: Generated; postPublic: string;
  /** Published privately. */
  priv: Generated; postPrivate: string;
  /** Published publicly, then hidden by the admin. */
  hid: Generated; postHidden: string;
  /** Made after alice opened her public post for remixing; never published. */
  remix: Generated;
  order: string;
  notificationIds: string[];
  referralCode: string; referralEventId: string;
  templateId: string; templateMarker: string; adminCategoryId: string; providerKeyId: string; providerApiKey: string;
  bobImg: Generated; bobPost: string; bobOrder: string;
  webhookId: string; webhookDeliveryId: string;
  /** Alice's poster (over priv) and brand kit. */
  posterId: string; brandKitId: string;
  /** A built export of alice's (GET /api/me/exports/{requestId}); its document holds the private marker. */
  exportId: string;
  /** alice's appeal of the hiding of postHidden; an anonymous takedown request naming postPublic. */
  appealId: string; takedownTicketId: string;
  /** Strings only alice (or her admin) may ever see. */
  privateMarker: string;
}

function expectOk(r: { status: number; text: string }, what: string, ...ok: number[]) {
  if (!(ok.length ? ok : [200, 201, 202, 204]).includes(r.status)) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 300)}`);
}

export async function generate(call: Call, a: Actor, prompt: string): Promise<Generated> {
  const r = await call(a, 'POST', '/api/studio/generate', { prompt, tier: 'standard' });
  expectOk(r, `generate for ${a.name}`, 202);
  const until = Date.now() + 20000;
  for (;;) {
    const j = await call(a, 'GET', `/api/studio/generate/${r.body.jobId}`);
    if (j.body?.status === 'succeeded') return { jobId: r.body.jobId, imageId: r.body.imageId };
    if (j.status !== 200 || j.body?.status === 'failed' || Date.now() > until) throw new Error(`job ${r.body.jobId}: ${j.status} ${j.text}`);
    await sleep(40);
  }
}

export async function buildPartner(s: TestServer, opts: { tag: string; tenantId: string; partnerKey?: string; secret?: string }): Promise<PartnerFixture> {
  const call = caller(s);
  const { tag } = opts;
  const headers: Record<string, string> = opts.partnerKey ? { 'x-partner-key': opts.partnerKey } : {};
  const actor = (sub: string, claims: Record<string, unknown> = {}): Actor =>
    ({ name: `${tag}:${sub}`, token: s.token(sub, claims, opts.secret ? { secret: opts.secret } : {}), headers });
  const alice = actor('alice'), bob = actor('bob'), admin = actor('boss', { role: 'admin' });
  const anon: Actor = { name: `${tag}:anonymous`, headers };
  const privateMarker = `PRIVMARK${tag}`;

  // Users sign up with their own first call (so their address is known), then the admin grants them credits.
  for (const a of [alice, bob]) expectOk(await call(a, 'GET', '/api/credits/balance'), `signup ${a.name}`);
  for (const [who, credits] of [['alice', 20], ['bob', 10]] as const) {
    expectOk(await call(admin, 'POST', '/api/admin/credits/grant', { userId: who, credits, note: 'fixture' }), `grant ${who}`);
  }
  const categoryId = (await call(alice, 'GET', '/api/studio/categories')).body.items[0].id as string;
  const publish = async (a: Actor, imageId: string, title: string, visibility: 'public' | 'private') => {
    const r = await call(a, 'POST', '/api/community/publish', { imageId, title, categoryId, visibility });
    expectOk(r, `publish ${title}`, 201);
    return r.body.postId as string;
  };

  const pub = await generate(call, alice, `a lighthouse at dusk over calm water ${tag}`);
  const priv = await generate(call, alice, `a zebra ${privateMarker} standing in morning fog`);
  const hid = await generate(call, alice, `an owl ${privateMarker} on a snowy branch`);
  const postPublic = await publish(alice, pub.imageId, `Lighthouse ${tag}`, 'public');
  const postPrivate = await publish(alice, priv.imageId, `Zebra ${privateMarker}`, 'private');
  const postHidden = await publish(alice, hid.imageId, `Owl ${privateMarker}`, 'public');
  expectOk(await call(alice, 'POST', `/api/community/${postPublic}/remix/open`), 'remix open');
  const remix = await generate(call, alice, `a lighthouse ${privateMarker} in a storm`);

  const bobImg = await generate(call, bob, `a red bicycle against a brick wall ${tag}`);
  const bobPost = await publish(bob, bobImg.imageId, `Bicycle ${tag}`, 'public');
  expectOk(await call(bob, 'POST', `/api/community/${postPublic}/like`), 'like');
  expectOk(await call(bob, 'POST', `/api/community/${postPublic}/report`, { reason: 'spam' }), 'report');
  expectOk(await call(admin, 'POST', '/api/admin/moderation', { postId: postHidden, action: 'hide', note: 'fixture' }), 'hide');
  const appeal = await call(alice, 'POST', `/api/community/${postHidden}/appeal`, { message: `fixture ${privateMarker}` });
  expectOk(appeal, 'appeal', 201);
  const takedown = await call(anon, 'POST', '/api/public/takedown', { postId: postPublic, reason: 'other', contactEmail: 'fixture@example.org', details: privateMarker });
  expectOk(takedown, 'takedown', 202);

  const order = (await call(alice, 'POST', '/api/credits/purchase', { packId: 'pack_10' })).body.orderId as string;
  const bobOrder = (await call(bob, 'POST', '/api/credits/purchase', { packId: 'pack_10' })).body.orderId as string;
  if (!order || !bobOrder) throw new Error('orders were not created');

  const notes = await call(alice, 'GET', '/api/notifications');
  const notificationIds = (notes.body.items as { id: string }[]).map((n) => n.id);
  if (notificationIds.length < 2) throw new Error(`alice should have like and moderation notifications: ${notes.text}`);

  const referralCode = (await call(alice, 'GET', '/api/referrals/me')).body.code as string;
  // carol signs up with alice's code from the same address: the referral is held for review.
  const carol = actor('carol', { ref: referralCode });
  expectOk(await call(carol, 'GET', '/api/credits/balance'), 'carol signup');
  let referralEventId = '';
  for (let i = 0; i < 100 && !referralEventId; i++) {
    const q = await call(admin, 'GET', '/api/admin/referrals/review');
    referralEventId = q.body.items?.[0]?.id ?? '';
    if (!referralEventId) await sleep(30);
  }
  if (!referralEventId) throw new Error('no held referral event');

  const templateMarker = `TPLMARK${tag}`;
  const tpl = await call(admin, 'POST', '/api/admin/templates', { title: `Poster ${tag}`, categoryId, promptText: `a poster of a ${templateMarker} mountain` });
  expectOk(tpl, 'template', 201);
  const cat = await call(admin, 'POST', '/api/admin/categories', { name: `Category ${tag}` });
  expectOk(cat, 'category', 201);
  const providerApiKey = `sk-${tag}-provider-key-0123456789abcdefXYZ`;
  const key = await call(admin, 'POST', '/api/admin/providers', { action: 'add', provider: 'openai', purpose: 'image', alias: `main ${tag}`, apiKey: providerApiKey });
  expectOk(key, 'provider key');

  // A public address literal (no DNS) subscribed to an event nothing emits here: the sweep never makes it send.
  const hook = await call(admin, 'POST', '/api/admin/webhooks', { url: `https://8.8.8.8/hooks/${tag}`, events: ['user.erased'] });
  expectOk(hook, 'webhook', 201);
  const webhookDeliveryId = `whd_sweep_${tag}`;
  await WebhookDelivery.create({ id: webhookDeliveryId, tenantId: opts.tenantId, endpointId: hook.body.id, eventId: `evt_sweep_${tag}`, type: 'webhook.test',
    attempt: 1, status: 'failed' });

  const kit = await call(alice, 'POST', '/api/studio/brand-kits', { name: `Kit ${privateMarker}`, colors: { primary: '#123456', secondary: '#ffffff', text: '#ffffff' }, font: 'noto-sans' });
  expectOk(kit, 'brand kit', 201);
  const poster = await call(alice, 'POST', '/api/studio/posters', { imageId: priv.imageId, layout: 'minimal-corner', text: { headline: `Sale ${tag}` } });
  expectOk(poster, 'poster', 201);

  const aliceRow = await User.findOne({ where: { tenantId: opts.tenantId, sub: 'alice' } });
  const exportId = `exp_sweep_${tag}`;
  await PrivacyRequest.create({ id: exportId, tenantId: opts.tenantId, userId: aliceRow!.id, kind: 'export', status: 'done', requestedBy: 'self', attempts: 1,
    finishedAt: new Date(), result: JSON.stringify({ format: 'community-ai-studio/export@1', generatedAt: new Date().toISOString(), marker: privateMarker }) });
  return {
    posterId: poster.body.posterId, brandKitId: kit.body.id,
    tag, tenantId: opts.tenantId, alice, bob, admin, carol, anon, aliceUserId: aliceRow!.id, categoryId,
    pub, postPublic, priv, postPrivate, hid, postHidden, remix, order, notificationIds, referralCode, referralEventId,
    templateId: tpl.body.id, templateMarker, adminCategoryId: cat.body.id, providerKeyId: key.body.keyId, providerApiKey,
    bobImg, bobPost, bobOrder, privateMarker, webhookId: hook.body.id, webhookDeliveryId, exportId,
    appealId: appeal.body.appealId, takedownTicketId: takedown.body.ticketId,
  };
}
