import { Order, PaymentEvent } from '../models/index.js';
import { services } from '../context.js';
import { logger } from '../logger.js';
import type { GatewayWebhookEvent, PaymentGateway } from './gateways/index.js';
import { afterSettlement, markFailedInTx, settleInTx, type Settlement } from './settle.js';
import { retryOnDeadlock } from '../db.js';

export type EventOutcome = 'credited' | 'already_paid' | 'failed_recorded' | 'duplicate' | 'ignored' | 'mismatch' | 'unknown_order';

/**
 * Applies one verified webhook event, whatever the gateway (it mapped the event already). The event id goes into
 * payment_events in the same transaction as its effect, so a redelivered event changes nothing; settling itself is
 * idempotent too, so webhooks, the checkout's verify and the reconciler can arrive in any order and the order is
 * credited once.
 */
export async function applyGatewayEvent(gateway: PaymentGateway, evt: GatewayWebhookEvent, rawBody: Buffer): Promise<EventOutcome> {
  const order = evt.gatewayOrderId ? await Order.findOne({ where: { gateway: gateway.name, gatewayOrderId: evt.gatewayOrderId } }) : null;
  const { db } = services();
  let settled: Settlement | undefined;
  let outcome: EventOutcome;
  try {
    outcome = await retryOnDeadlock(() => db.tx(async (t) => {
      settled = undefined;
      await PaymentEvent.create({
        id: evt.eventId, tenantId: order?.tenantId ?? 'unknown', gateway: gateway.name, type: evt.type.slice(0, 64), orderId: order?.id ?? null,
        payload: rawBody.toString('utf8').slice(0, 60000), receivedAt: new Date(),
      }, { transaction: t });
      if (!order) return 'unknown_order' as const;
      const e = evt.effect;
      switch (e.kind) {
        case 'paid':
          if (e.amountPaise !== order.amountPaise || e.currency !== order.currency) return 'mismatch' as const;
          settled = await settleInTx(t, order.id, e.paymentId, 'webhook');
          return settled.credited ? 'credited' as const : 'already_paid' as const;
        case 'failed':
          return (await markFailedInTx(t, order.id, e.reason)) ? 'failed_recorded' as const : 'already_paid' as const;
        default:
          return 'ignored' as const;
      }
    }));
  } catch (err) {
    if ((err as { name?: string }).name === 'SequelizeUniqueConstraintError') return 'duplicate';
    throw err;
  }
  if (outcome === 'mismatch' || outcome === 'unknown_order') {
    logger().warn({ gateway: gateway.name, eventId: evt.eventId, event: evt.type, gatewayOrderId: evt.gatewayOrderId, outcome }, 'payment webhook not applied');
  }
  if (settled) await afterSettlement(settled);
  return outcome;
}
