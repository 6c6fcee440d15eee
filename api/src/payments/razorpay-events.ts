import { Order, PaymentEvent } from '../models/index.js';
import { services } from '../context.js';
import { logger } from '../logger.js';
import { afterSettlement, markFailedInTx, settleInTx, type Settlement } from './settle.js';
import { retryOnDeadlock, isUniqueViolation } from '../db.js';

/** The parts of a Razorpay webhook we read (https://razorpay.com/docs/webhooks/payloads/payments). */
export interface RazorpayEvent {
  entity: 'event';
  event: string;
  created_at?: number;
  payload?: {
    payment?: { entity?: { id?: string; amount?: number; currency?: string; status?: string; order_id?: string | null; error_description?: string | null } };
    order?: { entity?: { id?: string; amount?: number; amount_paid?: number; currency?: string; status?: string } };
  };
}

export type EventOutcome = 'credited' | 'already_paid' | 'failed_recorded' | 'duplicate' | 'ignored' | 'mismatch' | 'unknown_order';

const ID = /^[\w.:-]{1,100}$/;

export function isRazorpayEvent(v: unknown): v is RazorpayEvent {
  const e = v as RazorpayEvent;
  return !!e && typeof e === 'object' && e.entity === 'event' && typeof e.event === 'string' && e.event.length <= 64;
}

/**
 * Handles one signed webhook. The event id (X-Razorpay-Event-Id, else the event name and entity id)
 * goes into payment_events in the same transaction as its effect, so a redelivered event changes
 * nothing; settling itself is idempotent too, so captured / order.paid / verify / reconciler can
 * arrive in any order and the order is credited once.
 */
export async function handleRazorpayEvent(evt: RazorpayEvent, headerEventId: string | undefined, rawBody: Buffer): Promise<EventOutcome> {
  const payment = evt.payload?.payment?.entity;
  const orderEntity = evt.payload?.order?.entity;
  const gatewayOrderId = payment?.order_id ?? orderEntity?.id ?? null;
  const entityId = payment?.id ?? orderEntity?.id ?? 'none';
  const eventId = headerEventId && ID.test(headerEventId) ? headerEventId : `${evt.event}:${entityId}`.slice(0, 100);
  const order = gatewayOrderId && typeof gatewayOrderId === 'string'
    ? await Order.findOne({ where: { gateway: 'razorpay', gatewayOrderId } })
    : null;
  const { db } = services();
  let settled: Settlement | undefined;
  let outcome: EventOutcome;
  try {
    outcome = await retryOnDeadlock(() => db.tx(async (t) => {
      settled = undefined;
      await PaymentEvent.create({
        id: eventId, tenantId: order?.tenantId ?? 'unknown', gateway: 'razorpay', type: evt.event, orderId: order?.id ?? null,
        payload: rawBody.toString('utf8').slice(0, 60000), receivedAt: new Date(),
      }, { transaction: t });
      if (!order) return 'unknown_order' as const;
      switch (evt.event) {
        case 'payment.captured': {
          if (!payment?.id || payment.status !== 'captured') return 'ignored' as const;
          if (payment.amount !== order.amountPaise || payment.currency !== order.currency) return 'mismatch' as const;
          settled = await settleInTx(t, order.id, payment.id, 'webhook');
          return settled.credited ? 'credited' as const : 'already_paid' as const;
        }
        case 'order.paid': {
          if (orderEntity?.status !== 'paid') return 'ignored' as const;
          const paid = orderEntity.amount_paid ?? payment?.amount;
          if (paid !== order.amountPaise || (orderEntity.currency ?? payment?.currency) !== order.currency) return 'mismatch' as const;
          settled = await settleInTx(t, order.id, payment?.id ?? `order:${gatewayOrderId}`, 'webhook');
          return settled.credited ? 'credited' as const : 'already_paid' as const;
        }
        case 'payment.failed':
          return (await markFailedInTx(t, order.id, payment?.error_description ?? 'payment failed')) ? 'failed_recorded' as const : 'already_paid' as const;
        default:
          return 'ignored' as const;
      }
    }));
  } catch (err) {
    if (isUniqueViolation(err)) return 'duplicate';
    throw err;
  }
  if (outcome === 'mismatch' || outcome === 'unknown_order') logger().warn({ eventId, event: evt.event, gatewayOrderId, outcome }, 'razorpay webhook not applied');
  if (settled) await afterSettlement(settled);
  return outcome;
}
