import crypto from 'node:crypto';
import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { AuditEntry, DebtEntry, LedgerEntry, Order, OrderAdjustment, User } from '../../src/models/index.js';
import { checkLedger } from '../../src/ledger/ledger.js';
import { services } from '../support/harness.js';
import { disputeEvent, refundEvent } from '../support/money-events.js';

/**
 * Refunds, disputes and debts with the sandbox gateway: its webhooks carry Razorpay's documented payloads
 * (support/money-events.ts), signed with PAYMENTS_SANDBOX_SECRET in X-Sandbox-Signature.
 */
describeEachDatabase('money lifecycle: refunds, disputes and debts (sandbox)', { timeout: 120000 }, function (db) {
  const s = db.server;
  const admin = () => s.token('finance-admin', { role: 'admin' });
  const sign = (raw: string) => crypto.createHmac('sha256', s.config.paymentsSandboxSecret).update(raw).digest('hex');
  const hook = (body: unknown, id?: string) => {
    const raw = JSON.stringify(body);
    return s.call('POST', '/api/webhooks/sandbox', { raw, headers: { 'x-sandbox-signature': sign(raw), ...(id ? { 'x-razorpay-event-id': id } : {}) } });
  };
  const balance = async (sub: string) => (await s.call('GET', '/api/credits/balance', { token: s.token(sub) })).body as { credits: number; debtCredits: number; monthlyRemaining: number };
  /** Creates and pays a pack through the sandbox checkout; `verify: false` leaves it unpaid (the checkout result in hand). */
  async function buy(sub: string, packId = 'pack_10', verify = true) {
    const t = s.token(sub);
    const o = await s.call('POST', '/api/credits/purchase', { token: t, body: { packId } });
    expect(o.status).to.equal(201);
    const c = await s.call('POST', '/api/credits/sandbox/pay', { token: t, body: { orderId: o.body.orderId } });
    if (verify) expect((await s.call('POST', '/api/credits/purchase/verify', { token: t, body: c.body })).status).to.equal(200);
    return { orderId: o.body.orderId as string, paymentId: c.body.paymentId as string, paise: o.body.amountPaise as number, checkout: c.body, token: t };
  }
  const spend = async (sub: string, credits: number) => {
    const r = await s.call('POST', '/api/admin/credits/grant', { token: admin(), body: { userId: sub, credits: -credits, note: 'spent elsewhere' } });
    expect(r.status).to.equal(200);
  };

  it('a full refund takes the purchased credits back once, however often it is delivered', async () => {
    const o = await buy('rf-full');
    expect((await balance('rf-full')).credits).to.equal(10);
    const evt = refundEvent(o.paymentId, o.orderId, o.paise, 'rfnd_Full0001', o.paise);
    const first = await hook(evt, 'evt_full_1');
    expect(first.status).to.equal(200);
    expect(first.body.status).to.equal('refunded');
    expect((await hook(evt, 'evt_full_1')).body.status).to.equal('duplicate');
    // The same refund under another event id (refund.processed sent again by a second delivery path) changes nothing either.
    expect((await hook(evt, 'evt_full_2')).body.status).to.equal('duplicate');
    expect(await balance('rf-full')).to.include({ credits: 0, debtCredits: 0 });
    const rows = await LedgerEntry.findAll({ where: { reason: 'clawback' } });
    expect(rows.filter((r) => r.note?.includes(o.orderId))).to.have.length(1);
    const order = await Order.findByPk(o.orderId);
    expect(order!.refundedPaise).to.equal(o.paise);
    await s.ledgerOk();
  });

  it('partial refunds take back credits in proportion and add up to the whole order exactly', async () => {
    const o = await buy('rf-part', 'pack_50');
    const third = Math.floor(o.paise / 3);
    const parts = [third, third, o.paise - 2 * third];
    let i = 0;
    for (const p of parts) expect((await hook(refundEvent(o.paymentId, o.orderId, o.paise, `rfnd_Part000${i++}`, p))).body.status).to.equal('refunded');
    const adj = await OrderAdjustment.findAll({ where: { orderId: o.orderId }, order: [['createdAt', 'ASC']] });
    expect(adj.map((a) => a.credits).reduce((x, y) => x + y, 0)).to.equal(50_000);
    expect(adj[0]!.credits).to.equal(Math.round((50_000 * third) / o.paise));
    expect((await balance('rf-part')).credits).to.equal(0);
    await s.ledgerOk();
  });

  it('what the balance cannot cover becomes a debt that blocks spending until a purchase settles it (same transaction)', async () => {
    const o = await buy('rf-debt');
    await spend('rf-debt', 7);
    expect((await hook(refundEvent(o.paymentId, o.orderId, o.paise, 'rfnd_Debt0001', o.paise))).body.status).to.equal('refunded');
    const b = await balance('rf-debt');
    expect(b).to.include({ credits: 0, debtCredits: 7, monthlyRemaining: 0 });
    await s.grant('rf-debt', 5);
    const gen = await s.call('POST', '/api/studio/generate', { token: s.token('rf-debt'), body: { prompt: 'a lighthouse at dusk', tier: 'standard' } });
    expect(gen.status).to.equal(402);
    expect(gen.headers.get('content-type')).to.match(/application\/problem\+json/);
    expect(gen.body.code).to.equal('insufficient_credits');
    expect(gen.body.debtCredits).to.equal(7);
    expect((await balance('rf-debt')).credits).to.equal(5);
    // A purchase pays the debt first: 5 + 10 - 7.
    const o2 = await buy('rf-debt');
    expect(await balance('rf-debt')).to.include({ credits: 8, debtCredits: 0 });
    const settle = await LedgerEntry.findOne({ where: { reason: 'debt_settlement', refId: o2.orderId } });
    expect(settle!.delta).to.equal(-7000);
    const debtRows = await DebtEntry.findAll({ where: { userId: settle!.userId }, order: [['id', 'ASC']] });
    expect(debtRows.map((d) => [d.reason, d.delta, d.debtAfter])).to.deep.equal([['clawback', 7000, 7000], ['settlement', -7000, 0]]);
    const ok = await s.call('POST', '/api/studio/generate', { token: s.token('rf-debt'), body: { prompt: 'a lighthouse at dawn', tier: 'standard' } });
    expect(ok.status).to.equal(202);
    await s.ledgerOk();
  });

  it('a purchase smaller than the debt pays what it can and spending stays blocked', async () => {
    const o = await buy('rf-bigdebt', 'pack_50');
    await spend('rf-bigdebt', 50);
    await hook(refundEvent(o.paymentId, o.orderId, o.paise, 'rfnd_Big0001', o.paise));
    expect(await balance('rf-bigdebt')).to.include({ credits: 0, debtCredits: 50 });
    await buy('rf-bigdebt');
    expect(await balance('rf-bigdebt')).to.include({ credits: 0, debtCredits: 40 });
    await s.ledgerOk();
  });

  it('a dispute holds the credits it covers; won gives them back, lost keeps them; any order of events', async () => {
    const a = await buy('dp-won');
    expect((await hook(disputeEvent('created', a.paymentId, a.orderId, a.paise, 'disp_Won0001', a.paise))).body.status).to.equal('held');
    expect((await balance('dp-won')).credits).to.equal(0);
    expect((await hook(disputeEvent('won', a.paymentId, a.orderId, a.paise, 'disp_Won0001', a.paise))).body.status).to.equal('released');
    expect((await hook(disputeEvent('won', a.paymentId, a.orderId, a.paise, 'disp_Won0001', a.paise), 'evt_won_again')).body.status).to.equal('duplicate');
    expect((await balance('dp-won')).credits).to.equal(10);

    const b = await buy('dp-lost');
    await hook(disputeEvent('created', b.paymentId, b.orderId, b.paise, 'disp_Lost0001', b.paise));
    expect((await hook(disputeEvent('lost', b.paymentId, b.orderId, b.paise, 'disp_Lost0001', b.paise))).body.status).to.equal('hold_final');
    expect((await hook(disputeEvent('created', b.paymentId, b.orderId, b.paise, 'disp_Lost0001', b.paise), 'evt_late_created')).body.status).to.equal('duplicate');
    expect((await balance('dp-lost')).credits).to.equal(0);

    // Lost before created: held then and there; won before created: nothing is held.
    const c = await buy('dp-shuffled');
    expect((await hook(disputeEvent('lost', c.paymentId, c.orderId, c.paise, 'disp_Shuf0001', c.paise))).body.status).to.equal('hold_final');
    expect((await hook(disputeEvent('created', c.paymentId, c.orderId, c.paise, 'disp_Shuf0001', c.paise))).body.status).to.equal('duplicate');
    expect((await balance('dp-shuffled')).credits).to.equal(0);
    const d = await buy('dp-wonfirst');
    await hook(disputeEvent('won', d.paymentId, d.orderId, d.paise, 'disp_WonF0001', d.paise));
    await hook(disputeEvent('created', d.paymentId, d.orderId, d.paise, 'disp_WonF0001', d.paise));
    expect((await balance('dp-wonfirst')).credits).to.equal(10);
    await s.ledgerOk();
  });

  it('a won dispute forgives the debt it left and returns what a purchase already paid of it', async () => {
    const a = await buy('dp-debt');
    await spend('dp-debt', 6);
    await hook(disputeEvent('created', a.paymentId, a.orderId, a.paise, 'disp_Debt0001', a.paise));
    expect(await balance('dp-debt')).to.include({ credits: 0, debtCredits: 6 });
    await buy('dp-debt'); // pays 6 of the debt: 4 left to spend
    expect(await balance('dp-debt')).to.include({ credits: 4, debtCredits: 0 });
    await hook(disputeEvent('won', a.paymentId, a.orderId, a.paise, 'disp_Debt0001', a.paise));
    // Everything the dispute held comes back: 4 + 10.
    expect(await balance('dp-debt')).to.include({ credits: 14, debtCredits: 0 });
    await s.ledgerOk();
  });

  it('a refund reported before the capture settles the order first; the late verify credits nothing more', async () => {
    const o = await buy('rf-early', 'pack_10', false);
    expect((await hook(refundEvent(o.paymentId, o.orderId, o.paise, 'rfnd_Early001', o.paise))).body.status).to.equal('refunded');
    const v = await s.call('POST', '/api/credits/purchase/verify', { token: o.token, body: o.checkout });
    expect(v.status).to.equal(200);
    expect(await balance('rf-early')).to.include({ credits: 0, debtCredits: 0 });
    await s.ledgerOk();
  });

  it('acknowledges refunds and disputes of unknown payments, bad amounts and foreign shapes without crashing', async () => {
    const r = await hook(refundEvent('pay_Unknown01', 'ord_unknown', 1000, 'rfnd_Unknown1', 1000));
    expect(r.status).to.equal(200);
    expect(r.body.status).to.equal('unknown_order');
    const d = await hook(disputeEvent('created', 'pay_Unknown02', 'ord_unknown2', 1000, 'disp_Unknown1', 1000));
    expect(d.body.status).to.equal('unknown_order');
    const o = await buy('rf-mismatch');
    expect((await hook(refundEvent(o.paymentId, o.orderId, o.paise + 1, 'rfnd_Mism0001', 100))).body.status).to.equal('mismatch');
    const noRefund = await hook({ entity: 'event', event: 'refund.processed', payload: { payment: { entity: { id: o.paymentId } } } });
    expect(noRefund.status).to.equal(200);
    expect(noRefund.body.status).to.be.oneOf(['ignored', 'unknown_order']);
    const raw = JSON.stringify(refundEvent(o.paymentId, o.orderId, o.paise, 'rfnd_Forged01', o.paise));
    const forged = await s.call('POST', '/api/webhooks/sandbox', { raw, headers: { 'x-sandbox-signature': 'ab'.repeat(32) } });
    expect(forged.status).to.equal(400);
    expect((await balance('rf-mismatch')).credits).to.equal(10);
  });

  describe('admin refunds and the orders list', () => {
    it('refunds the rest by default through the gateway, audited, and a later webhook of that refund changes nothing', async () => {
      const o = await buy('ad-full', 'pack_50');
      const part = await s.call('POST', `/api/admin/orders/${o.orderId}/refund`, { token: admin(), body: { amountPaise: 1000, note: 'goodwill' } });
      expect(part.status).to.equal(200);
      expect(part.body).to.include({ orderId: o.orderId, amountPaise: 1000, alreadyRecorded: false });
      expect(part.body.order.refundablePaise).to.equal(o.paise - 1000);
      const rest = await s.call('POST', `/api/admin/orders/${o.orderId}/refund`, { token: admin(), body: { note: 'customer asked' } });
      expect(rest.status).to.equal(200);
      expect(rest.body.amountPaise).to.equal(o.paise - 1000);
      expect(part.body.credits + rest.body.credits).to.equal(50);
      expect(rest.body.order).to.include({ refundedPaise: o.paise, refundablePaise: 0 });
      expect((await hook(refundEvent(o.paymentId, o.orderId, o.paise, rest.body.refundId, o.paise - 1000))).body.status).to.equal('duplicate');
      expect((await balance('ad-full')).credits).to.equal(0);
      const audits = await AuditEntry.findAll({ where: { action: 'order.refund', targetId: o.orderId } });
      expect(audits.map((a) => a.note).sort()).to.deep.equal(['customer asked', 'goodwill']);
      await s.ledgerOk();
    });

    it('refuses bad refunds with problem+json and writes nothing', async () => {
      const o = await buy('ad-bad');
      const unpaid = await buy('ad-bad', 'pack_10', false);
      const foreign = await Order.create({ id: `ord_foreign${crypto.randomBytes(4).toString('hex')}`, tenantId: 'tnt_other', userId: 'usr_other', gateway: 'sandbox',
        gatewayOrderId: null, amountPaise: 1000, currency: 'INR', credits: 10000, packId: null, quantity: 10, priceBand: 'A', status: 'paid', paymentId: 'pay_x',
        paidAt: new Date(), failureReason: null });
      const before = { ledger: await LedgerEntry.count(), adj: await OrderAdjustment.count(), audit: await AuditEntry.count({ where: { action: 'order.refund' } }) };
      const cases: [string, unknown, number, string][] = [
        [o.orderId, { amountPaise: o.paise + 1, note: 'too much' }, 400, 'validation_error'],
        [o.orderId, { amount: o.paise / 100 + 1, note: 'too much' }, 400, 'validation_error'],
        [o.orderId, { amountPaise: 0, note: 'zero' }, 400, 'validation_error'],
        [o.orderId, { amountPaise: 10.5, note: 'fraction' }, 400, 'validation_error'],
        [o.orderId, { amountPaise: 100, amount: 1, note: 'both' }, 400, 'validation_error'],
        [o.orderId, { amountPaise: 100 }, 400, 'validation_error'],
        [o.orderId, { amountPaise: 100, note: '   ' }, 400, 'validation_error'],
        [unpaid.orderId, { note: 'unpaid' }, 409, 'conflict'],
        [foreign.id, { note: 'foreign' }, 404, 'not_found'],
        ['ord_nope', { note: 'missing' }, 404, 'not_found'],
      ];
      for (const [id, body, status, code] of cases) {
        const r = await s.call('POST', `/api/admin/orders/${id}/refund`, { token: admin(), body });
        expect(r.status, JSON.stringify(body)).to.equal(status);
        expect(r.headers.get('content-type')).to.match(/application\/problem\+json/);
        expect(r.body.code).to.equal(code);
      }
      const user = await s.call('POST', `/api/admin/orders/${o.orderId}/refund`, { token: o.token, body: { note: 'me' } });
      expect(user.status).to.equal(403);
      expect({ ledger: await LedgerEntry.count(), adj: await OrderAdjustment.count(), audit: await AuditEntry.count({ where: { action: 'order.refund' } }) }).to.deep.equal(before);
      expect((await balance('ad-bad')).credits).to.equal(10);
    });

    it('lists orders with filters by user, status and date, paged', async () => {
      const a = await buy('ls-a');
      await buy('ls-a', 'pack_10', false);
      const b = await buy('ls-b');
      await s.call('POST', `/api/admin/orders/${b.orderId}/refund`, { token: admin(), body: { amountPaise: 100, note: 'partial' } });
      const list = async (q: string) => s.call('GET', `/api/admin/orders?${q}`, { token: admin() });
      const byUser = await list('user=ls-a');
      expect(byUser.status).to.equal(200);
      expect(byUser.body.items).to.have.length(2);
      expect(byUser.body.items.every((o: { user: string }) => o.user === 'ls-a')).to.equal(true);
      expect((await list('user=ls-a&status=paid')).body.items.map((o: { orderId: string }) => o.orderId)).to.deep.equal([a.orderId]);
      expect((await list('user=ls-a&status=created')).body.items).to.have.length(1);
      expect((await list('status=partially_refunded')).body.items.map((o: { orderId: string }) => o.orderId)).to.include(b.orderId);
      expect((await list('status=refunded')).body.items.map((o: { orderId: string }) => o.orderId)).to.not.include(b.orderId);
      expect((await list('user=ls-a&from=2999-01-01')).body.items).to.have.length(0);
      expect((await list('user=ls-a&to=2999-01-01&from=2000-01-01')).body.items).to.have.length(2);
      expect((await list('user=nobody-here')).body.items).to.have.length(0);
      const p1 = await list('limit=1&user=ls-a');
      expect(p1.body.items).to.have.length(1);
      const p2 = await list(`limit=1&user=ls-a&cursor=${encodeURIComponent(p1.body.nextCursor)}`);
      expect(p2.body.items).to.have.length(1);
      expect(p2.body.items[0].orderId).to.not.equal(p1.body.items[0].orderId);
      for (const q of ['status=bogus', 'from=yesterday', 'limit=0', 'cursor=garbage']) {
        const r = await list(q);
        expect(r.status, q).to.equal(400);
        expect(r.body.code).to.equal('validation_error');
      }
      expect((await s.call('GET', '/api/admin/orders', { token: s.token('ls-a') })).status).to.equal(403);
    });
  });

  it('ledger:check finds a debt that does not match its rows', async () => {
    await balance('lc-check');
    const u = await User.findOne({ where: { sub: 'lc-check' } });
    await services().db.sequelize.query('UPDATE wallets SET debt = debt + 1 WHERE user_id = :u', { replacements: { u: u!.id } });
    const res = await checkLedger();
    expect(res.problems.map((p) => p.userId)).to.include(u!.id);
    await services().db.sequelize.query('UPDATE wallets SET debt = debt - 1 WHERE user_id = :u', { replacements: { u: u!.id } });
    await s.ledgerOk();
  });
});
