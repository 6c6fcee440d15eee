import { services } from '../../context.js';
import { RazorpayGateway } from './razorpay.js';
import { SandboxGateway } from './sandbox.js';
import type { PaymentGateway } from './types.js';

export * from './types.js';
export { RazorpayGateway } from './razorpay.js';
export { SandboxGateway } from './sandbox.js';

/** The gateway PAYMENTS_GATEWAY chose (config.ts: Razorpay when its keys are configured, else the offline sandbox). */
export function activeGateway(): PaymentGateway {
  const { config } = services();
  return config.paymentsGateway === 'razorpay' && config.razorpay ? new RazorpayGateway(config.razorpay) : new SandboxGateway(config.paymentsSandboxSecret);
}

export const sandboxEnabled = () => services().config.paymentsGateway === 'sandbox';

/**
 * The gateway that settles an existing order. Sandbox orders stop being payable once Razorpay is
 * configured: a production deployment must never credit an order no money moved for.
 */
export function gatewayFor(name: string): PaymentGateway | undefined {
  const g = activeGateway();
  return g.name === name ? g : undefined;
}
