import { Order } from '../../models/index.js';
import { notFound } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';
import { presentOrder, type OrderView } from '../../presenters/wallet.js';

/** One of the caller's orders; another user's answers 404. */
export async function getOrder(p: Principal, orderId: string): Promise<OrderView> {
  const order = await Order.findOne({ where: { id: orderId, userId: p.userId, tenantId: p.tenantId } });
  if (!order) throw notFound('order');
  return presentOrder(order);
}
