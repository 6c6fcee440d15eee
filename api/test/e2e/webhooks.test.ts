import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { expectProblem } from '../support/foundation-helpers.js';
import { ensureUser, firstCategory, makeImage } from '../support/community-fixtures.js';
import { waitForJob } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { services } from '../../src/context.js';
import { ProviderError } from '../../src/providers/errors.js';
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from '../../src/models/index.js';
import { emitWebhookEvent } from '../../src/webhooks/events.js';
import { recordAward } from '../../src/referrals/awards.js';
import { userIdOf } from '../support/foundation-helpers.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';

/**
 * Outbound webhooks end to end: a real receiver on loopback verifies every delivery with the `standardwebhooks`
 * library; each change emits its event exactly once, retries follow 500s and timeouts, a rolled-back change emits nothing.
 */
const env = { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_RETRY_DELAYS_MS: '50,50,50', WEBHOOK_TIMEOUT_MS: '2000', JOB_RETRY_DELAYS_MS: '50,50,50' };

describeEachDatabase('outbound webhooks', { server: { env }, timeout: 120000 }, function (db) {
  const s = db.server;
  const rx = new WebhookReceiver();
  let admin: string;
  let n = 0;
  const uniq = (p: string) => `${p}${++n}`;
  before(async () => {
    await rx.start();
    admin = s.token('wh-admin', { role: 'admin' });
  });
  after(async () => {
    services().providers.replaceImageProviderForTests(undefined);
    await rx.stop();
  });

  /** Creates an endpoint on the receiver at `path` and tells the receiver its secret. */
  async function endpoint(path: string, events: string[] = ['*']) {
    const r = await s.call('POST', '/api/admin/webhooks', { token: admin, body: { url: rx.url + path, events, description: path } });
    expect(r.status, JSON.stringify(r.body)).to.equal(201);
    rx.secret(path, r.body.secret);
    return r.body as { id: string; secret: string; url: string; events: string[]; enabled: boolean };
  }
  const deliveries = (id: string) => WebhookDelivery.findAll({ where: { endpointId: id } });
  const settled = (id: string) => waitUntil(`deliveries of ${id} settled`, async () => {
    const ds = await deliveries(id);
    return ds.length > 0 && ds.every((d) => d.status !== 'pending') ? ds : undefined;
  });

  it('creates an endpoint with a whsec_ secret shown once; list, get, patch, rotate, delete', async () => {
    const e = await endpoint('/crud', ['credits.granted']);
    expect(e.secret).to.match(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/);
    expect(Buffer.from(e.secret.slice(6), 'base64').length).to.be.at.least(24);
    expect(e).to.include({ enabled: true, url: `${rx.url}/crud` });
    const row = (await WebhookEndpoint.findByPk(e.id))!;
    expect(row.secretEnc).to.not.include(e.secret.slice(6, 20));
    const list = await s.call('GET', '/api/admin/webhooks', { token: admin });
    expect(list.status).to.equal(200);
    expect(JSON.stringify(list.body)).to.not.include('whsec_');
    expect(list.body.items.map((x: { id: string }) => x.id)).to.include(e.id);
    const one = await s.call('GET', `/api/admin/webhooks/${e.id}`, { token: admin });
    expect(one.body).to.not.have.property('secret');
    const patched = await s.call('PATCH', `/api/admin/webhooks/${e.id}`, { token: admin, body: { events: ['credits.granted', 'post.published'], enabled: false } });
    expect(patched.status).to.equal(200);
    expect(patched.body).to.include({ enabled: false });
    expect(patched.body.events).to.deep.equal(['credits.granted', 'post.published']);
    const rotated = await s.call('POST', `/api/admin/webhooks/${e.id}/secret`, { token: admin });
    expect(rotated.status).to.equal(200);
    expect(rotated.body.secret).to.match(/^whsec_/).and.not.equal(e.secret);
    const del = await s.call('DELETE', `/api/admin/webhooks/${e.id}`, { token: admin });
    expect(del.status).to.equal(204);
    expectProblem(await s.call('GET', `/api/admin/webhooks/${e.id}`, { token: admin }), 404, 'not_found');
  });

  it('bad input is a 400 validation_error and writes nothing; non-admins 403; foreign ids 404', async () => {
    const before = await WebhookEndpoint.count();
    const bad = [
      { url: 'http://example.com/hook', events: ['*'] },
      { url: 'https://10.0.0.7/hook', events: ['*'] },
      { url: 'https://192.168.1.20/hook', events: ['*'] },
      { url: 'https://169.254.169.254/latest', events: ['*'] },
      { url: 'ftp://example.com/', events: ['*'] },
      { url: 'not a url', events: ['*'] },
      { url: `${rx.url}/x`, events: ['nope.happened'] },
      { url: `${rx.url}/x`, events: [] },
      { url: `${rx.url}/x` },
      { url: `${rx.url}/x`, events: ['*'], description: 'd'.repeat(501) },
    ];
    for (const body of bad) {
      expectProblem(await s.call('POST', '/api/admin/webhooks', { token: admin, body }), 400, 'validation_error');
    }
    expectProblem(await s.call('POST', '/api/admin/webhooks', { token: admin, raw: '{"url":' }), 400, 'validation_error');
    expect(await WebhookEndpoint.count()).to.equal(before);
    expectProblem(await s.call('GET', '/api/admin/webhooks', { token: s.token('plain-user') }), 403, 'forbidden');
    expectProblem(await s.call('POST', '/api/admin/webhooks', { token: s.token('plain-user'), body: { url: `${rx.url}/x`, events: ['*'] } }), 403, 'forbidden');

    // Another partner's endpoint and delivery answer exactly like missing ones.
    await WebhookEndpoint.create({ id: 'wh_foreign', tenantId: 'tnt_other', url: 'https://example.com/', events: ['*'], enabled: true, secretEnc: 'x' });
    await WebhookDelivery.create({ id: 'whd_foreign', tenantId: 'tnt_other', endpointId: 'wh_foreign', eventId: 'evt_x', type: 'webhook.test', attempt: 1,
      status: 'failed' });
    const mine = await endpoint('/mine', ['credits.granted']);
    for (const [m, p, body] of [['GET', '/api/admin/webhooks/wh_foreign'], ['PATCH', '/api/admin/webhooks/wh_foreign', { enabled: false }],
      ['DELETE', '/api/admin/webhooks/wh_foreign'], ['POST', '/api/admin/webhooks/wh_foreign/secret'], ['POST', '/api/admin/webhooks/wh_foreign/test'],
      ['GET', '/api/admin/webhooks/wh_foreign/deliveries'], ['POST', '/api/admin/webhooks/wh_foreign/deliveries/whd_foreign/redeliver'],
      ['POST', `/api/admin/webhooks/${mine.id}/deliveries/whd_foreign/redeliver`], ['GET', '/api/admin/webhooks/nope']] as [string, string, unknown?][]) {
      expectProblem(await s.call(m, p, { token: admin, body }), 404, 'not_found');
    }
    expect((await WebhookEndpoint.findByPk('wh_foreign'))!.enabled).to.equal(true);
    expectProblem(await s.call('PATCH', `/api/admin/webhooks/${mine.id}`, { token: admin, body: { url: 'http://example.com/' } }), 400, 'validation_error');
    expectProblem(await s.call('PATCH', `/api/admin/webhooks/${mine.id}`, { token: admin, body: { events: [] } }), 400, 'validation_error');
    await s.call('DELETE', `/api/admin/webhooks/${mine.id}`, { token: admin });
  });

  it('every event type arrives exactly once per change, signed, with the user\'s sub and no email', async () => {
    const e = await endpoint('/all');
    const cat = await firstCategory(s, (await ensureUser(s, uniq('setup'))).token);
    const buyer = uniq('buyer');
    // credits.granted (admin grant; the user is made first, so no welcome grant rides along)
    await s.grant(buyer, 10);
    const bt = s.token(buyer, { email: `${buyer}@example.com` });
    // generation.succeeded
    const gen = await s.call('POST', '/api/studio/generate', { token: bt, body: { prompt: 'a calm lake at dawn', tier: 'premium2' } });
    expect(gen.status, JSON.stringify(gen.body)).to.equal(202);
    expect((await waitForJob(s, bt, gen.body.jobId)).status).to.equal('succeeded');
    // generation.failed (refused at once, refunded)
    services().providers.replaceImageProviderForTests(async () => ({ name: 'refuser', async generate() { throw new ProviderError('content_policy_violation', 'no', false, 400); } }));
    const bad = await s.call('POST', '/api/studio/generate', { token: bt, body: { prompt: 'another calm lake', tier: 'premium2' } });
    expect((await waitForJob(s, bt, bad.body.jobId)).status).to.equal('failed');
    services().providers.replaceImageProviderForTests(undefined);
    // credits.purchased
    const order = await s.call('POST', '/api/credits/purchase', { token: bt, body: { packId: 'pack_10' } });
    const checkout = await s.call('POST', '/api/credits/sandbox/pay', { token: bt, body: { orderId: order.body.orderId } });
    expect((await s.call('POST', '/api/credits/purchase/verify', { token: bt, body: checkout.body })).status).to.equal(200);
    expect((await s.call('POST', '/api/credits/purchase/verify', { token: bt, body: checkout.body })).status).to.equal(200); // replay: no second event
    // post.published, remix.rewarded, post.moderated
    const author = await ensureUser(s, uniq('author'));
    const img = await makeImage(author.id, { file: true });
    const pub = await s.call('POST', '/api/community/publish', { token: author.token, body: { imageId: img.id, title: 'Lake', categoryId: cat, visibility: 'public' } });
    expect(pub.status, JSON.stringify(pub.body)).to.equal(201);
    const remixerSub = uniq('remixer');
    const remixer = await ensureUser(s, remixerSub);
    expect((await s.call('POST', `/api/community/${pub.body.postId}/remix/open`, { token: remixer.token })).status).to.equal(200);
    const rimg = await makeImage(remixer.id);
    const rec = await s.call('POST', `/api/community/${pub.body.postId}/remix/record`, { token: remixer.token, body: { generatedImageId: rimg.id } });
    expect(rec.body.rewarded, JSON.stringify(rec.body)).to.equal(true);
    const mod = await s.call('POST', '/api/admin/moderation', { token: admin, body: { postId: pub.body.postId, action: 'hide', note: 'off topic' } });
    expect(mod.status, JSON.stringify(mod.body)).to.equal(200);
    // referral.held and referral.rewarded, through the awards' own function in one transaction each
    const referrer = await userIdOf(buyer), referee = author.id;
    await services().db.tx((t) => recordAward(t, { tenantId: DEFAULT_TENANT_ID, type: 'signup', referrerUserId: referrer, refereeUserId: referee,
      beneficiaryUserId: referrer, creditsMilli: 2000, uniqueKey: `signup:${referee}`, note: 'test' }));
    await services().db.tx((t) => recordAward(t, { tenantId: DEFAULT_TENANT_ID, type: 'first_generation', referrerUserId: referrer, refereeUserId: referee,
      beneficiaryUserId: referrer, creditsMilli: 1000, uniqueKey: `first_gen:${referee}`, holdReason: 'velocity', note: 'test' }));
    // webhook.test
    expect((await s.call('POST', `/api/admin/webhooks/${e.id}/test`, { token: admin })).status).to.equal(202);

    const ds = await settled(e.id);
    const got = rx.on('/all');
    expect(got.filter((r) => !r.verified).map((r) => r.error)).to.deep.equal([]);
    const types = got.map((r) => r.type).sort();
    expect(types).to.deep.equal(['credits.granted', 'credits.purchased', 'generation.failed', 'generation.succeeded', 'post.moderated', 'post.published',
      'referral.held', 'referral.rewarded', 'remix.rewarded', 'webhook.test'].sort());
    expect(new Set(got.map((r) => r.id)).size).to.equal(got.length);
    expect(ds.every((d) => d.status === 'succeeded' && d.attempt === 1 && d.responseStatus === 200)).to.equal(true);
    const by = (t: string) => got.find((r) => r.type === t)!.data!;
    expect(by('generation.succeeded')).to.include({ sub: buyer, jobId: gen.body.jobId });
    expect(by('generation.failed')).to.include({ sub: buyer, jobId: bad.body.jobId, errorCode: 'content_policy_violation' });
    expect(by('generation.failed').refundedCredits).to.be.above(0);
    expect(by('credits.purchased')).to.include({ sub: buyer, orderId: order.body.orderId, credits: 10 });
    expect(by('post.moderated')).to.include({ postId: pub.body.postId, action: 'hide', status: 'hidden' });
    expect(by('remix.rewarded')).to.include({ postId: pub.body.postId, remixerSub, sub: by('post.published').sub });
    expect(by('referral.held')).to.include({ sub: buyer, holdReason: 'velocity' });
    expect(by('referral.rewarded')).to.include({ sub: buyer, credits: 2 });
    for (const r of got) {
      expect(r.body).to.not.match(/@example\.com|whsec_/);
      expect(Math.abs(Number(r.timestamp) - Date.now() / 1000)).to.be.below(60);
      expect(Object.keys(JSON.parse(r.body))).to.deep.equal(['type', 'timestamp', 'data']);
    }
    const page = await s.call('GET', `/api/admin/webhooks/${e.id}/deliveries?limit=4`, { token: admin });
    expect(page.status).to.equal(200);
    expect(page.body.items).to.have.length(4);
    expect(page.body.items[0]).to.have.keys('id', 'eventId', 'type', 'attempt', 'status', 'responseStatus', 'createdAt', 'nextAttemptAt');
    const page2 = await s.call('GET', `/api/admin/webhooks/${e.id}/deliveries?limit=100&cursor=${encodeURIComponent(page.body.nextCursor)}`, { token: admin });
    expect(page2.body.items).to.have.length(ds.length - 4);
    await s.call('DELETE', `/api/admin/webhooks/${e.id}`, { token: admin });
  });

  it('a rolled-back change emits nothing', async () => {
    const e = await endpoint('/rollback', ['credits.granted']);
    const events = await WebhookEvent.count();
    try {
      await services().db.tx(async (t) => {
        await emitWebhookEvent(t, DEFAULT_TENANT_ID, 'credits.granted', { sub: 'ghost', credits: 1 });
        throw new Error('the change failed');
      });
    } catch { /* rolled back */ }
    // A grant the ledger refuses (below zero) rolls back with its event.
    const poor = uniq('poor');
    await ensureUser(s, poor);
    const r = await s.call('POST', '/api/admin/credits/grant', { token: admin, body: { userId: poor, credits: -5, note: 'take back' } });
    expect(r.status).to.be.within(400, 499);
    expect(await WebhookEvent.count()).to.equal(events);
    expect(await deliveries(e.id)).to.have.length(0);
    await s.call('DELETE', `/api/admin/webhooks/${e.id}`, { token: admin });
  });

  it('retries after 500s, a timeout, a redirect; fails after the schedule; a huge body is fine; redeliver sends the same event', async () => {
    rx.script('/flaky', (k) => (k <= 2 ? 500 : 200));
    rx.script('/slow', (k) => (k === 1 ? 'hang' : 204));
    rx.script('/moved', (k) => (k === 1 ? 'redirect' : 200));
    rx.script('/down', () => 503);
    rx.script('/huge', () => 'huge');
    const eps = await Promise.all(['/flaky', '/slow', '/moved', '/down', '/huge'].map((p) => endpoint(p)));
    const sub = uniq('retry');
    await s.grant(sub, 1);
    const [flaky, slow, moved, down, huge] = await Promise.all(eps.map(async (e) => (await settled(e.id))));
    expect(flaky!.map((d) => [d.status, d.attempt, d.responseStatus])).to.deep.equal([['succeeded', 3, 200]]);
    expect(slow!.map((d) => [d.status, d.attempt, d.responseStatus])).to.deep.equal([['succeeded', 2, 204]]);
    expect(moved!.map((d) => [d.status, d.attempt])).to.deep.equal([['succeeded', 2]]);
    expect(down!.map((d) => [d.status, d.attempt, d.responseStatus])).to.deep.equal([['failed', 4, 503]]);
    expect(huge!.map((d) => d.status)).to.deep.equal(['succeeded']);
    // Every attempt carried the same webhook-id and a valid signature.
    for (const p of ['/flaky', '/slow', '/down']) {
      const got = rx.on(p);
      expect(new Set(got.map((r) => r.id)).size, p).to.equal(1);
      expect(got.every((r) => r.verified), p).to.equal(true);
    }
    expect((await WebhookEndpoint.findByPk(eps[3]!.id))!.failingSince).to.be.instanceOf(Date);
    // Redeliver the failed one after the partner fixed it.
    rx.script('/down', () => 200);
    const re = await s.call('POST', `/api/admin/webhooks/${eps[3]!.id}/deliveries/${down[0]!.id}/redeliver`, { token: admin });
    expect(re.status, JSON.stringify(re.body)).to.equal(202);
    const after = await waitUntil('redelivered', async () => {
      const d = await WebhookDelivery.findByPk(down[0]!.id);
      return d?.status === 'succeeded' ? d : undefined;
    });
    expect(after.attempt).to.equal(1);
    expect(new Set(rx.on('/down').map((r) => r.id)).size).to.equal(1);
    for (const e of eps) await s.call('DELETE', `/api/admin/webhooks/${e.id}`, { token: admin });
  });

  it('an endpoint failing for 5 days is disabled and the partner\'s admins are notified', async () => {
    rx.script('/dead', () => 500);
    const e = await endpoint('/dead', ['credits.granted']);
    await WebhookEndpoint.update({ failingSince: new Date(Date.now() - 5 * 24 * 3600 * 1000 - 60_000) }, { where: { id: e.id } });
    await s.grant(uniq('dead'), 1);
    await waitUntil('endpoint disabled', async () => !(await WebhookEndpoint.findByPk(e.id))!.enabled);
    const view = await s.call('GET', `/api/admin/webhooks/${e.id}`, { token: admin });
    expect(view.body).to.include({ enabled: false, disabledReason: 'failing for 5 days' });
    const notes = await s.call('GET', '/api/notifications', { token: admin });
    expect(notes.body.items.map((x: { type: string }) => x.type)).to.include('webhook');
    // Its remaining deliveries end as failed instead of being sent.
    await settled(e.id);
    // Enabling again starts afresh; a test event is refused while disabled.
    expectProblem(await s.call('POST', `/api/admin/webhooks/${e.id}/test`, { token: admin }), 409, 'conflict');
    const on = await s.call('PATCH', `/api/admin/webhooks/${e.id}`, { token: admin, body: { enabled: true } });
    expect(on.body).to.include({ enabled: true });
    expect((await WebhookEndpoint.findByPk(e.id))!.failingSince).to.equal(null);
    await s.call('DELETE', `/api/admin/webhooks/${e.id}`, { token: admin });
  });
});
