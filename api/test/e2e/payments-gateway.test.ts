import crypto from 'node:crypto';
import { expect } from 'chai';
import nock from 'nock';
import { databases, startServer, type TestServer } from '../support/harness.js';

/**
 * The gateway seam: the purchase answer says which checkout to open (the widget names no gateway), webhooks live at
 * /api/webhooks/{gateway} and only the active gateway answers there, and the sandbox's routes exist only when
 * PAYMENTS_GATEWAY is sandbox.
 */
const KEY_ID = 'rzp_test_seam';
const KEY_SECRET = 'rzp-key-secret-for-seam-tests-0123456789';
const WEBHOOK_SECRET = 'rzp-webhook-secret-for-seam-tests-012345';
const hmac = (secret: string, data: string) => crypto.createHmac('sha256', secret).update(data).digest('hex');

for (const dbDef of databases()) {
  describe(`payment gateway seam (${dbDef.name})`, function () {
    this.timeout(90000);
    let drop: () => Promise<void>;
    let url: string;
    let s: TestServer | undefined;
    before(async () => {
      const db = await dbDef.make();
      url = db.url;
      drop = db.drop;
    });
    after(async () => {
      nock.cleanAll();
      nock.enableNetConnect();
      await s?.close();
      await drop?.();
    });

    it('sandbox: the purchase describes the sandbox checkout; only the sandbox answers webhooks (signed refunds and disputes)', async () => {
      s = await startServer({ dbUrl: url, worker: false, env: { PAYMENTS_GATEWAY: 'sandbox' } });
      const t = s.token('seam-sbx');
      const o = await s.call('POST', '/api/credits/purchase', { token: t, body: { packId: 'pack_10' } });
      expect(o.status).to.equal(201);
      expect(o.body.gateway).to.equal('sandbox');
      expect(o.body.checkout).to.deep.equal({ type: 'sandbox' });
      for (const name of ['razorpay', 'stripe']) {
        const r = await s.call('POST', `/api/webhooks/${name}`, { raw: '{}' });
        expect(r.status, name).to.equal(404);
        expect(r.headers.get('content-type')).to.match(/application\/problem\+json/);
      }
      // The sandbox's webhooks (money-lifecycle.test.ts) need its signature.
      const unsigned = await s.call('POST', '/api/webhooks/sandbox', { raw: '{}' });
      expect(unsigned.status).to.equal(400);
      expect(unsigned.body.code).to.equal('payment_verification_failed');
      const pay = await s.call('POST', '/api/credits/sandbox/pay', { token: t, body: { orderId: o.body.orderId } });
      expect(pay.status).to.equal(200);
      await s.close();
      s = undefined;
    });

    it('razorpay: the purchase describes the script checkout; its webhook is /api/webhooks/razorpay; the sandbox is gone', async () => {
      s = await startServer({ dbUrl: url, worker: false, env: { RAZORPAY_KEY_ID: KEY_ID, RAZORPAY_KEY_SECRET: KEY_SECRET, RAZORPAY_WEBHOOK_SECRET: WEBHOOK_SECRET } });
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
      nock('https://api.razorpay.com').post('/v1/orders').reply(200, (_u, b) => {
        const body = b as { amount: number; currency: string; receipt: string };
        return { id: 'order_Seam1', entity: 'order', amount: body.amount, currency: body.currency, receipt: body.receipt, status: 'created' };
      });
      const t = s.token('seam-rzp');
      const o = await s.call('POST', '/api/credits/purchase', { token: t, body: { packId: 'pack_10' } });
      expect(o.status).to.equal(201);
      expect(o.body.checkout.type).to.equal('script');
      expect(o.body.checkout.script).to.deep.include({ src: 'https://checkout.razorpay.com/v1/checkout.js', global: 'Razorpay' });
      expect(o.body.checkout.script.options).to.deep.equal({ key: KEY_ID, order_id: 'order_Seam1', amount: o.body.amountPaise, currency: 'INR' });
      expect(o.body.checkout.script.result).to.deep.equal({ paymentId: 'razorpay_payment_id', signature: 'razorpay_signature' });
      expect((await s.call('POST', '/api/credits/sandbox/pay', { token: t, body: { orderId: o.body.orderId } })).status).to.equal(404);
      expect((await s.call('POST', '/api/webhooks/sandbox', { raw: '{}' })).status).to.equal(404);
      expect((await s.call('POST', '/api/webhooks/razorpay/tnt_nobody', { raw: '{}' })).status).to.equal(404);

      const raw = JSON.stringify({ entity: 'event', event: 'payment.captured', payload: { payment: { entity: {
        id: 'pay_Seam1', entity: 'payment', amount: o.body.amountPaise, currency: 'INR', status: 'captured', order_id: 'order_Seam1' } } } });
      const hook = await s.call('POST', '/api/webhooks/razorpay', { raw, headers: { 'x-razorpay-signature': hmac(WEBHOOK_SECRET, raw), 'x-razorpay-event-id': 'evt_Seam1' } });
      expect(hook.status).to.equal(200);
      expect(hook.body.status).to.equal('credited');
      const notAnEvent = JSON.stringify({ hello: 'world' });
      const bad = await s.call('POST', '/api/webhooks/razorpay', { raw: notAnEvent, headers: { 'x-razorpay-signature': hmac(WEBHOOK_SECRET, notAnEvent) } });
      expect(bad.status).to.equal(400);
      expect(bad.body.code).to.equal('validation_error');
      expect((await s.call('GET', '/api/credits/balance', { token: t })).body.credits).to.equal(10);
      await s.ledgerOk();
    });
  });
}
