import crypto from 'node:crypto';
import { checkoutPayload, hmacHex, signatureMatches } from './signature.js';
import type { GatewayOrder, GatewayOrderRequest, GatewayRefund, GatewayRefundRequest, HeaderReader, PaymentGateway } from './types.js';
import { mapRazorpayEvent } from './razorpay-webhook.js';

/**
 * The embedded default: the same order -> checkout -> signed verify flow, offline. The "checkout" is
 * POST /api/credits/sandbox/pay, which signs `orderId|paymentId` with PAYMENTS_SANDBOX_SECRET exactly
 * as Razorpay signs its checkout result with the key secret.
 */
export class SandboxGateway implements PaymentGateway {
  readonly name = 'sandbox' as const;
  constructor(private readonly secret: string) {}

  async createOrder(_req: GatewayOrderRequest): Promise<GatewayOrder> {
    return { gatewayOrderId: null, checkout: { type: 'sandbox' } };
  }

  /** What a completed sandbox checkout returns. */
  simulatePayment(orderId: string): { paymentId: string; signature: string } {
    const paymentId = `pay_sbx_${crypto.randomBytes(9).toString('base64url')}`;
    return { paymentId, signature: hmacHex(this.secret, checkoutPayload(orderId, paymentId)) };
  }

  checkoutSignatureValid(orderId: string, paymentId: string, signature: unknown): boolean {
    return signatureMatches(hmacHex(this.secret, checkoutPayload(orderId, paymentId)), signature);
  }

  /** Refunds at once and deterministically per idempotency key, so a retried admin refund names the same refund. */
  async refund(req: GatewayRefundRequest): Promise<GatewayRefund> {
    const id = `rfnd_sbx_${hmacHex(this.secret, `refund|${req.idempotencyKey}`).slice(0, 16)}`;
    return { id, amountPaise: req.amountPaise, currency: 'INR', paymentId: req.paymentId, status: 'processed' };
  }

  /**
   * Refund and dispute events in Razorpay's shapes, signed with PAYMENTS_SANDBOX_SECRET (hex HMAC-SHA256 of the raw body in
   * X-Sandbox-Signature), so tests and an offline install can exercise refunds and disputes. Only the active gateway answers.
   */
  readonly webhook = {
    verify: (rawBody: Buffer, header: HeaderReader) => signatureMatches(hmacHex(this.secret, rawBody), header('x-sandbox-signature')),
    map: mapRazorpayEvent,
  };

  /** The sandbox signs our own order id. Sandbox payments exist only as signed checkout results: no reconciler. */
  verifyCheckout(order: { id: string }, paymentId: string, signature: unknown): boolean {
    return this.checkoutSignatureValid(order.id, paymentId, signature);
  }
}
