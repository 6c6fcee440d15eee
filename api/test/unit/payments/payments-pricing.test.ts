import crypto from 'node:crypto';
import { expect } from 'chai';
import nock from 'nock';
import { DEFAULT_CONFIG, mergeConfig } from '../../../src/tenants/tenant-config.js';
import { bandOf, discounted, quote } from '../../../src/payments/pricing.js';
import { signatureMatches, hmacHex } from '../../../src/payments/gateways/signature.js';
import { RazorpayGateway } from '../../../src/payments/gateways/razorpay.js';
import { GatewayError } from '../../../src/payments/gateways/types.js';

describe('payments pricing and signatures (unit)', () => {
  it('prices packs per band with integer paise', () => {
    expect(quote(DEFAULT_CONFIG, 'A', { packId: 'pack_10' })).to.include({ amountPaise: 4000, creditsMilli: 10000, priceBand: 'A' });
    expect(quote(DEFAULT_CONFIG, 'B', { packId: 'pack_50' }).amountPaise).to.equal(23750);
    expect(quote(DEFAULT_CONFIG, 'C', { packId: 'pack_250' }).amountPaise).to.equal(127500);
    expect(discounted(7, 333, 15)).to.equal(Math.round(7 * 333 * 0.85));
  });

  it('falls back to the default band when the stored band was removed', () => {
    const cfg = mergeConfig(DEFAULT_CONFIG, { pricing: { bands: { B: 500 } } });
    cfg.pricing.bands = { B: 500 };
    expect(bandOf(cfg, 'A')).to.deep.equal({ band: 'B', paise: 500 });
    expect(bandOf(cfg, null)).to.deep.equal({ band: 'B', paise: 500 });
  });

  it('refuses every malformed purchase body', () => {
    for (const body of [{}, { packId: 'pack_10', quantity: 1 }, { quantity: 0 }, { quantity: -1 }, { quantity: 1.5 }, { quantity: Number.MAX_SAFE_INTEGER + 2 },
      { quantity: 10001 }, { quantity: NaN }, { quantity: '3' }, { packId: 'x' }, { packId: ['pack_10'] }]) {
      expect(() => quote(DEFAULT_CONFIG, 'B', body as never), JSON.stringify(body)).to.throw().with.property('code', 'validation_error');
    }
  });

  it('compares signatures in constant time and refuses anything but 64 hex characters', () => {
    const sig = hmacHex('secret', 'order_1|pay_1');
    expect(signatureMatches(sig, sig)).to.equal(true);
    expect(signatureMatches(sig, sig.toUpperCase())).to.equal(true);
    expect(signatureMatches(sig, sig.slice(0, 63))).to.equal(false);
    expect(signatureMatches(sig, `${sig}00`)).to.equal(false);
    expect(signatureMatches(sig, Buffer.from(sig, 'hex').toString('base64'))).to.equal(false);
    expect(signatureMatches(sig, undefined)).to.equal(false);
    expect(signatureMatches(sig, hmacHex('other', 'order_1|pay_1'))).to.equal(false);
  });
});

describe('Razorpay gateway adapter (unit, nock)', () => {
  const gw = new RazorpayGateway({ keyId: 'rzp_test_k', keySecret: 'ks', webhookSecret: 'ws', baseUrl: 'https://api.razorpay.com', timeoutMs: 500 });
  before(() => nock.disableNetConnect());
  after(() => { nock.cleanAll(); nock.enableNetConnect(); });
  afterEach(() => nock.cleanAll());

  it('maps the documented error body into a GatewayError with code, description and field', async () => {
    nock('https://api.razorpay.com').post('/v1/orders').reply(400, { error: { code: 'BAD_REQUEST_ERROR', description: 'The amount must be at least INR 1.00',
      source: 'business', step: 'payment_initiation', reason: 'input_validation_failed', metadata: {}, field: 'amount' } });
    const err = await gw.createOrder({ orderId: 'ord_1', amountPaise: 50, currency: 'INR', notes: {} }).catch((e) => e);
    expect(err).to.be.instanceOf(GatewayError);
    expect(err).to.include({ httpStatus: 400, code: 'BAD_REQUEST_ERROR', field: 'amount', transient: false });
  });

  it('treats 5xx, 429 and network errors as transient', async () => {
    nock('https://api.razorpay.com').get('/v1/orders/order_X/payments').reply(503, 'upstream down');
    expect(await gw.fetchOrderPayments('order_X').catch((e) => e)).to.include({ httpStatus: 503, code: 'HTTP_503', transient: true });
    nock('https://api.razorpay.com').get('/v1/orders/order_X/payments').reply(429, { error: { code: 'BAD_REQUEST_ERROR', description: 'Too many requests' } });
    expect((await gw.fetchOrderPayments('order_X').catch((e) => e)).transient).to.equal(true);
    nock('https://api.razorpay.com').get('/v1/orders/order_X/payments').delay(2000).reply(200, { items: [] });
    expect(await gw.fetchOrderPayments('order_X').catch((e) => e)).to.include({ httpStatus: null, code: 'TIMEOUT', transient: true });
  });

  it('verifies checkout and webhook signatures with their own secrets', () => {
    const sig = crypto.createHmac('sha256', 'ks').update('order_A|pay_B').digest('hex');
    expect(gw.checkoutSignatureValid('order_A', 'pay_B', sig)).to.equal(true);
    expect(gw.checkoutSignatureValid('order_A', 'pay_C', sig)).to.equal(false);
    const body = Buffer.from('{"entity":"event"}');
    expect(gw.webhookSignatureValid(body, crypto.createHmac('sha256', 'ws').update(body).digest('hex'))).to.equal(true);
    expect(gw.webhookSignatureValid(body, crypto.createHmac('sha256', 'ks').update(body).digest('hex'))).to.equal(false);
  });
});
