import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { StudioClient, operations, type FetchLike } from '../src/index.js';

const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);

/** Calls every SDK method once through a fake fetch and returns `METHOD path` of each request. */
async function sweep(): Promise<string[]> {
  const seen: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    seen.push(`${init.method} ${new URL(url).pathname}`);
    const isJob = url.includes('/generate/');
    const body = isJob ? { status: 'succeeded', progress: 100 } : url.includes('/generate') ? { jobId: 'j' } : { items: [] };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  const c = new StudioClient({ baseUrl: 'http://x', token: 't', fetch });
  const a = c.admin;
  await Promise.all([
    c.studio.enhancePrompt({ prompt: 'p' }), c.studio.generate({ prompt: 'p', tier: 'standard' }), c.studio.getJob('j'),
    c.studio.categories(), c.studio.templates({ categoryId: 'c' }), c.studio.tiers(), c.studio.formats(), c.studio.settings(),
    c.creations.list(), c.creations.get('i'), c.creations.delete('i'), c.creations.reopen('i'),
    c.posters.create({ imageId: 'i', layout: 'split', text: { headline: 'h' } }), c.posters.get('p'),
    c.brandKits.create({ name: 'k', colors: { primary: '#000000', secondary: '#ffffff', text: '#ffffff' }, font: 'noto-sans' }), c.brandKits.list(), c.brandKits.get('b'), c.brandKits.delete('b'),
    c.community.publish({ imageId: 'i', title: 't', categoryId: 'c', visibility: 'public' }), c.community.feed(),
    c.community.getPost('p'), c.community.unpublish('p'), c.community.like('p'), c.community.report('p', { reason: 'spam' }),
    c.community.appeal('p', { message: 'm' }), c.community.requestTakedown({ postId: 'p', reason: 'other', contactEmail: 'a@b.example' }),
    c.remix.open('p'), c.remix.record('p', { generatedImageId: 'i' }),
    c.credits.balance(), c.credits.packs(), c.credits.purchase({ packId: 'x' }),
    c.credits.verify({ orderId: 'o', paymentId: 'y', signature: 's' }), c.credits.sandboxPay('o'), c.credits.history(),
    c.credits.orders(), c.credits.getOrder('o'), c.credits.receipt('o'), c.credits.receiptPdf('o'),
    c.referrals.me(), c.referrals.claim('CODE'),
    c.notifications.list(), c.notifications.markRead({ all: true }),
    a.templates.list(), a.templates.create({ title: 't', categoryId: 'c', promptText: 'p' }), a.templates.update('1', { title: 'u' }), a.templates.delete('1'),
    a.categories.list(), a.categories.create({ name: 'n' }), a.categories.update('1', { name: 'm' }), a.categories.delete('1'),
    a.moderation.list(), a.moderation.act({ postId: 'p', action: 'hide', note: 'spam' }),
    a.moderation.appeals(), a.moderation.decideAppeal('apl', { decision: 'uphold', note: 'n' }), a.moderation.takedowns(),
    a.moderation.decideTakedown('tkd', { action: 'reject', note: 'n' }),
    a.users.search({ query: 'q' }), a.users.get('usr'), a.users.adjust('usr', { credits: 1, note: 'n' }), a.users.suspend('usr', { note: 'n' }),
    a.users.unsuspend('usr', { note: 'n' }),
    a.config.get(), a.config.update({ config: { pricing: {} } }), a.config.history(),
    a.providers.list(), a.providers.set({ action: 'add', provider: 'openai', apiKey: 'sk' }), a.providers.test({ provider: 'openai' }),
    a.analytics(), a.auditLog(), a.grantCredits({ userId: 'u', credits: 1, note: 'n' }),
    a.referralReviews.list(), a.referralReviews.act({ id: 'r', action: 'approve' }),
    a.webhooks.create({ url: 'https://h', events: ['*'] }), a.webhooks.list(), a.webhooks.get('1'), a.webhooks.update('1', { enabled: false }),
    a.webhooks.delete('1'), a.webhooks.rotateSecret('1'), a.webhooks.test('1'), a.webhooks.deliveries('1'), a.webhooks.redeliver('1', 'd'),
    a.orders.list({ status: 'paid' }), a.orders.refund('o', { note: 'n' }), a.payments.get(), a.payments.set({ keyId: 'rzp_test_abcdef' }),
    c.me.export(), c.me.getExport('r'), c.me.erase(), c.me.erasure(), c.me.consents(), c.me.giveConsent({ purpose: 'terms', version: 'v1' }),
    a.eraseUser('usr', { note: 'n' }), a.userErasure('usr'),
  ]);
  return seen;
}

describe('sdk: operations table', () => {
  it('has unique names and unique method + path pairs', () => {
    expect(new Set(operations.map((o) => o.name)).size).to.equal(operations.length);
    expect(new Set(operations.map((o) => `${o.method} ${o.path}`)).size).to.equal(operations.length);
    for (const op of operations) expect(op.path).to.match(/^\/api\//);
  });

  it('has a Request and a Response type for every operation', () => {
    const src = ['types.ts', 'admin-types.ts'].map((f) => readFileSync(new URL(`../src/${f}`, import.meta.url), 'utf8')).join('\n');
    const missing = operations.flatMap((op) =>
      ['Request', 'Response'].map((s) => `${pascal(op.name)}${s}`).filter((t) => !new RegExp(`export (type|interface) ${t}\\b`).test(src)),
    );
    expect(missing).to.deep.equal([]);
  });

  it('is exactly what the resource methods call', async () => {
    const sent = new Set(await sweep());
    const declared = new Set(
      operations.map((o) => `${o.method} ${o.path.replace(/\{(\w+)\}/g, (_, k: string) => ({ jobId: 'j', imageId: 'i', postId: 'p', orderId: 'o', id: '1', deliveryId: 'd', posterId: 'p', brandKitId: 'b', requestId: 'r', appealId: 'apl', ticketId: 'tkd', userId: 'usr' })[k]!)}`),
    );
    expect([...sent].sort()).to.deep.equal([...declared].sort());
  });

  it('marks only generate, purchase and verify as spending calls', () => {
    expect(operations.filter((o) => 'idempotencyKey' in o && o.idempotencyKey).map((o) => o.name)).to.deep.equal(['generate', 'purchase', 'verifyPurchase']);
  });
});
