/**
 * Razorpay's refund and dispute webhook payloads as documented (https://razorpay.com/docs/webhooks/refunds,
 * https://razorpay.com/docs/webhooks/disputes): the refund or dispute entity next to the payment entity.
 */
export const refundEvent = (paymentId: string, orderId: string, paidPaise: number, refundId: string, amount: number) => ({
  entity: 'event', account_id: 'acc_Test00000001', event: 'refund.processed', contains: ['refund', 'payment'], created_at: 1700000000,
  payload: {
    refund: { entity: { id: refundId, entity: 'refund', amount, currency: 'INR', payment_id: paymentId, notes: {}, receipt: null, acquirer_data: { arn: null },
      created_at: 1700000000, batch_id: null, status: 'processed', speed_processed: 'normal', speed_requested: 'normal' } },
    payment: { entity: { id: paymentId, entity: 'payment', amount: paidPaise, currency: 'INR', status: 'refunded', order_id: orderId, captured: true,
      amount_refunded: amount, refund_status: amount === paidPaise ? 'full' : 'partial', method: 'upi', created_at: 1700000000 } },
  },
});
export const disputeEvent = (phase: 'created' | 'won' | 'lost', paymentId: string, orderId: string, paidPaise: number, disputeId: string, amount: number) => ({
  entity: 'event', account_id: 'acc_Test00000001', event: `payment.dispute.${phase}`, contains: ['payment', 'dispute'], created_at: 1700000000,
  payload: {
    payment: { entity: { id: paymentId, entity: 'payment', amount: paidPaise, currency: 'INR', status: 'captured', order_id: orderId, captured: true,
      amount_refunded: 0, method: 'card', created_at: 1700000000 } },
    dispute: { entity: { id: disputeId, entity: 'dispute', payment_id: paymentId, amount, currency: 'INR', amount_deducted: phase === 'lost' ? amount : 0,
      reason_code: 'chargeback', respond_by: 1700600000, status: phase === 'created' ? 'open' : phase, phase: 'chargeback', created_at: 1700000000 } },
  },
});
