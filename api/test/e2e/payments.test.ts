import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { User } from '../../src/models/index.js';

/** Sandbox gateway: packs, pricing per band, orders, verify exactly once, history, abuse. */
describeEachDatabase('payments with the sandbox gateway', function (db) {
    const s = db.server;

    const buy = async (token: string, body: unknown, headers: Record<string, string> = {}) => s.call('POST', '/api/credits/purchase', { token, body, headers });
    const pay = async (token: string, orderId: string) => s.call('POST', '/api/credits/sandbox/pay', { token, body: { orderId } });
    const verify = async (token: string, body: unknown, headers: Record<string, string> = {}) =>
      s.call('POST', '/api/credits/purchase/verify', { token, body, headers });

    it('lists packs priced in the caller\'s stable band', async () => {
      const t = s.token('packer');
      const r = await s.call('GET', '/api/credits/packs', { token: t });
      expect(r.status).to.equal(200);
      expect(r.body.currency).to.equal('INR');
      expect(['A', 'B', 'C']).to.include(r.body.priceBand);
      const paise = { A: 400, B: 500, C: 600 }[r.body.priceBand as 'A' | 'B' | 'C'];
      expect(r.body.pricePerCredit).to.equal(paise / 100);
      expect(r.body.items.map((i: { packId: string }) => i.packId)).to.deep.equal(['pack_10', 'pack_50', 'pack_100', 'pack_250']);
      const p50 = r.body.items[1];
      expect(p50).to.include({ credits: 50, discountPercent: 5, amountPaise: Math.round(50 * paise * 0.95) });
      expect(p50.amount).to.equal(p50.amountPaise / 100);
      expect(r.body.minQuantity).to.equal(1);
      expect(r.body.maxQuantity).to.equal(10000);
      const again = await s.call('GET', '/api/credits/packs', { token: t });
      expect(again.body.priceBand).to.equal(r.body.priceBand);
      const user = await User.findOne({ where: { sub: 'packer' } });
      expect(user!.priceBand).to.equal(r.body.priceBand);
    });

    it('buys a pack: order, sandbox checkout, verify credits once, history and orders', async () => {
      const t = s.token('buyer');
      const packs = (await s.call('GET', '/api/credits/packs', { token: t })).body;
      const order = await buy(t, { packId: 'pack_100' });
      expect(order.status).to.equal(201);
      expect(order.body).to.include({ gateway: 'sandbox', currency: 'INR', credits: 100, amountPaise: packs.items[2].amountPaise });
      expect(order.body.orderId).to.be.a('string');
      expect(order.body.keyId).to.equal(undefined);
      const checkout = await pay(t, order.body.orderId);
      expect(checkout.status).to.equal(200);
      expect(checkout.body.signature).to.match(/^[0-9a-f]{64}$/);
      const v = await verify(t, checkout.body);
      expect(v.status).to.equal(200);
      expect(v.body).to.deep.equal({ orderId: order.body.orderId, creditsAdded: 100, balance: 100 });
      const v2 = await verify(t, checkout.body);
      expect(v2.status).to.equal(200);
      expect(v2.body).to.deep.equal({ orderId: order.body.orderId, creditsAdded: 100, balance: 100 });
      const bal = await s.call('GET', '/api/credits/balance', { token: t });
      expect(bal.body.credits).to.equal(100);
      expect(bal.body.isPaying).to.equal(true);
      const hist = await s.call('GET', '/api/credits/history', { token: t });
      expect(hist.body.items).to.have.length(1);
      expect(hist.body.items[0]).to.include({ reason: 'purchase', delta: 100, balanceAfter: 100, refType: 'order', refId: order.body.orderId });
      const one = await s.call('GET', `/api/credits/orders/${order.body.orderId}`, { token: t });
      expect(one.body).to.include({ status: 'paid', credits: 100, orderId: order.body.orderId });
      const list = await s.call('GET', '/api/credits/orders', { token: t });
      expect(list.body.items.map((o: { orderId: string }) => o.orderId)).to.include(order.body.orderId);
      const again = await pay(t, order.body.orderId);
      expect(again.status).to.equal(409);
      await s.ledgerOk();
    });

    it('prices a free quantity server-side with the discount of the largest pack it reaches', async () => {
      const t = s.token('qty');
      const packs = (await s.call('GET', '/api/credits/packs', { token: t })).body;
      const r = await buy(t, { quantity: 120, amount: 1, amountPaise: 1 });
      expect(r.status).to.equal(201);
      expect(r.body.credits).to.equal(120);
      expect(r.body.discountPercent).to.equal(10);
      expect(r.body.amountPaise).to.equal(Math.round(120 * packs.pricePerCreditPaise * 0.9));
      const small = await buy(t, { quantity: 3 });
      expect(small.body.amountPaise).to.equal(3 * packs.pricePerCreditPaise);
    });

    it('refuses bad quantities, unknown packs, both or neither, wrong types and malformed JSON with 400', async () => {
      const t = s.token('badbuyer');
      for (const body of [{ quantity: -5 }, { quantity: 0 }, { quantity: 2.5 }, { quantity: 1e12 }, { quantity: 10001 }, { quantity: '5' },
        { packId: 'pack_10', quantity: 10 }, {}, { packId: 'pack_nope' }, { packId: 10 }, { quantity: null }]) {
        const r = await buy(t, body);
        expect(r.status, JSON.stringify(body)).to.equal(400);
        expect(r.headers.get('content-type')).to.match(/application\/problem\+json/);
        expect(r.body.code).to.equal('validation_error');
      }
      const unknown = await buy(t, { packId: 'pack_nope' });
      expect(unknown.body.errors[0].field).to.equal('packId');
      const malformed = await s.call('POST', '/api/credits/purchase', { token: t, raw: '{"packId": "pack_10"' });
      expect(malformed.status).to.equal(400);
      expect(malformed.body.code).to.equal('validation_error');
      const noAuth = await s.call('POST', '/api/credits/purchase', { body: { packId: 'pack_10' } });
      expect(noAuth.status).to.equal(401);
    });

    it('refuses forged, truncated and replayed signatures and other users\' orders', async () => {
      const t = s.token('victim');
      const m = s.token('mallory');
      const o1 = (await buy(t, { packId: 'pack_10' })).body;
      const o2 = (await buy(t, { packId: 'pack_50' })).body;
      const c1 = (await pay(t, o1.orderId)).body;
      const forged = await verify(t, { ...c1, signature: 'a'.repeat(64) });
      expect(forged.status).to.equal(400);
      expect(forged.body.code).to.equal('payment_verification_failed');
      const truncated = await verify(t, { ...c1, signature: c1.signature.slice(0, 40) });
      expect(truncated.body.code).to.equal('payment_verification_failed');
      const otherPayment = await verify(t, { ...c1, paymentId: 'pay_other' });
      expect(otherPayment.body.code).to.equal('payment_verification_failed');
      // A valid checkout result of one order replayed against another order.
      const replayed = await verify(t, { ...c1, orderId: o2.orderId });
      expect(replayed.status).to.equal(400);
      expect(replayed.body.code).to.equal('payment_verification_failed');
      const stolen = await verify(m, c1);
      expect(stolen.status).to.equal(404);
      expect((await pay(m, o1.orderId)).status).to.equal(404);
      expect((await s.call('GET', `/api/credits/orders/${o1.orderId}`, { token: m })).status).to.equal(404);
      const missingField = await verify(t, { orderId: o1.orderId, paymentId: c1.paymentId });
      expect(missingField.status).to.equal(400);
      expect((await s.call('GET', '/api/credits/balance', { token: t })).body.credits).to.equal(0);
      expect((await s.call('GET', `/api/credits/orders/${o2.orderId}`, { token: t })).body.status).to.equal('created');
      await s.ledgerOk();
    });

    it('honours Idempotency-Key on purchase and verify', async () => {
      const t = s.token('idem');
      const a = await buy(t, { packId: 'pack_10' }, { 'Idempotency-Key': 'buy-1' });
      const b = await buy(t, { packId: 'pack_10' }, { 'Idempotency-Key': 'buy-1' });
      expect(b.status).to.equal(201);
      expect(b.body.orderId).to.equal(a.body.orderId);
      expect(b.headers.get('idempotent-replayed')).to.equal('true');
      const c = await buy(t, { packId: 'pack_50' }, { 'Idempotency-Key': 'buy-1' });
      expect(c.status).to.equal(409);
      expect(c.body.code).to.equal('idempotency_conflict');
      const checkout = (await pay(t, a.body.orderId)).body;
      const v = await Promise.all([1, 2, 3, 4].map(() => verify(t, checkout, { 'Idempotency-Key': 'ver-1' })));
      for (const r of v) expect(r.status).to.equal(200);
      expect((await s.call('GET', '/api/credits/balance', { token: t })).body.credits).to.equal(10);
      // Concurrent twins of a purchase key (past the lookup before the gateway call, so the claim decides): one order.
      const twins = await Promise.all([1, 2, 3, 4].map(() => buy(t, { packId: 'pack_10' }, { 'Idempotency-Key': 'buy-twins' })));
      for (const r of twins) expect(r.status, JSON.stringify(r.body)).to.equal(201);
      expect(new Set(twins.map((r) => r.body.orderId)).size).to.equal(1);
      const listed = (await s.call('GET', '/api/credits/orders', { token: t })).body.items as { orderId: string }[];
      expect(listed.filter((o) => o.orderId === twins[0]!.body.orderId)).to.have.length(1);
      expect(listed).to.have.length(2);
      await s.ledgerOk();
    });

    it('credits each order once under concurrent verifies', async () => {
      const t = s.token('racer');
      const orders = await Promise.all([1, 2, 3].map(() => buy(t, { packId: 'pack_10' })));
      const checkouts = await Promise.all(orders.map((o) => pay(t, o.body.orderId)));
      const calls = checkouts.flatMap((c) => [c, c, c, c, c].map(() => verify(t, c.body)));
      const res = await Promise.all(calls);
      for (const r of res) expect(r.status).to.equal(200);
      expect((await s.call('GET', '/api/credits/balance', { token: t })).body.credits).to.equal(30);
      const hist = await s.call('GET', '/api/credits/history?limit=2', { token: t });
      expect(hist.body.items).to.have.length(2);
      const next = await s.call('GET', `/api/credits/history?limit=2&cursor=${encodeURIComponent(hist.body.nextCursor)}`, { token: t });
      expect(next.body.items).to.have.length(1);
      expect(next.body.nextCursor).to.equal(undefined);
      const tampered = await s.call('GET', `/api/credits/history?cursor=${encodeURIComponent(hist.body.nextCursor + 'x')}`, { token: t });
      expect(tampered.status).to.equal(400);
      await s.ledgerOk();
    });
});
