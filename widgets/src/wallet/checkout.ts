import type { CheckoutDescriptor, PurchaseResponse, VerifyPurchaseRequest } from '../../../sdk/src/types.js';

/**
 * Opens whatever checkout the API described for an order (`purchase.checkout`), so the widget names no gateway:
 * a `script` checkout is a hosted script exposing a constructor; the API says where the widget's callbacks and
 * display fields go in its options and which fields of its success result carry the payment id and signature.
 */
type ScriptCheckout = NonNullable<CheckoutDescriptor['script']>;
interface CheckoutInstance { open(): void }
type CheckoutCtor = new (options: Record<string, unknown>) => CheckoutInstance;

const loading = new Map<string, Promise<void>>();

/** Loads a checkout script once per page. */
function loadScript(src: string, global: string): Promise<void> {
  if ((window as unknown as Record<string, unknown>)[global]) return Promise.resolve();
  let p = loading.get(src);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.async = true;
      s.onload = () => resolve();
      s.onerror = () => {
        loading.delete(src);
        reject(Object.assign(new Error('Could not load the payment checkout'), { code: 'network_error', status: 0 }));
      };
      document.head.appendChild(s);
    });
    loading.set(src, p);
  }
  return p;
}

/** Sets `value` at a dot path (`modal.ondismiss`) of `target`, creating the objects on the way. */
function setPath(target: Record<string, unknown>, dotPath: string, value: unknown): void {
  const keys = dotPath.split('.');
  let at = target;
  for (const k of keys.slice(0, -1)) {
    if (typeof at[k] !== 'object' || at[k] === null) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]!] = value;
}

export class CheckoutCancelled extends Error {
  readonly code = 'checkout_cancelled';
}

/**
 * Opens a script checkout for an order and resolves with what `/credits/purchase/verify` needs, or rejects with
 * CheckoutCancelled when the buyer closes it.
 */
export async function openScriptCheckout(
  order: PurchaseResponse, script: ScriptCheckout, display: { name: string; description: string; color?: string; prefill?: Record<string, string> },
): Promise<VerifyPurchaseRequest> {
  await loadScript(script.src, script.global);
  const Ctor = (window as unknown as Record<string, CheckoutCtor>)[script.global]!;
  return new Promise((resolve, reject) => {
    const options: Record<string, unknown> = { ...script.options };
    const b = script.bindings;
    if (b.name) setPath(options, b.name, display.name);
    if (b.description) setPath(options, b.description, display.description);
    if (b.color && display.color) setPath(options, b.color, display.color);
    if (b.prefill && display.prefill) setPath(options, b.prefill, display.prefill);
    setPath(options, b.onSuccess, (r: Record<string, unknown>) => resolve({
      orderId: order.orderId, paymentId: String(r[script.result.paymentId] ?? ''), signature: String(r[script.result.signature] ?? ''),
    }));
    setPath(options, b.onDismiss, () => reject(new CheckoutCancelled('cancelled')));
    // A failed attempt keeps the checkout open so the buyer can retry; only closing it ends the purchase.
    new Ctor(options).open();
  });
}
