import { Op, type Transaction } from 'sequelize';
import { Order, OrderAdjustment } from '../models/index.js';
import { clawBack, releaseHold } from '../ledger/debt.js';
import { newId } from '../util/ids.js';
import { emitUserEvent } from '../webhooks/events.js';

/**
 * Refunds and disputes of paid orders. Each gateway refund or dispute is one order_adjustments row, unique on
 * (gateway, kind, external id), written under the order's row lock in the same transaction as its ledger and debt rows:
 * however often, in whatever order and however concurrently a refund or dispute is reported (webhook redeliveries, the
 * admin's own refund call), its credits move once.
 *
 * Proportion: the credits a refund covers are round(credits * refunded paise / paid paise) of the running total minus the
 * same for the total before it, so partial refunds add up to exactly the order's credits when the whole amount is refunded.
 * Refunds and disputes together never cover more than the order's credits.
 */
export type AdjustmentOutcome = 'refunded' | 'held' | 'released' | 'hold_final' | 'duplicate';

export interface AdjustmentResult {
  outcome: AdjustmentOutcome;
  adjustment: OrderAdjustment;
  /** Millicredits the change covered, took from the balance, and recorded as debt (0 for a duplicate). */
  credits: number; taken: number; debt: number;
  /** Whether an open dispute hold was released (in millicredits: given back to the balance, forgiven from the debt). */
  released?: number; forgiven?: number;
}

interface Common { gateway: string; externalId: string; paymentId: string | null; amountPaise: number; source: 'webhook' | 'admin'; note?: string; actorSub?: string }

/** round-half-up(credits * paise / total) in integers (BigInt keeps any product exact). */
export function proportion(creditsMilli: number, paise: number, totalPaise: number): number {
  if (totalPaise <= 0) return 0;
  const n = BigInt(creditsMilli) * BigInt(Math.max(0, Math.min(paise, totalPaise))) * 2n + BigInt(totalPaise);
  return Number(n / (2n * BigInt(totalPaise)));
}

async function lockOrder(t: Transaction, orderId: string) {
  const order = await Order.findOne({ where: { id: orderId }, lock: t.LOCK.UPDATE, transaction: t });
  if (!order) throw new Error(`adjustments: no order ${orderId}`);
  return order;
}

/** Millicredits of the order already covered by refunds and by disputes that hold (open or lost). */
async function covered(t: Transaction, orderId: string) {
  const rows = await OrderAdjustment.findAll({ where: { orderId, status: { [Op.in]: ['processed', 'open', 'lost'] } }, attributes: ['credits'], transaction: t });
  return rows.reduce((s, r) => s + r.credits, 0);
}

const find = (t: Transaction, c: Common, kind: 'refund' | 'dispute') =>
  OrderAdjustment.findOne({ where: { gateway: c.gateway, kind, externalId: c.externalId }, transaction: t, lock: t.LOCK.UPDATE });

/** A refund of a paid order (the caller settled it first): claws back the credits it covers, the rest as debt. */
export async function applyRefundInTx(t: Transaction, orderId: string, c: Common): Promise<AdjustmentResult> {
  const order = await lockOrder(t, orderId);
  const existing = await find(t, c, 'refund');
  if (existing) return { outcome: 'duplicate', adjustment: existing, credits: 0, taken: 0, debt: 0 };
  const before = order.refundedPaise;
  const after = Math.min(order.amountPaise, before + c.amountPaise);
  const available = order.credits - await covered(t, order.id);
  const credits = Math.max(0, Math.min(available, proportion(order.credits, after, order.amountPaise) - proportion(order.credits, before, order.amountPaise)));
  const id = newId('adj');
  const claw = await clawBack(t, { tenantId: order.tenantId, userId: order.userId, milli: credits, reason: 'clawback', refType: 'refund', refId: id,
    note: `${credits / 1000} credits taken back: ${c.amountPaise} paise of order ${order.id} refunded (${c.externalId})` });
  const adjustment = await OrderAdjustment.create({
    id, tenantId: order.tenantId, orderId: order.id, userId: order.userId, gateway: c.gateway, kind: 'refund', externalId: c.externalId,
    paymentId: c.paymentId, amountPaise: c.amountPaise, credits, taken: claw.taken, debt: claw.debt, status: 'processed', source: c.source,
    note: c.note ?? null, actorSub: c.actorSub ?? null,
  }, { transaction: t });
  await order.update({ refundedPaise: after }, { transaction: t });
  const props = { orderId: order.id, refundId: c.externalId, amountPaise: c.amountPaise, credits: credits / 1000, debt: claw.debt / 1000, source: c.source };
  await emitUserEvent(t, order.tenantId, order.userId, 'credits.refunded', { ...props, currency: order.currency, fullyRefunded: after >= order.amountPaise,
    balance: claw.balanceAfter / 1000, debtCredits: claw.debtAfter / 1000 });
  return { outcome: 'refunded', adjustment, credits, taken: claw.taken, debt: claw.debt };
}

/**
 * A dispute of a paid order. created: holds the credits the disputed amount covers (from the balance, the rest as debt);
 * won: gives the hold back; lost: the hold stays for good. Events may arrive in any order: a won without a created holds
 * nothing, a lost without a created holds then and there, and a created after either changes nothing.
 */
export async function applyDisputeInTx(t: Transaction, orderId: string, phase: 'created' | 'won' | 'lost', c: Common): Promise<AdjustmentResult> {
  const order = await lockOrder(t, orderId);
  const existing = await find(t, c, 'dispute');
  const none = (a: OrderAdjustment): AdjustmentResult => ({ outcome: 'duplicate', adjustment: a, credits: 0, taken: 0, debt: 0 });
  if (existing) {
    if (existing.status !== 'open' || phase === 'created') return none(existing);
    if (phase === 'lost') {
      await existing.update({ status: 'lost' }, { transaction: t });
      return { outcome: 'hold_final', adjustment: existing, credits: 0, taken: 0, debt: 0 };
    }
    const r = await releaseHold(t, { tenantId: order.tenantId, userId: order.userId, milli: existing.credits, refType: 'dispute',
      refId: existing.id, note: `dispute ${c.externalId} of order ${order.id} won` });
    await existing.update({ status: 'won' }, { transaction: t });
    await order.update({ disputedPaise: Math.max(0, order.disputedPaise - existing.amountPaise) }, { transaction: t });
    return { outcome: 'released', adjustment: existing, credits: 0, taken: 0, debt: 0, ...r };
  }
  const id = newId('adj');
  const base = { id, tenantId: order.tenantId, orderId: order.id, userId: order.userId, gateway: c.gateway, kind: 'dispute' as const, externalId: c.externalId,
    paymentId: c.paymentId, amountPaise: c.amountPaise, source: c.source, note: c.note ?? null, actorSub: c.actorSub ?? null };
  if (phase === 'won') {
    const adjustment = await OrderAdjustment.create({ ...base, credits: 0, taken: 0, debt: 0, status: 'won' }, { transaction: t });
    return { outcome: 'released', adjustment, credits: 0, taken: 0, debt: 0, released: 0, forgiven: 0 };
  }
  const available = order.credits - await covered(t, order.id);
  const credits = Math.max(0, Math.min(available, proportion(order.credits, c.amountPaise, order.amountPaise)));
  const claw = await clawBack(t, { tenantId: order.tenantId, userId: order.userId, milli: credits, reason: 'dispute_hold', refType: 'dispute', refId: id,
    note: `${credits / 1000} credits held: ${c.amountPaise} paise of order ${order.id} disputed (${c.externalId})` });
  const adjustment = await OrderAdjustment.create({ ...base, credits, taken: claw.taken, debt: claw.debt, status: phase === 'lost' ? 'lost' : 'open' },
    { transaction: t });
  await order.update({ disputedPaise: Math.min(order.amountPaise, order.disputedPaise + c.amountPaise) }, { transaction: t });
  return { outcome: phase === 'lost' ? 'hold_final' : 'held', adjustment, credits, taken: claw.taken, debt: claw.debt };
}
