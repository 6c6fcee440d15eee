import { Order, User } from '../../models/index.js';
import { services } from '../../context.js';
import { AppError } from '../../errors.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { findReplay, hashRequest, runIdempotent, validateKey } from '../../util/idempotency.js';
import { track } from '../../analytics/track.js';
import { consume } from '../../util/rate-limit.js';
import { newId } from '../../util/ids.js';
import { logger } from '../../logger.js';
import type { Principal } from '../../auth/principal.js';
import { quote, rupees } from '../../payments/pricing.js';
import { GatewayError, type GatewayOrder } from '../../payments/gateways/index.js';
import { gatewayForTenant } from '../../payments/gateways/accounts.js';
import type { PurchaseResponse } from '../../presenters/wallet.js';

const PURCHASE_ROUTE = 'POST /api/credits/purchase';

/**
 * Creates an order priced on the server, at the active gateway, and answers with the checkout the browser opens.
 * The gateway order is made before the database transaction, never inside it.
 */
export async function createPurchase(p: Principal, body: { packId?: unknown; quantity?: unknown }, rawKey?: string) {
  const key = validateKey(rawKey);
  const config = await getTenantConfig(p.tenantId);
  const user = await User.findByPk(p.userId, { attributes: ['priceBand'] });
  const q = quote(config, user?.priceBand, body ?? {});
  const normalized = { packId: body.packId ?? undefined, quantity: body.quantity ?? undefined };
  if (key) {
    const earlier = await findReplay<PurchaseResponse>(p, key, PURCHASE_ROUTE, hashRequest(PURCHASE_ROUTE, normalized));
    if (earlier) return { ...earlier, replayed: true };
  }
  await consume('purchase', `${p.tenantId}:${p.userId}`, config.limits.purchasesPerMinute, 60);
  const gateway = await gatewayForTenant(p.tenantId);
  const orderId = newId('ord');
  let created: GatewayOrder;
  try {
    created = await gateway.createOrder({
      orderId, amountPaise: q.amountPaise, currency: 'INR',
      notes: { orderId, tenantId: p.tenantId, user: p.sub.slice(0, 200), credits: String(q.quantity) },
    });
  } catch (err) {
    if (err instanceof GatewayError) {
      logger().warn({ gateway: err.gateway, status: err.httpStatus, code: err.code, description: err.description, field: err.field }, 'gateway refused the order');
      throw new AppError('provider_unavailable', 'The payment gateway could not create the order. Please try again later.', {
        gateway: err.gateway, ...(err.transient ? { retryAfter: 5 } : {}),
      });
    }
    throw err;
  }
  const { db } = services();
  return runIdempotent<PurchaseResponse>(db.tx, p, key, PURCHASE_ROUTE, normalized, async (t) => {
    await Order.create({
      id: orderId, tenantId: p.tenantId, userId: p.userId, gateway: gateway.name, gatewayOrderId: created.gatewayOrderId, amountPaise: q.amountPaise,
      currency: 'INR', credits: q.creditsMilli, packId: q.packId, quantity: q.quantity, priceBand: q.priceBand, status: 'created',
      paymentId: null, paidAt: null, failureReason: null,
    }, { transaction: t });
    await track(p.tenantId, p.userId, 'order_created', {
      orderId, gateway: gateway.name, priceBand: q.priceBand, amountPaise: q.amountPaise, credits: q.quantity, packId: q.packId,
      discountPercent: q.discountPercent,
    }, t);
    const res: PurchaseResponse = {
      orderId, gateway: gateway.name, amount: rupees(q.amountPaise), amountPaise: q.amountPaise, currency: 'INR', credits: q.quantity,
      packId: q.packId ?? undefined, quantity: q.quantity, discountPercent: q.discountPercent, priceBand: q.priceBand,
      keyId: created.keyId, gatewayOrderId: created.gatewayOrderId ?? undefined, checkout: created.checkout,
    };
    return { status: 201, body: res };
  }, { lookedUp: true });
}
