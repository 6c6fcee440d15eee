import { services } from '../../context.js';
import { PartnerPaymentAccount, type Order } from '../../models/index.js';
import { decryptSecret, encryptSecret } from '../../util/secrets.js';
import { DEFAULT_TENANT_ID } from '../../tenants/tenants.js';
import { RazorpayGateway, type RazorpaySettings } from './razorpay.js';
import { activeGateway, type PaymentGateway } from './index.js';

/**
 * A gateway account per partner. A partner with its own Razorpay account (partner_payment_accounts, secrets sealed like
 * provider keys) takes its orders, checks its checkouts, refunds and receives its webhooks at /api/webhooks/razorpay/{partnerId}
 * with its own keys. The process settings (RAZORPAY_* or the sandbox) are the default partner's account, and the account of
 * every partner that has not set its own.
 */
export const accountContext = (tenantId: string, which: 'key' | 'webhook') => `payment-account:${tenantId}:${which}`;
export const sealAccountSecret = (tenantId: string, which: 'key' | 'webhook', secret: string) =>
  encryptSecret(services().config.masterKey, secret, accountContext(tenantId, which));

export async function partnerRazorpay(tenantId: string): Promise<RazorpaySettings | undefined> {
  const row = await PartnerPaymentAccount.findByPk(tenantId);
  if (!row) return undefined;
  const { config } = services();
  const key = services().config.masterKey;
  return {
    keyId: row.keyId, keySecret: decryptSecret(key, row.keySecretEnc, accountContext(tenantId, 'key')),
    webhookSecret: decryptSecret(key, row.webhookSecretEnc, accountContext(tenantId, 'webhook')),
    baseUrl: config.razorpay?.baseUrl ?? 'https://api.razorpay.com',
  };
}

/** The gateway a partner's new orders go to. */
export async function gatewayForTenant(tenantId: string): Promise<PaymentGateway> {
  const own = await partnerRazorpay(tenantId);
  return own ? new RazorpayGateway(own) : activeGateway();
}

/**
 * The gateway that settles, checks or refunds an existing order: the account the partner uses now, and only if it is
 * the order's gateway (sandbox orders stop being payable once a real account is configured).
 */
export async function gatewayForOrder(order: Pick<Order, 'tenantId' | 'gateway'>): Promise<PaymentGateway | undefined> {
  const g = await gatewayForTenant(order.tenantId);
  return g.name === order.gateway ? g : undefined;
}

/**
 * The gateway behind a webhook URL and the orders it may touch: /api/webhooks/razorpay/{partnerId} is that partner's own
 * account (the default partner's is the process account), /api/webhooks/{gateway} the process account for every partner
 * without its own.
 */
export async function webhookGateway(name: string, partnerId?: string): Promise<{ gateway: PaymentGateway; scope: (o: Order) => Promise<boolean> } | undefined> {
  if (partnerId !== undefined) {
    if (name !== 'razorpay') return undefined;
    const own = await partnerRazorpay(partnerId);
    const g = own ? new RazorpayGateway(own) : partnerId === DEFAULT_TENANT_ID ? activeGateway() : undefined;
    if (!g || g.name !== 'razorpay') return undefined;
    return { gateway: g, scope: async (o) => o.tenantId === partnerId };
  }
  const g = activeGateway();
  if (g.name !== name) return undefined;
  return { gateway: g, scope: async (o) => !(await PartnerPaymentAccount.count({ where: { tenantId: o.tenantId } })) };
}
