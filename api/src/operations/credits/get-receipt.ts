import { Order } from '../../models/index.js';
import { AppError, notFound } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';
import { services } from '../../context.js';
import { retryOnDeadlock } from '../../db.js';
import { findReceipt, issueReceiptInTx, type ReceiptRow } from '../../receipts/issue.js';
import { receiptPdf } from '../../receipts/pdf.js';
import { presentReceipt, type ReceiptView } from '../../presenters/receipt.js';

/**
 * The receipt of one of the caller's paid orders (another user's order answers 404, an unpaid one 409). Orders paid
 * before receipts existed get their number on first read, in a transaction of their own.
 */
async function receiptOf(p: Principal, orderId: string): Promise<ReceiptRow> {
  const order = await Order.findOne({ where: { id: orderId, userId: p.userId, tenantId: p.tenantId } });
  if (!order) throw notFound('order');
  if (order.status !== 'paid' && !order.paidAt) throw new AppError('conflict', `Order ${order.id} is ${order.status}; only a paid order has a receipt.`);
  const found = await findReceipt(order.id);
  if (found) return found;
  const { db } = services();
  return retryOnDeadlock(() => db.tx(async (t) => {
    const locked = await Order.findOne({ where: { id: order.id }, lock: t.LOCK.UPDATE, transaction: t });
    return issueReceiptInTx(t, locked!);
  }));
}

export async function getReceipt(p: Principal, orderId: string): Promise<ReceiptView> {
  return presentReceipt(await receiptOf(p, orderId));
}

export async function getReceiptPdf(p: Principal, orderId: string): Promise<{ pdf: Buffer; number: string }> {
  const r = await receiptOf(p, orderId);
  return { pdf: await receiptPdf(r), number: r.number };
}
