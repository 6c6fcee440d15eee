import type { LedgerEntry, Order } from '../models/index.js';
import { rupees } from '../util/money.js';
import type { CheckoutDescriptor } from '../payments/gateways/types.js';

export interface PackView { packId: string; credits: number; discountPercent: number; amount: number; amountPaise: number }
export interface PacksResponse {
  currency: 'INR';
  priceBand: string;
  /** Rupees per credit in the caller's band, before pack discounts. */
  pricePerCredit: number;
  pricePerCreditPaise: number;
  items: PackView[];
  minQuantity: number;
  maxQuantity: number;
}
export interface PurchaseResponse {
  orderId: string;
  /** The gateway that took the order (PAYMENTS_GATEWAY). */
  gateway: string;
  /** Rupees. */
  amount: number;
  amountPaise: number;
  currency: 'INR';
  credits: number;
  packId?: string;
  quantity: number;
  discountPercent: number;
  priceBand: string;
  /** The gateway's public key and order id, when it has them. */
  keyId?: string;
  gatewayOrderId?: string;
  /** Which checkout the browser opens for this order, described by the gateway (widgets name no gateway). */
  checkout: CheckoutDescriptor;
}
export interface VerifyResponse { orderId: string; creditsAdded: number; balance: number }
export interface SandboxPayResponse { orderId: string; paymentId: string; signature: string }
export interface OrderView {
  orderId: string;
  status: 'created' | 'paid' | 'failed';
  gateway: string;
  gatewayOrderId?: string;
  amount: number;
  amountPaise: number;
  currency: string;
  credits: number;
  packId?: string;
  quantity: number;
  priceBand?: string;
  paymentId?: string;
  paidAt?: string;
  failureReason?: string;
  createdAt: string;
}
export interface LedgerEntryView {
  id: string;
  reason: string;
  /** Signed credits. */
  delta: number;
  balanceAfter: number;
  refType: string;
  refId: string;
  note?: string;
  createdAt: string;
}

export const presentOrder = (o: Order): OrderView => ({
  orderId: o.id, status: o.status, gateway: o.gateway, gatewayOrderId: o.gatewayOrderId ?? undefined, amount: rupees(o.amountPaise),
  amountPaise: o.amountPaise, currency: o.currency, credits: o.credits / 1000, packId: o.packId ?? undefined, quantity: o.quantity,
  priceBand: o.priceBand ?? undefined, paymentId: o.paymentId ?? undefined, paidAt: o.paidAt?.toISOString(),
  failureReason: o.failureReason ?? undefined, createdAt: o.createdAt.toISOString(),
});

export const presentLedgerEntry = (e: LedgerEntry): LedgerEntryView => ({
  id: String(e.id), reason: e.reason, delta: e.delta / 1000, balanceAfter: e.balanceAfter / 1000, refType: e.refType, refId: e.refId,
  note: e.note ?? undefined, createdAt: e.createdAt.toISOString(),
});
