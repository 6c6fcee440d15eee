import crypto from 'node:crypto';
import { expect } from 'chai';
import nock from 'nock';
import { describeEachDatabase } from '../support/each-database.js';
import { createTenant } from '../../src/tenants/tenants.js';
import { AuditEntry, LedgerEntry, Order, OrderAdjustment, PartnerPaymentAccount } from '../../src/models/index.js';
import { disputeEvent, refundEvent } from '../support/money-events.js';
import { reconcilePendingOrders } from '../../src/payments/reconcile.js';

const RZP = 'https://api.razorpay.com';
const ENV = { keyId: 'rzp_test_envkey01', keySecret: 'env-key-secret-0123456789', webhookSecret: 'env-webhook-secret-0123456789' };
const OWN = { keyId: 'rzp_test_partner02', keySecret: 'partner-key-secret-0123456789', webhookSecret: 'partner-webhook-secret-0123456789' };
const B_SECRET = 'money-second-partner-secret-0123456789abcdef';
const hmac = (secret: string, data: string) => crypto.createHmac('sha256', secret).update(data).digest('hex');

/** Razorpay's Orders API answering with the documented order entity, for one account. */
function mockOrders(account: { keyId: string; keySecret: string }, id: string) {
  return nock(RZP).post('/v1/orders').basicAuth({ user: account.keyId, pass: account.keySecret }).reply(200, (_u, b) => {
    const body = b as { amount: number; currency: string; receipt: string };
    return { id, entity: 'order', amount: body.amount, amount_paid: 0, amount_due: body.amount, currency: body.currency, receipt: body.receipt, status: 'created',
      attempts: 0, notes: {}, created_at: 1700000000 };
  });
}

describeEachDatabase('money lifecycle with Razorpay: refund API and a gateway account per partner', {
  timeout: 120000, server: { env: { RAZORPAY_KEY_ID: ENV.keyId, RAZORPAY_KEY_SECRET: ENV.keySecret, RAZORPAY_WEBHOOK_SECRET: ENV.webhookSecret } },
}, function (db) {
  const s = db.server;
  const B = { 'x-partner-key': 'pk_money_b' };
  const adminA = () => s.token('money-admin', { role: 'admin' });
  const adminB = () => s.token('money-admin-b', { role: 'admin' }, { secret: B_SECRET });
  const hook = (path: string, secret: string, body: unknown, id?: string) => {
    const raw = JSON.stringify(body);
    return s.call('POST', path, { raw, headers: { 'x-razorpay-signature': hmac(secret, raw), ...(id ? { 'x-razorpay-event-id': id } : {}) } });
  };
  before(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    await createTenant({ id: 'tnt_money_b', slug: 'money-b', name: 'Money B', publishableKey: 'pk_money_b', secret: B_SECRET });
  });
  after(() => { nock.cleanAll(); nock.enableNetConnect(); });
  afterEach(() => nock.cleanAll());

  /** Buys pack_10 for `sub` and pays it by the checkout signature of the given account. */
  async function buyPaid(sub: string, account: typeof ENV, gatewayOrderId: string, partner?: { headers: Record<string, string>; secret: string }) {
    const t = s.token(sub, {}, partner ? { secret: partner.secret } : {});
    const headers = partner?.headers ?? {};
    mockOrders(account, gatewayOrderId);
    const o = await s.call('POST', '/api/credits/purchase', { token: t, body: { packId: 'pack_10' }, headers });
    expect(o.status, JSON.stringify(o.body)).to.equal(201);
    expect(o.body.keyId).to.equal(account.keyId);
    const paymentId = `pay_${gatewayOrderId.slice(6)}`;
    const v = await s.call('POST', '/api/credits/purchase/verify', { token: t, headers,
      body: { orderId: o.body.orderId, paymentId, signature: hmac(account.keySecret, `${gatewayOrderId}|${paymentId}`) } });
    expect(v.status, JSON.stringify(v.body)).to.equal(200);
    return { orderId: o.body.orderId as string, paise: o.body.amountPaise as number, paymentId, gatewayOrderId, token: t, headers };
  }

  it('refunds through POST /v1/payments/{id}/refund with the documented request and response', async () => {
    const o = await buyPaid('rzp-refund', ENV, 'order_MoneyA0001');
    let sent: Record<string, unknown> | undefined;
    let idem: string | undefined;
    nock(RZP).post(`/v1/payments/${o.paymentId}/refund`, (b) => { sent = b; return true; }).basicAuth({ user: ENV.keyId, pass: ENV.keySecret })
      .reply(function (_u, b) {
        idem = this.req.headers['x-refund-idempotency'] as string;
        const body = b as { amount: number; notes: Record<string, string> };
        return [200, { id: 'rfnd_MoneyA0001', entity: 'refund', amount: body.amount, currency: 'INR', payment_id: o.paymentId, notes: body.notes, receipt: null,
          acquirer_data: { arn: null }, created_at: 1700000000, batch_id: null, status: 'processed', speed_processed: 'normal', speed_requested: 'normal' }];
      });
    const r = await s.call('POST', `/api/admin/orders/${o.orderId}/refund`, { token: adminA(), body: { amount: 10, note: 'duplicate charge' } });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(sent).to.deep.include({ amount: 1000 });
    expect((sent!.notes as Record<string, string>).orderId).to.equal(o.orderId);
    expect(idem).to.match(/^[\w-]{10,}$/);
    expect(r.body).to.include({ refundId: 'rfnd_MoneyA0001', amountPaise: 1000 });
    // The gateway's own refund.processed for the same refund is a no-op.
    const again = await hook('/api/webhooks/razorpay', ENV.webhookSecret, refundEvent(o.paymentId, o.gatewayOrderId, o.paise, 'rfnd_MoneyA0001', 1000));
    expect(again.body.status).to.equal('duplicate');
    await s.ledgerOk();
  });

  it('a refused or unanswered refund call answers a problem and writes nothing', async () => {
    const o = await buyPaid('rzp-refused', ENV, 'order_MoneyA0002');
    const before = { ledger: await LedgerEntry.count(), adj: await OrderAdjustment.count() };
    nock(RZP).post(`/v1/payments/${o.paymentId}/refund`).reply(400, { error: { code: 'BAD_REQUEST_ERROR',
      description: 'The refund amount provided is greater than amount captured', source: 'business', step: 'payment_initiation', reason: 'input_validation_failed',
      metadata: { payment_id: o.paymentId }, field: 'amount' } });
    const refused = await s.call('POST', `/api/admin/orders/${o.orderId}/refund`, { token: adminA(), body: { note: 'try' } });
    expect(refused.status).to.equal(409);
    expect(refused.body.code).to.equal('conflict');
    expect(refused.body.detail).to.include('greater than amount captured');
    nock(RZP).post(`/v1/payments/${o.paymentId}/refund`).reply(502, { error: { code: 'SERVER_ERROR', description: 'The server encountered an error.' } });
    const down = await s.call('POST', `/api/admin/orders/${o.orderId}/refund`, { token: adminA(), body: { note: 'try' } });
    expect(down.status).to.equal(503);
    expect(down.body.code).to.equal('provider_unavailable');
    expect({ ledger: await LedgerEntry.count(), adj: await OrderAdjustment.count() }).to.deep.equal(before);
  });

  it('a partner sets and rotates its own account; its orders, checks, refunds and webhooks use it', async () => {
    const empty = await s.call('GET', '/api/admin/payments', { token: adminB(), headers: B });
    expect(empty.status).to.equal(200);
    expect(empty.body).to.include({ gateway: 'razorpay', source: 'environment', keyId: ENV.keyId });
    const partial = await s.call('PUT', '/api/admin/payments', { token: adminB(), headers: B, body: { keyId: OWN.keyId } });
    expect(partial.status).to.equal(400);
    expect(partial.body.errors.map((e: { field: string }) => e.field)).to.have.members(['keySecret', 'webhookSecret']);
    for (const bad of [{ ...OWN, keyId: 'not-a-key' }, { ...OWN, keySecret: 'short' }, { ...OWN, webhookSecret: 'has spaces in it' }]) {
      expect((await s.call('PUT', '/api/admin/payments', { token: adminB(), headers: B, body: bad })).status).to.equal(400);
    }
    expect(await PartnerPaymentAccount.count()).to.equal(0);
    const set = await s.call('PUT', '/api/admin/payments', { token: adminB(), headers: B, body: { ...OWN, note: 'own account' } });
    expect(set.status).to.equal(200);
    expect(set.body).to.include({ gateway: 'razorpay', source: 'partner', keyId: OWN.keyId, keySecretSet: true, webhookSecretSet: true,
      webhookPath: '/api/webhooks/razorpay/tnt_money_b' });
    expect(JSON.stringify(set.body)).to.not.include(OWN.keySecret).and.not.include(OWN.webhookSecret);
    const row = await PartnerPaymentAccount.findByPk('tnt_money_b');
    expect(row!.keySecretEnc).to.not.include(OWN.keySecret);
    const audit = await AuditEntry.findOne({ where: { action: 'payments.account.set', tenantId: 'tnt_money_b' } });
    expect(JSON.stringify(audit!.data)).to.not.include(OWN.keySecret);
    // The default partner is untouched; the user of another partner is 403.
    expect((await s.call('GET', '/api/admin/payments', { token: adminA() })).body.source).to.equal('environment');
    expect((await s.call('GET', '/api/admin/payments', { token: s.token('plain', {}, { secret: B_SECRET }), headers: B })).status).to.equal(403);

    const partner = { headers: B, secret: B_SECRET };
    const o = await buyPaid('rzp-own', OWN, 'order_MoneyB0001', partner);
    // The partner's webhooks verify with its own secret only, and touch only its orders.
    const evt = disputeEvent('created', o.paymentId, o.gatewayOrderId, o.paise, 'disp_MoneyB0001', o.paise);
    expect((await hook('/api/webhooks/razorpay/tnt_money_b', ENV.webhookSecret, evt)).status).to.equal(400);
    expect((await hook('/api/webhooks/razorpay', ENV.webhookSecret, evt)).body.status).to.equal('unknown_order');
    expect((await hook('/api/webhooks/razorpay/tnt_money_b', OWN.webhookSecret, evt, 'evt_MoneyB_1')).body.status).to.equal('held');
    expect((await s.call('GET', '/api/credits/balance', { token: o.token, headers: B })).body.credits).to.equal(0);
    // The default partner's webhooks keep working at both addresses.
    const a = await buyPaid('rzp-default', ENV, 'order_MoneyA0003');
    const ra = refundEvent(a.paymentId, a.gatewayOrderId, a.paise, 'rfnd_MoneyA0003', a.paise);
    expect((await hook('/api/webhooks/razorpay/tnt_default', ENV.webhookSecret, ra)).body.status).to.equal('refunded');
    expect((await hook('/api/webhooks/razorpay', ENV.webhookSecret, ra, 'evt_other')).body.status).to.equal('duplicate');
    // A partner's own secret cannot reach the default partner's orders.
    const a2 = await buyPaid('rzp-default2', ENV, 'order_MoneyA0004');
    const cross = await hook('/api/webhooks/razorpay/tnt_money_b', OWN.webhookSecret, refundEvent(a2.paymentId, a2.gatewayOrderId, a2.paise, 'rfnd_Cross0001', a2.paise));
    expect(cross.body.status).to.equal('unknown_order');
    expect((await s.call('GET', '/api/credits/balance', { token: a2.token })).body.credits).to.equal(10);
    expect((await hook('/api/webhooks/razorpay/tnt_nobody', ENV.webhookSecret, ra)).status).to.equal(404);

    // Refunds go out with the partner's key.
    const b2 = await buyPaid('rzp-own2', OWN, 'order_MoneyB0002', partner);
    nock(RZP).post(`/v1/payments/${b2.paymentId}/refund`).basicAuth({ user: OWN.keyId, pass: OWN.keySecret }).reply(200, (_u, b) => ({
      id: 'rfnd_MoneyB0002', entity: 'refund', amount: (b as { amount: number }).amount, currency: 'INR', payment_id: b2.paymentId, status: 'pending' }));
    const refund = await s.call('POST', `/api/admin/orders/${b2.orderId}/refund`, { token: adminB(), headers: B, body: { note: 'own account refund' } });
    expect(refund.status, JSON.stringify(refund.body)).to.equal(200);
    // The default partner's admin cannot see or refund it.
    expect((await s.call('POST', `/api/admin/orders/${b2.orderId}/refund`, { token: adminA(), body: { note: 'x' } })).status).to.equal(404);

    // The reconciler asks about a partner's pending order with the partner's key.
    mockOrders(OWN, 'order_MoneyB0003');
    const pending = await s.call('POST', '/api/credits/purchase', { token: o.token, headers: B, body: { packId: 'pack_10' } });
    await Order.update({ createdAt: new Date(Date.now() - 10 * 60_000) }, { where: { id: pending.body.orderId } });
    nock(RZP).get('/v1/orders/order_MoneyB0003/payments').basicAuth({ user: OWN.keyId, pass: OWN.keySecret }).reply(200, {
      entity: 'collection', count: 1, items: [{ id: 'pay_MoneyB0003', entity: 'payment', amount: pending.body.amountPaise, currency: 'INR', status: 'captured',
        order_id: 'order_MoneyB0003' }] });
    const rec = await reconcilePendingOrders({ olderThanMs: 60_000 });
    expect(rec.credited).to.be.at.least(1);
    expect((await Order.findByPk(pending.body.orderId))!.status).to.equal('paid');

    // Rotation: the new webhook secret verifies, the old one no longer does.
    const NEW_WEBHOOK = 'partner-webhook-secret-rotated-01234';
    const rot = await s.call('PUT', '/api/admin/payments', { token: adminB(), headers: B, body: { webhookSecret: NEW_WEBHOOK, note: 'rotate' } });
    expect(rot.status).to.equal(200);
    expect(rot.body.rotatedAt).to.be.a('string');
    const won = disputeEvent('won', o.paymentId, o.gatewayOrderId, o.paise, 'disp_MoneyB0001', o.paise);
    expect((await hook('/api/webhooks/razorpay/tnt_money_b', OWN.webhookSecret, won)).status).to.equal(400);
    expect((await hook('/api/webhooks/razorpay/tnt_money_b', NEW_WEBHOOK, won)).body.status).to.equal('released');
    expect((await s.call('GET', '/api/credits/balance', { token: o.token, headers: B })).body.credits).to.equal(20);
    await s.ledgerOk();
  });
});
