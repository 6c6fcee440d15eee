import crypto from 'node:crypto';
import { checkoutPayload, hmacHex, signatureMatches } from './signature.js';
import type { GatewayOrder, GatewayOrderRequest, PaymentGateway } from './types.js';

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

  /** The sandbox signs our own order id. Sandbox payments exist only as signed checkout results: no reconciler, no webhooks. */
  verifyCheckout(order: { id: string }, paymentId: string, signature: unknown): boolean {
    return this.checkoutSignatureValid(order.id, paymentId, signature);
  }
}
