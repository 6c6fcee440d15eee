import { Op } from 'sequelize';
import { Order, User } from '../models/index.js';
import { services } from '../context.js';
import { AppError, invalid, notFound } from '../errors.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { findReplay, hashRequest, runIdempotent, validateKey } from '../operations/idempotency.js';
import { track } from '../analytics/track.js';
import { consume } from '../util/rate-limit.js';
import { newId } from '../util/ids.js';
import { logger } from '../logger.js';
import type { Principal } from '../auth/principal.js';
import { quote, rupees, bandOf, discounted } from './pricing.js';
import { activeGateway, gatewayFor, sandboxEnabled, GatewayError, SandboxGateway } from './gateways/index.js';
import { afterSettlement, retryOnDeadlock, settleInTx, type Settlement } from './settle.js';
import type { PacksResponse, PurchaseResponse, SandboxPayResponse, VerifyResponse } from '../presenters/wallet.js';

const PURCHASE_ROUTE = 'POST /api/credits/purchase';
const VERIFY_ROUTE = 'POST /api/credits/purchase/verify';

export async function listPacks(p: Principal): Promise<PacksResponse> {
  const config = await getTenantConfig(p.tenantId);
  const user = await User.findByPk(p.userId, { attributes: ['priceBand'] });
  const { band, paise } = bandOf(config, user?.priceBand);
  return {
    currency: 'INR', priceBand: band, pricePerCredit: rupees(paise), pricePerCreditPaise: paise,
    items: config.pricing.packs.map((pk) => {
      const amountPaise = discounted(pk.credits, paise, pk.discountPercent);
      return { packId: pk.id, credits: pk.credits, discountPercent: pk.discountPercent, amount: rupees(amountPaise), amountPaise };
    }),
    minQuantity: config.pricing.minQuantity, maxQuantity: config.pricing.maxQuantity,
  };
}

/** Creates an order priced on the server. The gateway order is made before the database transaction, never inside it. */
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
  const gateway = activeGateway();
  const orderId = newId('ord');
  let created;
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
      keyId: created.keyId, gatewayOrderId: created.gatewayOrderId ?? undefined,
    };
    return { status: 201, body: res };
  });
}

const idField = (name: string, v: unknown, max = 64) => {
  if (typeof v !== 'string' || !v || v.length > max || !/^[\w.:-]+$/.test(v)) throw invalid(name, `must be an id of 1 to ${max} letters, digits, _ . : -`);
  return v;
};

/** The caller's order by our id, or by the gateway's order id (what Razorpay Checkout hands back). */
async function ownOrder(p: Principal, id: string) {
  const order = await Order.findOne({ where: { tenantId: p.tenantId, userId: p.userId, [Op.or]: [{ id }, { gatewayOrderId: id }] } });
  if (!order) throw notFound('order');
  return order;
}

export async function verifyPurchase(p: Principal, body: { orderId?: unknown; paymentId?: unknown; signature?: unknown }, rawKey?: string) {
  const key = validateKey(rawKey);
  const orderId = idField('orderId', body?.orderId);
  const paymentId = idField('paymentId', body?.paymentId);
  if (typeof body.signature !== 'string' || body.signature.length > 256) throw invalid('signature', 'must be a string');
  const normalized = { orderId, paymentId, signature: body.signature };
  const order = await ownOrder(p, orderId);
  if (key) {
    const earlier = await findReplay<VerifyResponse>(p, key, VERIFY_ROUTE, hashRequest(VERIFY_ROUTE, normalized));
    if (earlier) return { ...earlier, replayed: true };
  }
  const gateway = gatewayFor(order.gateway);
  const signedId = order.gateway === 'razorpay' ? order.gatewayOrderId : order.id;
  if (!gateway || !signedId || !gateway.checkoutSignatureValid(signedId, paymentId, body.signature)) {
    throw new AppError('payment_verification_failed', 'The payment signature does not match this order; nothing was credited.');
  }
  const { db } = services();
  let settled: Settlement | undefined;
  const res = await retryOnDeadlock(() => runIdempotent<VerifyResponse>(db.tx, p, key, VERIFY_ROUTE, normalized, async (t) => {
    settled = await settleInTx(t, order.id, paymentId, 'verify');
    return { status: 200, body: { orderId: order.id, creditsAdded: order.credits / 1000, balance: settled.balanceMilli / 1000 } };
  }));
  if (settled && !res.replayed) await afterSettlement(settled);
  return res;
}

/** What a completed sandbox checkout returns. 404 when Razorpay is configured (the sandbox does not exist then). */
export async function sandboxPay(p: Principal, body: { orderId?: unknown }): Promise<SandboxPayResponse> {
  if (!sandboxEnabled()) throw new AppError('not_found', 'The sandbox gateway is disabled because Razorpay is configured.');
  const orderId = idField('orderId', body?.orderId);
  const order = await Order.findOne({ where: { id: orderId, tenantId: p.tenantId, userId: p.userId } });
  if (!order || order.gateway !== 'sandbox') throw notFound('order');
  if (order.status === 'paid') throw new AppError('conflict', 'This order is already paid.');
  const gw = activeGateway() as SandboxGateway;
  return { orderId: order.id, ...gw.pay(order.id) };
}
