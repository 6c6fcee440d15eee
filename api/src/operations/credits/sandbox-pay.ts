import { Order } from '../../models/index.js';
import { AppError, notFound } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';
import { gatewayForTenant } from '../../payments/gateways/accounts.js';
import type { SandboxPayResponse } from '../../presenters/wallet.js';
import { idField } from './own-order.js';

/** What a completed sandbox checkout returns. 404 unless the active gateway is a test gateway (PAYMENTS_GATEWAY=sandbox). */
export async function sandboxPay(p: Principal, body: { orderId?: unknown }): Promise<SandboxPayResponse> {
  const gateway = await gatewayForTenant(p.tenantId);
  if (!gateway.simulatePayment) throw new AppError('not_found', 'The sandbox gateway is disabled: a real payment gateway is configured.');
  const orderId = idField('orderId', body?.orderId);
  const order = await Order.findOne({ where: { id: orderId, tenantId: p.tenantId, userId: p.userId } });
  if (!order || order.gateway !== gateway.name) throw notFound('order');
  if (order.status === 'paid') throw new AppError('conflict', 'This order is already paid.');
  return { orderId: order.id, ...gateway.simulatePayment(order.id) };
}
