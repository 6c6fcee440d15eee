import crypto from 'node:crypto';
import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { LedgerEntry, OrderAdjustment, User } from '../../src/models/index.js';
import { checkLedger } from '../../src/ledger/ledger.js';
import { proportion } from '../../src/payments/adjustments.js';
import { disputeEvent, refundEvent } from '../support/money-events.js';

/**
 * The proof of the money lifecycle: for several buyers, two refunds (one by webhook, one by an admin through the gateway),
 * a dispute that is won or lost, each webhook delivered three times, everything shuffled and sent at once together with
 * checkout verifications. Whatever the order: credits are clawed back exactly once, the balance and debt are exactly what
 * the amounts say, a later purchase settles the debt exactly, and ledger:check passes.
 */
function shuffle<T>(a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

describeEachDatabase('money lifecycle proof: shuffled, repeated, concurrent refunds and disputes', { timeout: 180000 }, function (db) {
  const s = db.server;
  const admin = () => s.token('proof-admin', { role: 'admin' });
  const sign = (raw: string) => crypto.createHmac('sha256', s.config.paymentsSandboxSecret).update(raw).digest('hex');
  const hook = (body: unknown, id?: string) => {
    const raw = JSON.stringify(body);
    return s.call('POST', '/api/webhooks/sandbox', { raw, headers: { 'x-sandbox-signature': sign(raw), ...(id ? { 'x-razorpay-event-id': id } : {}) } });
  };
  const balance = async (sub: string) => (await s.call('GET', '/api/credits/balance', { token: s.token(sub) })).body as { credits: number; debtCredits: number };

  it('claws back exactly once with exact debts on every delivery order', async () => {
    const run = crypto.randomBytes(3).toString('hex');
    const buyers = Array.from({ length: 6 }, (_, i) => ({
      sub: `proof-${run}-${i}`,
      /** Verified before the storm (and spent from) or left for verify calls inside it. */
      verifiedFirst: i % 2 === 0,
      spend: [0, 0, 35, 0, 48, 0][i]!,
      lost: i % 3 !== 0,
      admin: i !== 5,
    }));
    const orders = [];
    for (const b of buyers) {
      const t = s.token(b.sub);
      const o = await s.call('POST', '/api/credits/purchase', { token: t, body: { packId: 'pack_50' } });
      const c = await s.call('POST', '/api/credits/sandbox/pay', { token: t, body: { orderId: o.body.orderId } });
      if (b.verifiedFirst) expect((await s.call('POST', '/api/credits/purchase/verify', { token: t, body: c.body })).status).to.equal(200);
      if (b.spend) expect((await s.call('POST', '/api/admin/credits/grant', { token: admin(), body: { userId: b.sub, credits: -b.spend, note: 'spent' } })).status).to.equal(200);
      orders.push({ ...b, token: t, orderId: o.body.orderId as string, paise: o.body.amountPaise as number, checkout: c.body });
    }
    const calls: (() => Promise<{ status: number; body: any }>)[] = [];
    const admins: (() => Promise<{ status: number; body: any }>)[] = [];
    for (const o of orders) {
      const r1 = Math.floor(o.paise * 0.3), r2 = Math.floor(o.paise * 0.2), d = Math.floor(o.paise * 0.4);
      Object.assign(o, { r1, r2, d });
      const events: [unknown, string | undefined][] = [
        [refundEvent(o.checkout.paymentId, o.orderId, o.paise, `rfnd_${o.sub}_1`, r1), `evt_${o.sub}_r1`],
        [disputeEvent('created', o.checkout.paymentId, o.orderId, o.paise, `disp_${o.sub}`, d), undefined],
        [disputeEvent(o.lost ? 'lost' : 'won', o.checkout.paymentId, o.orderId, o.paise, `disp_${o.sub}`, d), `evt_${o.sub}_dend`],
      ];
      // Without an admin refund the second refund arrives as a webhook too.
      if (!o.admin) events.push([refundEvent(o.checkout.paymentId, o.orderId, o.paise, `rfnd_${o.sub}_2`, r2), undefined]);
      for (let k = 0; k < 3; k++) for (const [e, id] of events) calls.push(() => hook(e, id));
      if (!o.verifiedFirst) for (let k = 0; k < 3; k++) calls.push(() => s.call('POST', '/api/credits/purchase/verify', { token: o.token, body: o.checkout }));
      if (o.admin) {
        // The admin's refund needs a paid order: retried until the verify or a webhook has settled it (409 until then).
        admins.push(async () => {
          for (;;) {
            const r = await s.call('POST', `/api/admin/orders/${o.orderId}/refund`, { token: admin(), body: { amountPaise: r2, note: 'proof refund' } });
            if (r.status !== 409 || !/paid/.test(r.body.detail)) return r;
            await new Promise((res) => setImmediate(res));
          }
        });
      }
    }
    const results = await Promise.all(shuffle([...calls, ...admins]).map((f) => f()));
    for (const r of results) expect(r.status, JSON.stringify(r.body)).to.equal(200);
    const statuses = results.map((r) => r.body.status).filter(Boolean);
    expect(statuses).to.not.include('unknown_order');

    for (const o of orders as (typeof orders[number] & { r1: number; r2: number; d: number })[]) {
      const C = 50_000;
      const refunded = proportion(C, o.r1 + o.r2, o.paise);
      const held = o.lost ? proportion(C, o.d, o.paise) : 0;
      const net = C - o.spend * 1000 - refunded - held;
      const b = await balance(o.sub);
      expect(b, o.sub).to.deep.include({ credits: Math.max(0, net) / 1000, debtCredits: Math.max(0, -net) / 1000 });
      const user = await User.findOne({ where: { sub: o.sub } });
      const claw = await LedgerEntry.findAll({ where: { userId: user!.id, reason: ['clawback', 'dispute_hold', 'dispute_release', 'purchase'] } });
      expect(claw.filter((e) => e.reason === 'purchase'), 'credited once').to.have.length(1);
      const adj = await OrderAdjustment.findAll({ where: { orderId: o.orderId } });
      expect(adj.filter((a) => a.kind === 'refund').map((a) => a.amountPaise).sort((x, y) => x - y)).to.deep.equal([o.r2, o.r1].sort((x, y) => x - y));
      expect(adj.filter((a) => a.kind === 'dispute')).to.have.length(1);
      expect(adj.filter((a) => a.kind === 'refund').reduce((x, a) => x + a.credits, 0)).to.equal(refunded);
    }
    const check = await checkLedger();
    expect(check.problems).to.deep.equal([]);

    // A later purchase settles each debt exactly, in its own transaction.
    for (const o of orders as (typeof orders[number] & { r1: number; r2: number; d: number })[]) {
      const before = await balance(o.sub);
      if (!before.debtCredits) continue;
      const t = o.token;
      const n = await s.call('POST', '/api/credits/purchase', { token: t, body: { packId: 'pack_100' } });
      const c = await s.call('POST', '/api/credits/sandbox/pay', { token: t, body: { orderId: n.body.orderId } });
      await Promise.all([1, 2, 3].map(() => s.call('POST', '/api/credits/purchase/verify', { token: t, body: c.body })));
      const after = await balance(o.sub);
      expect(after).to.deep.include({ credits: Math.round((before.credits + 100 - before.debtCredits) * 1000) / 1000, debtCredits: 0 });
    }
    await s.ledgerOk();
  });
});
