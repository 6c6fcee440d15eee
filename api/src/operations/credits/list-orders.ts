import { Op } from 'sequelize';
import { Order } from '../../models/index.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import type { Principal } from '../../auth/principal.js';
import { presentOrder, type OrderView } from '../../presenters/wallet.js';

interface OrderCursor { t: number; i: string }
const isOrderCursor = (v: unknown): v is OrderCursor =>
  !!v && typeof v === 'object' && Number.isSafeInteger((v as OrderCursor).t) && typeof (v as OrderCursor).i === 'string';

/** The caller's orders, newest first, paged by (createdAt, id). */
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
