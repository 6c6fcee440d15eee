import { checkoutPayload, hmacHex, signatureMatches } from './signature.js';
import { GatewayError, type GatewayRefund, type GatewayRefundRequest, type CheckoutDescriptor, type GatewayOrder, type GatewayOrderRequest, type GatewayPayment, type PaymentGateway } from './types.js';
import { mapRazorpayEvent } from './razorpay-webhook.js';

export interface RazorpaySettings { keyId: string; keySecret: string; webhookSecret: string; baseUrl: string; timeoutMs?: number }

interface RazorpayErrorBody { error?: { code?: string; description?: string; field?: string | null; reason?: string } }
interface RazorpayOrderBody { id: string; entity: 'order'; amount: number; currency: string; receipt: string; status: string }
interface RazorpayPaymentBody { id: string; entity: 'payment'; amount: number; currency: string; status: string; order_id: string | null;
  error_code?: string | null; error_description?: string | null }

/**
 * Razorpay through its REST API with global fetch (no SDK): Orders API with basic auth key_id:key_secret,
 * checkout signature = hex HMAC-SHA256(`order_id|payment_id`, key_secret), webhook signature =
 * hex HMAC-SHA256(raw body, webhook secret) in X-Razorpay-Signature. Errors come back as
 * `{ error: { code, description, field, source, step, reason, metadata } }` with a 4xx/5xx status.
 */
export class RazorpayGateway implements PaymentGateway {
  readonly name = 'razorpay' as const;
  constructor(private readonly s: RazorpaySettings) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    const auth = Buffer.from(`${this.s.keyId}:${this.s.keySecret}`).toString('base64');
    let res: Response;
    try {
      res = await fetch(`${this.s.baseUrl.replace(/\/$/, '')}${path}`, {
        method,
        headers: { authorization: `Basic ${auth}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...extraHeaders },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.s.timeoutMs ?? 10000),
      });
    } catch (err) {
      const name = (err as Error).name;
      throw new GatewayError('razorpay', null, name === 'TimeoutError' ? 'TIMEOUT' : 'NETWORK_ERROR', (err as Error).message);
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!res.ok) {
      const e = (parsed as RazorpayErrorBody | undefined)?.error;
      throw new GatewayError('razorpay', res.status, e?.code ?? `HTTP_${res.status}`, e?.description ?? (text.slice(0, 200) || res.statusText), e?.field ?? null);
    }
    if (parsed === undefined) throw new GatewayError('razorpay', res.status, 'BAD_RESPONSE', 'The gateway answered with a body that is not JSON.');
    return parsed as T;
  }

  async createOrder(req: GatewayOrderRequest): Promise<GatewayOrder> {
    if (req.orderId.length > 40) throw new Error('receipt must be at most 40 characters');
    const order = await this.call<RazorpayOrderBody>('POST', '/v1/orders', {
      amount: req.amountPaise, currency: req.currency, receipt: req.orderId, notes: req.notes,
    });
    if (typeof order?.id !== 'string' || !order.id) throw new GatewayError('razorpay', 200, 'BAD_RESPONSE', 'The order has no id.');
    if (order.amount !== req.amountPaise || order.currency !== req.currency) {
      throw new GatewayError('razorpay', 200, 'BAD_RESPONSE', `The order came back with ${order.amount} ${order.currency}.`);
    }
    return { gatewayOrderId: order.id, keyId: this.s.keyId, checkout: this.checkout(order.id, req) };
  }

  /** Razorpay Checkout (https://razorpay.com/docs/payments/payment-gateway/web-integration/standard/), described for the widget. */
  private checkout(gatewayOrderId: string, req: GatewayOrderRequest): CheckoutDescriptor {
    return {
      type: 'script',
      script: {
        src: 'https://checkout.razorpay.com/v1/checkout.js',
        global: 'Razorpay',
        options: { key: this.s.keyId, order_id: gatewayOrderId, amount: req.amountPaise, currency: req.currency },
        bindings: { onSuccess: 'handler', onDismiss: 'modal.ondismiss', name: 'name', description: 'description', color: 'theme.color', prefill: 'prefill' },
        result: { paymentId: 'razorpay_payment_id', signature: 'razorpay_signature' },
      },
    };
  }

  /** Checkout signs `<razorpay order id>|<payment id>`. */
  verifyCheckout(order: { id: string; gatewayOrderId: string | null }, paymentId: string, signature: unknown): boolean {
    return !!order.gatewayOrderId && this.checkoutSignatureValid(order.gatewayOrderId, paymentId, signature);
  }

  readonly webhook = {
    verify: (rawBody: Buffer, header: (name: string) => string | undefined) => this.webhookSignatureValid(rawBody, header('x-razorpay-signature')),
    map: mapRazorpayEvent,
  };

  checkoutSignatureValid(gatewayOrderId: string, paymentId: string, signature: unknown): boolean {
    return signatureMatches(hmacHex(this.s.keySecret, checkoutPayload(gatewayOrderId, paymentId)), signature);
  }

  webhookSignatureValid(rawBody: Buffer, signature: unknown): boolean {
    return signatureMatches(hmacHex(this.s.webhookSecret, rawBody), signature);
  }

  /**
   * Normal refund (https://razorpay.com/docs/api/refunds/create-normal): POST /v1/payments/{id}/refund {amount, notes} answers the
   * refund entity `{id: 'rfnd_…', entity: 'refund', amount, currency, payment_id, status: 'pending' | 'processed' | 'failed', …}`;
   * X-Refund-Idempotency makes a retried call refund once.
   */
  async refund(req: GatewayRefundRequest): Promise<GatewayRefund> {
    const r = await this.call<{ id?: string; entity?: string; amount?: number; currency?: string; payment_id?: string; status?: string }>('POST',
      `/v1/payments/${encodeURIComponent(req.paymentId)}/refund`, { amount: req.amountPaise, notes: req.notes }, { 'x-refund-idempotency': req.idempotencyKey });
    if (typeof r?.id !== 'string' || !r.id || r.amount !== req.amountPaise) {
      throw new GatewayError('razorpay', 200, 'BAD_RESPONSE', `The refund came back as ${JSON.stringify({ id: r?.id, amount: r?.amount })}.`);
    }
    if (r.status === 'failed') throw new GatewayError('razorpay', 200, 'REFUND_FAILED', 'The gateway reports the refund as failed.');
    return { id: r.id, amountPaise: r.amount, currency: r.currency ?? 'INR', paymentId: r.payment_id ?? req.paymentId, status: r.status ?? 'pending' };
  }

  async fetchOrderPayments(gatewayOrderId: string): Promise<GatewayPayment[]> {
    const list = await this.call<{ entity: string; count: number; items: RazorpayPaymentBody[] }>('GET', `/v1/orders/${encodeURIComponent(gatewayOrderId)}/payments`);
    if (!Array.isArray(list?.items)) throw new GatewayError('razorpay', 200, 'BAD_RESPONSE', 'The payment list has no items.');
    return list.items.map(toPayment);
  }
}

export function toPayment(p: RazorpayPaymentBody): GatewayPayment {
  return {
    id: p.id, status: p.status, amountPaise: p.amount, currency: p.currency, gatewayOrderId: p.order_id ?? null,
    errorCode: p.error_code ?? null, errorDescription: p.error_description ?? null,
  };
}
export type { RazorpayPaymentBody };
