import { services } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { findReplay, hashRequest, runIdempotent, validateKey } from '../../util/idempotency.js';
import type { Principal } from '../../auth/principal.js';
import { gatewayForOrder } from '../../payments/gateways/accounts.js';
import { afterSettlement, settleInTx, type Settlement } from '../../payments/settle.js';
import { retryOnDeadlock } from '../../db.js';
import type { VerifyResponse } from '../../presenters/wallet.js';
import { idField, ownOrder } from './own-order.js';

const VERIFY_ROUTE = 'POST /api/credits/purchase/verify';

/** Verifies a checkout result with the order's gateway and credits the order exactly once (a repeat answers the same). */
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
  const gateway = await gatewayForOrder(order);
  if (!gateway || !gateway.verifyCheckout({ id: order.id, gatewayOrderId: order.gatewayOrderId }, paymentId, body.signature)) {
    throw new AppError('payment_verification_failed', 'The payment signature does not match this order; nothing was credited.');
  }
  const { db } = services();
  let settled: Settlement | undefined;
  const res = await retryOnDeadlock(() => runIdempotent<VerifyResponse>(db.tx, p, key, VERIFY_ROUTE, normalized, async (t) => {
    settled = await settleInTx(t, order.id, paymentId, 'verify');
    return { status: 200, body: { orderId: order.id, creditsAdded: order.credits / 1000, balance: settled.balanceMilli / 1000 } };
  }, { lookedUp: true }));
  if (settled && !res.replayed) await afterSettlement(settled);
  return res;
}
