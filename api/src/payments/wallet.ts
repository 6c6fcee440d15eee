import { Op } from 'sequelize';
import { LedgerEntry, Order } from '../models/index.js';
import { decodeCursor, encodeCursor, parseLimit } from '../util/cursor.js';
import { notFound } from '../errors.js';
import type { Principal } from '../auth/principal.js';
import { presentLedgerEntry, presentOrder, type LedgerEntryView, type OrderView } from '../presenters/wallet.js';

/** Ledger ids only grow, so the newest-first history pages by id alone. */
export async function ledgerHistory(p: Principal, limit?: number, cursor?: string): Promise<{ items: LedgerEntryView[]; nextCursor?: string }> {
  const n = parseLimit(limit);
  const after = decodeCursor<{ h: number }>(cursor, (v): v is { h: number } => Number.isSafeInteger((v as { h?: unknown })?.h));
  const rows = await LedgerEntry.findAll({
    where: { userId: p.userId, tenantId: p.tenantId, ...(after ? { id: { [Op.lt]: after.h } } : {}) },
    order: [['id', 'DESC']], limit: n + 1,
  });
  const page = rows.slice(0, n);
  return { items: page.map(presentLedgerEntry), nextCursor: rows.length > n ? encodeCursor({ h: page[page.length - 1]!.id }) : undefined };
}

interface OrderCursor { t: number; i: string }
const isOrderCursor = (v: unknown): v is OrderCursor =>
  !!v && typeof v === 'object' && Number.isSafeInteger((v as OrderCursor).t) && typeof (v as OrderCursor).i === 'string';

export async function listOrders(p: Principal, limit?: number, cursor?: string): Promise<{ items: OrderView[]; nextCursor?: string }> {
  const n = parseLimit(limit);
  const after = decodeCursor(cursor, isOrderCursor);
  const where: Record<string | symbol, unknown> = { userId: p.userId, tenantId: p.tenantId };
  if (after) {
    const at = new Date(after.t);
    where[Op.or] = [{ createdAt: { [Op.lt]: at } }, { createdAt: at, id: { [Op.lt]: after.i } }];
  }
  const rows = await Order.findAll({ where, order: [['createdAt', 'DESC'], ['id', 'DESC']], limit: n + 1 });
  const page = rows.slice(0, n);
  const last = page[page.length - 1];
  return { items: page.map(presentOrder), nextCursor: rows.length > n && last ? encodeCursor({ t: last.createdAt.getTime(), i: last.id }) : undefined };
}

export async function getOrder(p: Principal, orderId: string): Promise<OrderView> {
  const order = await Order.findOne({ where: { id: orderId, userId: p.userId, tenantId: p.tenantId } });
  if (!order) throw notFound('order');
  return presentOrder(order);
}
