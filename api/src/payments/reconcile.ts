import { Op } from 'sequelize';
import { Order } from '../models/index.js';
import { services } from '../context.js';
import { logger } from '../logger.js';
import { GatewayError } from './gateways/index.js';
import { gatewayForOrder } from './gateways/accounts.js';
import { markFailedInTx, settleOrder } from './settle.js';
import { retryOnDeadlock } from '../db.js';

export const RECONCILE_JOB = 'payments-reconcile';

export interface ReconcileReport { checked: number; credited: number; failed: number; errors: number }

/**
 * Asks the gateway about orders still unpaid (the browser never came back and no webhook arrived):
 * a captured payment of the full amount settles the order through the same settle function.
 * Orders younger than `olderThanMs` are left to the checkout; orders older than `maxAgeMs` are given up.
 */
export async function reconcilePendingOrders(opts: { olderThanMs?: number; maxAgeMs?: number; limit?: number } = {}): Promise<ReconcileReport> {
  const now = Date.now();
  const report: ReconcileReport = { checked: 0, credited: 0, failed: 0, errors: 0 };
  // Sandbox orders have no gateway order id and nothing to ask; each order is asked through its partner's account.
  const rows = await Order.findAll({
    where: {
      gateway: { [Op.ne]: 'sandbox' }, status: { [Op.in]: ['created', 'failed'] }, gatewayOrderId: { [Op.ne]: null },
      createdAt: { [Op.lt]: new Date(now - (opts.olderThanMs ?? 2 * 60_000)), [Op.gt]: new Date(now - (opts.maxAgeMs ?? 3 * 86_400_000)) },
    },
    order: [['createdAt', 'ASC']], limit: opts.limit ?? 100,
  });
  report.checked = rows.length;
  for (const order of rows) {
    try {
      const gateway = await gatewayForOrder(order);
      if (!gateway?.fetchOrderPayments) continue;
      const payments = await gateway.fetchOrderPayments(order.gatewayOrderId!);
      const captured = payments.find((p) => p.status === 'captured' && p.amountPaise === order.amountPaise && p.currency === order.currency);
      if (captured) {
        const s = await settleOrder(order.id, captured.id, 'reconciler');
        if (s.credited) report.credited++;
      } else if (order.status === 'created' && payments.length && payments.every((p) => p.status === 'failed')) {
        const last = payments[payments.length - 1]!;
        const { db } = services();
        if (await retryOnDeadlock(() => db.tx((t) => markFailedInTx(t, order.id, last.errorDescription ?? 'payment failed')))) report.failed++;
      }
    } catch (err) {
      report.errors++;
      const e = err as GatewayError;
      logger().warn({ orderId: order.id, status: e.httpStatus, code: e.code, err: e instanceof GatewayError ? undefined : err }, 'reconciling an order failed');
    }
  }
  if (report.credited || report.errors) logger().info({ ...report }, 'payments reconciled');
  return report;
}
