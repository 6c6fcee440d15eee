import { expect } from 'chai';
import { CheckoutCancelled, openScriptCheckout } from '../src/wallet/checkout.js';
import type { CheckoutDescriptor, PurchaseResponse } from '../../sdk/src/types.js';

/** The wallet opens whatever script checkout the API describes; nothing in it names a gateway. */
describe('widgets: script checkout from the API descriptor', () => {
  const script: NonNullable<CheckoutDescriptor['script']> = {
    src: 'https://pay.example/checkout.js', global: 'FakePay', options: { key: 'pk_1', order_ref: 'o_9', amount: 19000 },
    bindings: { onSuccess: 'callbacks.done', onDismiss: 'modal.onclose', name: 'merchant', description: 'desc', color: 'theme.color' },
    result: { paymentId: 'pay_id', signature: 'sig' },
  };
  const order = { orderId: 'ord_1', gateway: 'fakepay', amount: 190, amountPaise: 19000, currency: 'INR', credits: 10, checkout: { type: 'script', script } } as PurchaseResponse;
  let seen: Record<string, any> | undefined;
  let outcome: 'pay' | 'close' = 'pay';
  before(() => {
    (globalThis as any).window = {
      FakePay: class {
        constructor(private opts: Record<string, any>) { seen = opts; }
        open() {
          if (outcome === 'pay') this.opts.callbacks.done({ pay_id: 'pay_77', sig: 'ab'.repeat(32) });
          else this.opts.modal.onclose();
        }
      },
    };
  });
  after(() => { delete (globalThis as any).window; });

  it('passes the options and display fields where the descriptor says, and resolves with the verify body', async () => {
    outcome = 'pay';
    const r = await openScriptCheckout(order, script, { name: 'Studio', description: '10 credits', color: '#123456' });
    expect(r).to.deep.equal({ orderId: 'ord_1', paymentId: 'pay_77', signature: 'ab'.repeat(32) });
    expect(seen).to.deep.include({ key: 'pk_1', order_ref: 'o_9', amount: 19000, merchant: 'Studio', desc: '10 credits', theme: { color: '#123456' } });
  });

  it('rejects with CheckoutCancelled when the buyer closes it', async () => {
    outcome = 'close';
    let err: unknown;
    try { await openScriptCheckout(order, script, { name: 'Studio', description: '10 credits' }); } catch (e) { err = e; }
    expect(err).to.be.instanceOf(CheckoutCancelled);
  });
});
