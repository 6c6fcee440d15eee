import { Op } from 'sequelize';
import { Order } from '../../models/index.js';
import { invalid, notFound } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';

/** An order or payment id from a request body: short, and of the characters gateways use. */
export const idField = (name: string, v: unknown, max = 64) => {
  if (typeof v !== 'string' || !v || v.length > max || !/^[\w.:-]+$/.test(v)) throw invalid(name, `must be an id of 1 to ${max} letters, digits, _ . : -`);
  return v;
};

/** The caller's order by our id, or by the gateway's order id (what a gateway's checkout hands back). */
export async function ownOrder(p: Principal, id: string) {
  const order = await Order.findOne({ where: { tenantId: p.tenantId, userId: p.userId, [Op.or]: [{ id }, { gatewayOrderId: id }] } });
  if (!order) throw notFound('order');
  return order;
}
