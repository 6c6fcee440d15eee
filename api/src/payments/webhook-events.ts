import { Op } from 'sequelize';
import { Order, PaymentEvent } from '../models/index.js';
import { services } from '../context.js';
import { logger } from '../logger.js';
import type { GatewayWebhookEvent, PaymentGateway } from './gateways/index.js';
import { afterSettlement, markFailedInTx, settleInTx, type Settlement } from './settle.js';
import { applyDisputeInTx, applyRefundInTx } from './adjustments.js';
import { retryOnDeadlock } from '../db.js';

export type EventOutcome = 'credited' | 'already_paid' | 'failed_recorded' | 'duplicate' | 'ignored' | 'mismatch' | 'unknown_order'
  | 'refunded' | 'held' | 'released' | 'hold_final';

/** Which orders a webhook endpoint may touch: a partner's own endpoint only that partner's orders (payments/accounts.ts). */
export type OrderScope = (order: Order) => boolean | Promise<boolean>;

/**
 * The order an event is about: the gateway's order id, else (sandbox) our own id, else the payment id we stored when it settled.
 */
async function findOrder(gateway: PaymentGateway, evt: GatewayWebhookEvent): Promise<Order | null> {
  const e = evt.effect;
  const paymentId = e.kind === 'paid' || e.kind === 'refund' || e.kind === 'dispute' ? e.paymentId : undefined;
  const or: Record<string, unknown>[] = [];
  if (evt.gatewayOrderId) or.push({ gatewayOrderId: evt.gatewayOrderId });
  if (evt.gatewayOrderId && gateway.name === 'sandbox') or.push({ id: evt.gatewayOrderId, gatewayOrderId: null });
  if (paymentId && paymentId.length <= 64) or.push({ paymentId });
  if (!or.length) return null;
  return Order.findOne({ where: { gateway: gateway.name, [Op.or]: or } });
}

/**
 * Applies one verified webhook event, whatever the gateway (it mapped the event already). The event id goes into
 * payment_events in the same transaction as its effect, so a redelivered event changes nothing; settling itself is
 * idempotent too, so webhooks, the checkout's verify and the reconciler can arrive in any order and the order is
 * credited once. A refund or dispute of a payment whose capture we have not heard of yet settles the order first (the
 * gateway only refunds or disputes captured payments), then claws back (payments/adjustments.ts), in one transaction.
 * Events about payments we do not know are recorded, logged and acknowledged.
 */
export async function applyGatewayEvent(gateway: PaymentGateway, evt: GatewayWebhookEvent, rawBody: Buffer, scope?: OrderScope): Promise<EventOutcome> {
  let order = await findOrder(gateway, evt);
  if (order && scope && !(await scope(order))) order = null;
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
        case 'refund':
        case 'dispute': {
          if ((e.paymentAmountPaise !== undefined && e.paymentAmountPaise !== order.amountPaise) || (e.currency !== undefined && e.currency !== order.currency)) {
            return 'mismatch' as const;
          }
          const s = await settleInTx(t, order.id, e.paymentId, 'webhook');
          if (s.credited) settled = s;
          const common = { gateway: gateway.name, paymentId: e.paymentId, amountPaise: e.amountPaise, source: 'webhook' as const };
          const r = e.kind === 'refund'
            ? await applyRefundInTx(t, order.id, { ...common, externalId: e.refundId })
            : await applyDisputeInTx(t, order.id, e.phase, { ...common, externalId: e.disputeId });
          return r.outcome;
        }
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
  } else if (outcome !== 'duplicate' && outcome !== 'ignored' && evt.effect.kind !== 'paid' && evt.effect.kind !== 'failed') {
    logger().info({ gateway: gateway.name, eventId: evt.eventId, event: evt.type, orderId: order?.id, outcome }, 'payment adjusted');
  }
  if (settled) await afterSettlement(settled);
  return outcome;
}
