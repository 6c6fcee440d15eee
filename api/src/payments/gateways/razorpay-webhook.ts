import type { GatewayWebhookEvent, HeaderReader } from './types.js';

/** The parts of a Razorpay webhook we read (https://razorpay.com/docs/webhooks/payloads/payments). */
export interface RazorpayEvent {
  entity: 'event';
  event: string;
  created_at?: number;
  payload?: {
    payment?: { entity?: { id?: string; amount?: number; currency?: string; status?: string; order_id?: string | null; error_description?: string | null } };
    order?: { entity?: { id?: string; amount?: number; amount_paid?: number; currency?: string; status?: string } };
    refund?: { entity?: { id?: string; amount?: number; currency?: string; payment_id?: string; status?: string } };
    dispute?: { entity?: { id?: string; amount?: number; currency?: string; payment_id?: string; status?: string; amount_deducted?: number } };
  };
}

const ID = /^[\w.:-]{1,100}$/;

export function isRazorpayEvent(v: unknown): v is RazorpayEvent {
  const e = v as RazorpayEvent;
  return !!e && typeof e === 'object' && e.entity === 'event' && typeof e.event === 'string' && e.event.length <= 64;
}

/**
 * Maps a Razorpay event to what it means for an order. The event id is X-Razorpay-Event-Id, else the event name and
 * entity id. payment.captured and order.paid (with the amount paid) settle the order; payment.failed records a
 * failed attempt (Razorpay lets the buyer retry the same order, so a later capture still settles it).
 */
export function mapRazorpayEvent(body: unknown, header: HeaderReader): GatewayWebhookEvent | undefined {
  if (!isRazorpayEvent(body)) return undefined;
  const payment = body.payload?.payment?.entity;
  const orderEntity = body.payload?.order?.entity;
  const gatewayOrderId = payment?.order_id ?? orderEntity?.id ?? null;
  const refund = body.payload?.refund?.entity;
  const dispute = body.payload?.dispute?.entity;
  // Refunds and disputes are named by their own id: two partial refunds of one payment are two events.
  const entityId = refund?.id ?? dispute?.id ?? payment?.id ?? orderEntity?.id ?? 'none';
  const headerId = header('x-razorpay-event-id');
  const eventId = headerId && ID.test(headerId) ? headerId : `${body.event}:${entityId}`.slice(0, 100);
  const base = { eventId, type: body.event, gatewayOrderId: typeof gatewayOrderId === 'string' ? gatewayOrderId : null };
  switch (body.event) {
    case 'payment.captured':
      if (!payment?.id || payment.status !== 'captured') return { ...base, effect: { kind: 'ignored' } };
      return { ...base, effect: { kind: 'paid', paymentId: payment.id, amountPaise: payment.amount, currency: payment.currency } };
    case 'order.paid':
      if (orderEntity?.status !== 'paid') return { ...base, effect: { kind: 'ignored' } };
      return { ...base, effect: {
        kind: 'paid', paymentId: payment?.id ?? `order:${gatewayOrderId}`, amountPaise: orderEntity.amount_paid ?? payment?.amount,
        currency: orderEntity.currency ?? payment?.currency,
      } };
    case 'refund.processed': {
      // https://razorpay.com/docs/webhooks/refunds: payload.refund.entity and payload.payment.entity.
      const paymentId = refund?.payment_id ?? payment?.id;
      if (!refund?.id || !paymentId || !Number.isSafeInteger(refund.amount) || refund.amount! <= 0) return { ...base, effect: { kind: 'ignored' } };
      return { ...base, effect: { kind: 'refund', paymentId, paymentAmountPaise: payment?.amount, currency: payment?.currency ?? refund.currency,
        refundId: refund.id, amountPaise: refund.amount! } };
    }
    case 'payment.dispute.created':
    case 'payment.dispute.won':
    case 'payment.dispute.lost': {
      // https://razorpay.com/docs/webhooks/disputes: payload.dispute.entity and payload.payment.entity.
      const paymentId = dispute?.payment_id ?? payment?.id;
      if (!dispute?.id || !paymentId || !Number.isSafeInteger(dispute.amount) || dispute.amount! <= 0) return { ...base, effect: { kind: 'ignored' } };
      const phase = body.event.slice('payment.dispute.'.length) as 'created' | 'won' | 'lost';
      return { ...base, effect: { kind: 'dispute', phase, paymentId, paymentAmountPaise: payment?.amount, currency: payment?.currency ?? dispute.currency,
        disputeId: dispute.id, amountPaise: dispute.amount! } };
    }
    case 'payment.failed':
      return { ...base, effect: { kind: 'failed', reason: payment?.error_description ?? 'payment failed' } };
    default:
      return { ...base, effect: { kind: 'ignored' } };
  }
}
