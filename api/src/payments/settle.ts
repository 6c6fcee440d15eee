import type { Transaction } from 'sequelize';
import { Order, User, Wallet } from '../models/index.js';
import { applyMovement } from '../ledger/ledger.js';
import { settleDebt } from '../ledger/debt.js';
import { services } from '../context.js';
import { retryOnDeadlock } from '../db.js';
import { notFound } from '../errors.js';
import { track } from '../analytics/track.js';
import { emit } from '../hooks.js';
import { logger } from '../logger.js';
import { emitUserEvent } from '../webhooks/events.js';
import { issueReceiptInTx } from '../receipts/issue.js';

export type SettleSource = 'verify' | 'webhook' | 'reconciler';

export interface Settlement {
  orderId: string;
  tenantId: string;
  userId: string;
  creditsMilli: number;
  amountPaise: number;
  balanceMilli: number;
  /** True when this call credited the order; false when it had been credited before. */
  credited: boolean;
  firstPurchase: boolean;
}

/**
 * The one place an order is credited. It locks the order row (FOR UPDATE on MySQL; SQLite transactions
 * are serialised anyway), returns early when the order is already paid, otherwise marks it paid and
 * applies the ledger movement (purchase/order/<orderId>, unique in the ledger as a second guard).
 * Verify, webhooks and the reconciler all end here, in any order and at the same time.
 */
export async function settleInTx(t: Transaction, orderId: string, paymentId: string, source: SettleSource): Promise<Settlement> {
  const order = await Order.findOne({ where: { id: orderId }, lock: t.LOCK.UPDATE, transaction: t });
  if (!order) throw notFound('order');
  const base = { orderId: order.id, tenantId: order.tenantId, userId: order.userId, creditsMilli: order.credits, amountPaise: order.amountPaise };
  if (order.status === 'paid') {
    const wallet = await Wallet.findByPk(order.userId, { transaction: t, attributes: ['balance'] });
    return { ...base, balanceMilli: wallet?.balance ?? 0, credited: false, firstPurchase: false };
  }
  const now = new Date();
  await order.update({ status: 'paid', paymentId: paymentId.slice(0, 64), paidAt: now, failureReason: null }, { transaction: t });
  let { balanceAfter } = await applyMovement(t, {
    tenantId: order.tenantId, userId: order.userId, delta: order.credits, reason: 'purchase', refType: 'order', refId: order.id,
    note: `${order.credits / 1000} credits bought (${order.gateway}, ${source})`,
  });
  // A debt left by a refund or dispute is paid off first, in this transaction (ledger/debt.ts).
  const debt = await settleDebt(t, { tenantId: order.tenantId, userId: order.userId, refType: 'order', refId: order.id, note: 'debt paid by a purchase' });
  if (debt.settled) balanceAfter = debt.balanceAfter;
  // The first purchase makes the user a paying user (watermark choice); the WHERE makes it happen once.
  const [changed] = await User.update({ isPaying: true, firstPurchaseAt: now }, { where: { id: order.userId, firstPurchaseAt: null }, transaction: t });
  const firstPurchase = changed > 0;
  await issueReceiptInTx(t, order);
  const props = { orderId: order.id, credits: order.credits / 1000, amountPaise: order.amountPaise, gateway: order.gateway, priceBand: order.priceBand,
    packId: order.packId, source };
  await track(order.tenantId, order.userId, 'credits_purchased', props, t);
  if (firstPurchase) await track(order.tenantId, order.userId, 'first_purchase', props, t);
  await emitUserEvent(t, order.tenantId, order.userId, 'credits.purchased', { orderId: order.id, credits: order.credits / 1000, amountPaise: order.amountPaise,
    currency: order.currency, packId: order.packId ?? null, balance: balanceAfter / 1000 });
  return { ...base, balanceMilli: balanceAfter, credited: true, firstPurchase };
}

/** Marks an unpaid order failed (a failed attempt; a gateway may let the buyer retry the same order, so a later capture still settles it). */
export async function markFailedInTx(t: Transaction, orderId: string, reason: string): Promise<boolean> {
  const order = await Order.findOne({ where: { id: orderId }, lock: t.LOCK.UPDATE, transaction: t });
  if (!order || order.status === 'paid') return false;
  await order.update({ status: 'failed', failureReason: reason.slice(0, 255) || 'payment failed' }, { transaction: t });
  return true;
}

/** After the settling transaction committed: the hook other modules (referrals) listen to. */
export async function afterSettlement(s: Settlement) {
  if (!s.credited) return;
  logger().info({ orderId: s.orderId, credits: s.creditsMilli / 1000 }, 'order credited');
  await emit('purchaseCompleted', { tenantId: s.tenantId, userId: s.userId, orderId: s.orderId, creditsMilli: s.creditsMilli, amountPaise: s.amountPaise,
    first: s.firstPurchase });
}

/** Settles in its own transaction and runs the after-commit work. */
export async function settleOrder(orderId: string, paymentId: string, source: SettleSource): Promise<Settlement> {
  const { db } = services();
  const s = await retryOnDeadlock(() => db.tx((t) => settleInTx(t, orderId, paymentId, source)));
  await afterSettlement(s);
  return s;
}
