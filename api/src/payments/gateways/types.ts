/**
 * One adapter per payment gateway, and the only place a gateway is named. The flow: the server creates an order at
 * the gateway, the browser opens the checkout the order describes (`CheckoutDescriptor`), the checkout's result
 * (payment id, signature) is verified by the gateway's own check; webhooks, mapped by the gateway to neutral events,
 * and a reconciler catch payments whose browser never came back. payments/ settles them all the same way.
 */
export type GatewayName = 'sandbox' | 'razorpay';

export interface GatewayOrderRequest {
  /** Our order id; also the gateway receipt (unique, at most 40 characters). */
  orderId: string;
  amountPaise: number;
  currency: 'INR';
  notes: Record<string, string>;
}

/**
 * What the browser opens to pay an order, decided by the API so a widget never names a gateway:
 * - `sandbox`: the built-in test checkout; its "payment" is `POST /api/credits/sandbox/pay`;
 * - `script`: load `src` once, call `new window[global](options)` with the widget's callbacks and display fields
 *   placed at the dot paths in `bindings`, then `open()`; the success callback's argument carries the payment id
 *   and signature under the names in `result`, which go to `POST /api/credits/purchase/verify`.
 */
export interface CheckoutDescriptor {
  type: 'sandbox' | 'script';
  script?: {
    src: string;
    global: string;
    options: Record<string, string | number>;
    bindings: { onSuccess: string; onDismiss: string; name?: string; description?: string; color?: string; prefill?: string };
    result: { paymentId: string; signature: string };
  };
}

export interface GatewayOrder {
  /** The gateway's own order id; null when the gateway uses ours (sandbox). */
  gatewayOrderId: string | null;
  /** Public key the browser checkout needs, when the gateway has one. */
  keyId?: string;
  checkout: CheckoutDescriptor;
}

export interface GatewayPayment {
  id: string;
  /** created | authorized | captured | refunded | failed */
  status: string;
  amountPaise: number;
  currency: string;
  gatewayOrderId: string | null;
  errorCode?: string | null;
  errorDescription?: string | null;
}

export interface GatewayRefundRequest { paymentId: string; amountPaise: number; notes: Record<string, string>; idempotencyKey: string }
export interface GatewayRefund { id: string; amountPaise: number; currency: string; paymentId: string; status: string }

/** A webhook delivery, mapped by its gateway to what it means for one of our orders. */
export interface GatewayWebhookEvent {
  /** Unique per delivery of the same event (dedupes redeliveries). */
  eventId: string;
  /** The gateway's own event type, stored as received. */
  type: string;
  gatewayOrderId: string | null;
  effect:
    | { kind: 'paid'; paymentId: string; amountPaise: number | undefined; currency: string | undefined }
    | { kind: 'failed'; reason: string }
    /** A refund of a captured payment (the payment's amount proves what it paid; a refund implies the capture). */
    | { kind: 'refund'; paymentId: string; paymentAmountPaise: number | undefined; currency: string | undefined; refundId: string; amountPaise: number }
    /** A dispute of a captured payment: created holds the credits it covers, won releases them, lost makes the hold final. */
    | { kind: 'dispute'; phase: 'created' | 'won' | 'lost'; paymentId: string; paymentAmountPaise: number | undefined; currency: string | undefined;
        disputeId: string; amountPaise: number }
    | { kind: 'ignored' };
}

export type HeaderReader = (name: string) => string | undefined;

export interface PaymentGateway {
  readonly name: GatewayName;
  createOrder(req: GatewayOrderRequest): Promise<GatewayOrder>;
  /** Checks the signature of a checkout result for one of our orders. */
  verifyCheckout(order: { id: string; gatewayOrderId: string | null }, paymentId: string, signature: unknown): boolean;
  /** Payments made against an order, for the reconciler; absent when the gateway has no API to ask. */
  fetchOrderPayments?(gatewayOrderId: string): Promise<GatewayPayment[]>;
  /** Webhooks at /api/webhooks/<name>; absent when the gateway sends none. */
  webhook?: {
    /** Authenticates the exact bytes received. */
    verify(rawBody: Buffer, header: HeaderReader): boolean;
    /** Maps a verified body to an event; undefined when it is not one of this gateway's events. */
    map(body: unknown, header: HeaderReader): GatewayWebhookEvent | undefined;
  };
  /**
   * Refunds `amountPaise` of a captured payment at the gateway (Razorpay POST /v1/payments/{id}/refund). The idempotency key makes a
   * retried call refund once.
   */
  refund?(req: GatewayRefundRequest): Promise<GatewayRefund>;
  /** A test gateway's own checkout: what a completed payment of the order returns. */
  simulatePayment?(orderId: string): { paymentId: string; signature: string };
}

/** A gateway call that failed: an HTTP error with the gateway's error body, a timeout or a network error. */
export class GatewayError extends Error {
  constructor(
    readonly gateway: GatewayName,
    readonly httpStatus: number | null,
    readonly code: string,
    readonly description: string,
    readonly field?: string | null,
  ) {
    super(`${gateway}: ${httpStatus ?? 'network'} ${code}: ${description}`);
  }
  /** 5xx, 429, timeouts and network errors may succeed later; 4xx is our request or credentials. */
  get transient() { return this.httpStatus === null || this.httpStatus >= 500 || this.httpStatus === 429; }
}
