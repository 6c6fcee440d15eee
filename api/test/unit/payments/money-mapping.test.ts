import { expect } from 'chai';
import { mapRazorpayEvent } from '../../../src/payments/gateways/razorpay-webhook.js';
import { proportion } from '../../../src/payments/adjustments.js';
import { LEDGER_REASONS, countsAsSpending } from '../../../src/ledger/reasons.js';
import { disputeEvent, refundEvent } from '../../support/money-events.js';

const none = () => undefined;

describe('money lifecycle: event mapping and proportions', () => {
  it('maps refund.processed to a refund named by the refund id (two partial refunds are two events)', () => {
    const a = mapRazorpayEvent(refundEvent('pay_1', 'order_1', 5000, 'rfnd_A', 1000), none)!;
    const b = mapRazorpayEvent(refundEvent('pay_1', 'order_1', 5000, 'rfnd_B', 1000), none)!;
    expect(a.effect).to.deep.equal({ kind: 'refund', paymentId: 'pay_1', paymentAmountPaise: 5000, currency: 'INR', refundId: 'rfnd_A', amountPaise: 1000 });
    expect(a.gatewayOrderId).to.equal('order_1');
    expect(a.eventId).to.not.equal(b.eventId);
    expect(mapRazorpayEvent(refundEvent('pay_1', 'order_1', 5000, 'rfnd_A', 1000), (h) => (h === 'x-razorpay-event-id' ? 'evt_1' : undefined))!.eventId).to.equal('evt_1');
  });

  it('maps the three dispute events; other dispute events and broken entities are ignored', () => {
    for (const phase of ['created', 'won', 'lost'] as const) {
      const e = mapRazorpayEvent(disputeEvent(phase, 'pay_2', 'order_2', 5000, 'disp_X', 2500), none)!;
      expect(e.effect).to.deep.include({ kind: 'dispute', phase, disputeId: 'disp_X', amountPaise: 2500, paymentId: 'pay_2' });
    }
    const review = { ...disputeEvent('created', 'pay_2', 'order_2', 5000, 'disp_X', 2500), event: 'payment.dispute.under_review' };
    expect(mapRazorpayEvent(review, none)!.effect.kind).to.equal('ignored');
    const noAmount = refundEvent('pay_1', 'order_1', 5000, 'rfnd_A', 1000);
    (noAmount.payload.refund.entity as { amount: unknown }).amount = '1000';
    expect(mapRazorpayEvent(noAmount, none)!.effect.kind).to.equal('ignored');
    const negative = disputeEvent('created', 'pay_2', 'order_2', 5000, 'disp_X', -1);
    expect(mapRazorpayEvent(negative, none)!.effect.kind).to.equal('ignored');
  });

  it('proportion is integer, half up, and partial totals add up to the whole', () => {
    expect(proportion(10_000, 500, 500)).to.equal(10_000);
    expect(proportion(10_000, 0, 500)).to.equal(0);
    expect(proportion(10_000, 250, 500)).to.equal(5_000);
    expect(proportion(1_000, 1, 3)).to.equal(333);
    expect(proportion(1_000, 2, 3)).to.equal(667);
    expect(proportion(10_000, 900, 500)).to.equal(10_000);
    expect(proportion(10_000_000_000, 6_000_000_000, 9_000_000_000)).to.equal(6_666_666_667);
    const total = 47_500;
    let sum = 0, before = 0;
    for (const part of [11_111, 13_333, 9_999, total - 11_111 - 13_333 - 9_999]) {
      sum += proportion(50_000, before + part, total) - proportion(50_000, before, total);
      before += part;
    }
    expect(sum).to.equal(50_000);
  });

  it('the new ledger reasons are not spending', () => {
    for (const r of ['clawback', 'dispute_hold', 'dispute_release', 'debt_settlement'] as const) {
      expect(r in LEDGER_REASONS).to.equal(true);
      expect(countsAsSpending(r), r).to.equal(false);
      expect(r.length).to.be.at.most(16);
    }
  });
});
