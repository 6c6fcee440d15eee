/**
 * One adapter per payment gateway. The flow is Razorpay's: the server creates an order at the gateway,
 * the browser checkout returns (gateway order id, payment id, signature), the server verifies the
 * signature; webhooks and a reconciler catch payments whose browser never came back.
 */
export type GatewayName = 'sandbox' | 'razorpay';

export interface GatewayOrderRequest {
  /** Our order id; also the gateway receipt (unique, at most 40 characters). */
  orderId: string;
  amountPaise: number;
  currency: 'INR';
  notes: Record<string, string>;
}

export interface GatewayOrder {
  /** The gateway's own order id (Razorpay order_...); null when the gateway uses ours (sandbox). */
  gatewayOrderId: string | null;
  /** Public key the browser checkout needs (Razorpay key_id). */
  keyId?: string;
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

export interface PaymentGateway {
  readonly name: GatewayName;
  createOrder(req: GatewayOrderRequest): Promise<GatewayOrder>;
  /** Checks the checkout signature over `<signedOrderId>|<paymentId>` (the gateway's order id, or ours for the sandbox). */
  checkoutSignatureValid(signedOrderId: string, paymentId: string, signature: unknown): boolean;
  /** Payments made against an order, for the reconciler. */
  fetchOrderPayments(gatewayOrderId: string): Promise<GatewayPayment[]>;
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
