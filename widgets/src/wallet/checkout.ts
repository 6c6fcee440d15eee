import type { PurchaseResponse, VerifyPurchaseRequest } from '../../../sdk/src/types.js';

const RAZORPAY_SRC = 'https://checkout.razorpay.com/v1/checkout.js';
let loading: Promise<void> | undefined;

interface RazorpayResult { razorpay_payment_id: string; razorpay_order_id: string; razorpay_signature: string }
interface RazorpayInstance { open(): void; on(event: string, fn: (r: unknown) => void): void }
type RazorpayCtor = new (options: Record<string, unknown>) => RazorpayInstance;

/** Loads Razorpay's Checkout script once per page. */
function loadRazorpay(): Promise<void> {
  if ((window as unknown as { Razorpay?: RazorpayCtor }).Razorpay) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = RAZORPAY_SRC;
    s.async = true;
    s.onload = () => resolve();
    s.onerror = () => {
      loading = undefined;
      reject(Object.assign(new Error('Could not load Razorpay Checkout'), { code: 'network_error', status: 0 }));
    };
    document.head.appendChild(s);
  });
  return loading;
}

export class CheckoutCancelled extends Error {
  readonly code = 'checkout_cancelled';
}

/**
 * Opens Razorpay Checkout for an order and resolves with what `/credits/purchase/verify` needs, or rejects with
 * CheckoutCancelled when the buyer closes it.
 */
export async function razorpayCheckout(order: PurchaseResponse, opts: { name: string; description: string; color?: string; prefill?: Record<string, string> }): Promise<VerifyPurchaseRequest> {
  await loadRazorpay();
  const Razorpay = (window as unknown as { Razorpay: RazorpayCtor }).Razorpay;
  return new Promise((resolve, reject) => {
    const rzp = new Razorpay({
      key: order.keyId,
      order_id: order.gatewayOrderId,
      amount: order.amountPaise,
      currency: order.currency,
      name: opts.name,
      description: opts.description,
      prefill: opts.prefill,
      theme: opts.color ? { color: opts.color } : undefined,
      handler: (r: RazorpayResult) => resolve({ orderId: order.orderId, paymentId: r.razorpay_payment_id, signature: r.razorpay_signature }),
      modal: { ondismiss: () => reject(new CheckoutCancelled('cancelled')) },
    });
    // A failed attempt keeps Checkout open so the buyer can retry; only closing it ends the purchase.
    rzp.open();
  });
}
