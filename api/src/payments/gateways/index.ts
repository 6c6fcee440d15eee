import { services } from '../../context.js';
import { RazorpayGateway } from './razorpay.js';
import { SandboxGateway } from './sandbox.js';
import type { PaymentGateway } from './types.js';

export * from './types.js';

/**
 * The gateway PAYMENTS_GATEWAY chose (config.ts). Adding a gateway: an adapter beside this file, a case here, its
 * settings in config.ts.
 */
export function activeGateway(): PaymentGateway {
  const { config } = services();
  if (config.paymentsGateway === 'razorpay' && config.razorpay) return new RazorpayGateway(config.razorpay);
  return new SandboxGateway(config.paymentsSandboxSecret);
}

/**
 * The gateway that settles an existing order, or answers a webhook at /api/webhooks/<name>: only the active one.
 * Sandbox orders stop being payable once a real gateway is configured, so a production deployment never credits an
 * order no money moved for.
 */
export function gatewayFor(name: string): PaymentGateway | undefined {
  const g = activeGateway();
  return g.name === name ? g : undefined;
}
