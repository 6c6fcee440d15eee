import { Op, type WhereOptions } from 'sequelize';
import { Order, OrderAdjustment, User } from '../../models/index.js';
import { services } from '../../context.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import { audit } from '../../admin/audit.js';
import { logger } from '../../logger.js';
import { retryOnDeadlock } from '../../db.js';
import type { Principal } from '../../auth/principal.js';
import { GatewayError } from '../../payments/gateways/index.js';
import { gatewayForOrder } from '../../payments/gateways/accounts.js';
import { applyRefundInTx } from '../../payments/adjustments.js';
import { presentOrder, type OrderView } from '../../presenters/wallet.js';
import { rupees } from '../../util/money.js';
import { idField } from './own-order.js';

export type AdminOrderStatus = 'created' | 'paid' | 'failed' | 'refunded' | 'partially_refunded' | 'disputed';
const STATUSES: AdminOrderStatus[] = ['created', 'paid', 'failed', 'refunded', 'partially_refunded', 'disputed'];

export interface AdminOrderView extends OrderView {
  /** The buyer (the partner's user id, the token's sub). */
  user: string;
  refundedPaise: number;
  /** Paise under an open or lost dispute. */
  disputedPaise: number;
  /** Paise an admin may still refund. */
  refundablePaise: number;
}
export interface AdminOrderPage { items: AdminOrderView[]; nextCursor?: string }

export interface RefundOrderRequest {
  /** Paise to refund (integer); default: everything still refundable. Send this or `amount`, not both. */
  amountPaise?: number;
  /** Rupees to refund, at most 2 decimals; default: everything still refundable. */
  amount?: number;
  /** Why (audited), 1 to 500 characters. */
  note: string;
}
export interface RefundOrderResponse {
  orderId: string;
  /** The gateway's refund id. */
  refundId: string;
  amountPaise: number;
  amount: number;
  /** Credits the refund took back, from the balance and as debt. */
  credits: number;
  takenCredits: number;
  debtCredits: number;
  /** True when the refund had already been recorded (a webhook was first, or a repeated call). */
  alreadyRecorded: boolean;
  order: AdminOrderView;
}

const refundable = (o: Order) => Math.max(0, o.amountPaise - o.refundedPaise - o.disputedPaise);

function present(o: Order, sub: string): AdminOrderView {
  return { ...presentOrder(o), user: sub, refundedPaise: o.refundedPaise, disputedPaise: o.disputedPaise, refundablePaise: o.status === 'paid' ? refundable(o) : 0 };
}

interface Cursor { t: number; i: string }
const isCursor = (v: unknown): v is Cursor => !!v && typeof v === 'object' && Number.isSafeInteger((v as Cursor).t) && typeof (v as Cursor).i === 'string';

function parseDate(field: string, v: string | undefined): Date | undefined {
  if (v === undefined || v === '') return undefined;
  const d = new Date(v);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(d.getTime())) throw invalid(field, 'an ISO 8601 date or date-time');
  return d;
}

/** The partner's orders, newest first, filtered by buyer (sub), status and creation date ([from, to)), paged by (createdAt, id). */
export async function listAdminOrders(admin: Principal, q: { user?: string; status?: string; from?: string; to?: string; limit?: number; cursor?: string }):
  Promise<AdminOrderPage> {
  const n = parseLimit(q.limit);
  const after = decodeCursor(q.cursor, isCursor);
  const from = parseDate('from', q.from);
  const to = parseDate('to', q.to);
  if (q.status !== undefined && q.status !== '' && !STATUSES.includes(q.status as AdminOrderStatus)) throw invalid('status', `one of ${STATUSES.join(', ')}`);
  if (q.user !== undefined && (typeof q.user !== 'string' || q.user.length > 191)) throw invalid('user', 'at most 191 characters');
  const and: WhereOptions[] = [{ tenantId: admin.tenantId }];
  if (q.user) {
    const u = await User.findOne({ where: { tenantId: admin.tenantId, [Op.or]: [{ sub: q.user }, { id: q.user }] }, attributes: ['id'] });
    if (!u) return { items: [] };
    and.push({ userId: u.id });
  }
  switch (q.status) {
    case 'created': case 'failed': and.push({ status: q.status }); break;
    case 'paid': and.push({ status: 'paid' }); break;
    case 'refunded': and.push({ status: 'paid', refundedPaise: { [Op.gt]: 0 } }, services().db.sequelize.where(
      services().db.sequelize.col('refunded_paise'), Op.gte, services().db.sequelize.col('amount_paise'))); break;
    case 'partially_refunded': and.push({ status: 'paid', refundedPaise: { [Op.gt]: 0 } }, services().db.sequelize.where(
      services().db.sequelize.col('refunded_paise'), Op.lt, services().db.sequelize.col('amount_paise'))); break;
    case 'disputed': and.push({ disputedPaise: { [Op.gt]: 0 } }); break;
    default: break;
  }
  if (from) and.push({ createdAt: { [Op.gte]: from } });
  if (to) and.push({ createdAt: { [Op.lt]: to } });
  if (after) {
    const at = new Date(after.t);
    and.push({ [Op.or]: [{ createdAt: { [Op.lt]: at } }, { createdAt: at, id: { [Op.lt]: after.i } }] });
  }
  const rows = await Order.findAll({ where: { [Op.and]: and }, order: [['createdAt', 'DESC'], ['id', 'DESC']], limit: n + 1 });
  const page = rows.slice(0, n);
  const users = await User.findAll({ where: { id: [...new Set(page.map((o) => o.userId))] }, attributes: ['id', 'sub'] });
  const subs = new Map(users.map((u) => [u.id, u.sub]));
  const last = page[page.length - 1];
  return {
    items: page.map((o) => present(o, subs.get(o.userId) ?? '')),
    nextCursor: rows.length > n && last ? encodeCursor({ t: last.createdAt.getTime(), i: last.id }) : undefined,
  };
}

function refundAmount(body: RefundOrderRequest | undefined, remaining: number): number {
  const b = body ?? ({} as RefundOrderRequest);
  const hasPaise = b.amountPaise !== undefined && b.amountPaise !== null;
  const hasRupees = b.amount !== undefined && b.amount !== null;
  if (hasPaise && hasRupees) throw invalid('amount', 'send amountPaise or amount, not both');
  let paise = remaining;
  if (hasPaise) {
    if (typeof b.amountPaise !== 'number' || !Number.isSafeInteger(b.amountPaise) || b.amountPaise <= 0) throw invalid('amountPaise', 'a positive whole number of paise');
    paise = b.amountPaise;
  } else if (hasRupees) {
    if (typeof b.amount !== 'number' || !Number.isFinite(b.amount) || b.amount <= 0 || Math.round(b.amount * 100) !== Number((b.amount * 100).toFixed(6))) {
      throw invalid('amount', 'a positive number of rupees with at most 2 decimals');
    }
    paise = Math.round(b.amount * 100);
  }
  const field = hasRupees ? 'amount' : 'amountPaise';
  if (paise > remaining) throw invalid(field, `at most ${remaining} paise (${rupees(remaining)} rupees) of this order can still be refunded`);
  return paise;
}

/**
 * An admin refund: checks the order (the partner's, paid, something left to refund), asks the order's gateway to refund
 * (Razorpay POST /v1/payments/{id}/refund with an idempotency key, the sandbox at once), then records it like the gateway's
 * refund.processed webhook would, audited and reported (credits.refunded) in the same transaction. Whichever of the call and
 * the webhook comes second changes nothing (order_adjustments is unique per gateway refund id). Bad input writes nothing.
 */
export async function refundOrder(admin: Principal, orderIdRaw: string, body: RefundOrderRequest): Promise<RefundOrderResponse> {
  const orderId = idField('orderId', orderIdRaw);
  const order = await Order.findOne({ where: { id: orderId, tenantId: admin.tenantId } });
  if (!order) throw notFound('order');
  if (typeof body?.note !== 'string' || !body.note.trim() || body.note.length > 500) throw invalid('note', 'a reason of 1 to 500 characters is required');
  const note = body.note.trim();
  if (order.status !== 'paid' || !order.paymentId) throw new AppError('conflict', 'Only a paid order can be refunded; this one is ' + order.status + '.');
  const remaining = refundable(order);
  if (remaining <= 0) throw new AppError('conflict', 'Nothing of this order is left to refund (refunded or under dispute).');
  const amountPaise = refundAmount(body, remaining);
  const gateway = await gatewayForOrder(order);
  if (!gateway?.refund) throw new AppError('conflict', `The ${order.gateway} account that took this order is no longer configured; refund it at the gateway.`);
  let refund;
  try {
    // Same order, same refunded total and amount: the same key, so two admins clicking at once refund once.
    refund = await gateway.refund({ paymentId: order.paymentId, amountPaise, notes: { orderId: order.id, note: note.slice(0, 200) },
      idempotencyKey: `${order.id}-${order.refundedPaise}-${amountPaise}` });
  } catch (err) {
    if (err instanceof GatewayError) {
      logger().warn({ gateway: err.gateway, status: err.httpStatus, code: err.code, description: err.description, orderId: order.id }, 'gateway refused the refund');
      if (err.transient) throw new AppError('provider_unavailable', 'The payment gateway did not answer; nothing was refunded. Please try again.', { gateway: err.gateway, retryAfter: 5 });
      throw new AppError('conflict', `The payment gateway refused the refund: ${err.description}`, { gateway: err.gateway, gatewayCode: err.code });
    }
    throw err;
  }
  const { db } = services();
  const r = await retryOnDeadlock(() => db.tx(async (t) => {
    const res = await applyRefundInTx(t, order.id, { gateway: gateway.name, externalId: refund.id, paymentId: order.paymentId, amountPaise: refund.amountPaise,
      source: 'admin', note, actorSub: admin.sub });
    if (res.outcome !== 'duplicate') {
      await audit(t, admin, 'order.refund', 'order', order.id, note, { refundId: refund.id, amountPaise: refund.amountPaise, credits: res.credits / 1000,
        debtCredits: res.debt / 1000 });
    }
    return res;
  }));
  const fresh = (await Order.findByPk(order.id))!;
  const user = await User.findByPk(order.userId, { attributes: ['sub'] });
  const adj = r.adjustment as OrderAdjustment;
  return {
    orderId: order.id, refundId: refund.id, amountPaise: adj.amountPaise, amount: rupees(adj.amountPaise), credits: adj.credits / 1000,
    takenCredits: adj.taken / 1000, debtCredits: adj.debt / 1000, alreadyRecorded: r.outcome === 'duplicate', order: present(fresh, user?.sub ?? ''),
  };
}
