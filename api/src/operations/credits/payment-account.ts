import { PartnerPaymentAccount } from '../../models/index.js';
import { services } from '../../context.js';
import { AppError, type FieldError } from '../../errors.js';
import { audit } from '../../admin/audit.js';
import type { Principal } from '../../auth/principal.js';
import { sealAccountSecret } from '../../payments/gateways/accounts.js';
import { DEFAULT_TENANT_ID } from '../../tenants/tenants.js';

export interface PaymentAccountView {
  /** The gateway this partner's new orders go to. */
  gateway: 'razorpay' | 'sandbox';
  /** `partner`: the partner's own account; `environment`: the process settings (RAZORPAY_* or the sandbox). */
  source: 'partner' | 'environment';
  /** The public key id (never a secret). */
  keyId?: string;
  keySecretSet: boolean;
  webhookSecretSet: boolean;
  /** Where to point the gateway's webhooks (path on this API). */
  webhookPath: string;
  rotatedAt?: string;
  updatedBy?: string;
}
export interface PaymentAccountRequest {
  /** Razorpay key id (rzp_test_… or rzp_live_…). Required the first time. */
  keyId?: string;
  /** Razorpay key secret. Required the first time; send it again to rotate it. */
  keySecret?: string;
  /** The webhook secret set in the Razorpay dashboard. Required the first time; send it again to rotate it. */
  webhookSecret?: string;
  /** Why (audited). */
  note?: string;
}

const KEY_ID = /^rzp_(test|live)_[A-Za-z0-9]{6,40}$/;
const fail = (errors: FieldError[]) => new AppError('validation_error', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });

/** The partner's gateway account: which secrets are set, never the secrets. */
export async function getPaymentAccount(admin: Principal): Promise<PaymentAccountView> {
  const row = await PartnerPaymentAccount.findByPk(admin.tenantId);
  const webhookPath = `/api/webhooks/razorpay/${admin.tenantId}`;
  if (row) {
    return { gateway: 'razorpay', source: 'partner', keyId: row.keyId, keySecretSet: true, webhookSecretSet: true, webhookPath,
      rotatedAt: row.rotatedAt?.toISOString(), updatedBy: row.updatedBy ?? undefined };
  }
  const { config } = services();
  const env = config.paymentsGateway === 'razorpay' && config.razorpay ? config.razorpay : undefined;
  return {
    gateway: env ? 'razorpay' : 'sandbox', source: 'environment', keyId: env?.keyId, keySecretSet: !!env, webhookSecretSet: !!env,
    webhookPath: env ? (admin.tenantId === DEFAULT_TENANT_ID ? webhookPath : '/api/webhooks/razorpay') : '/api/webhooks/sandbox',
  };
}

/**
 * Sets the partner's own Razorpay account (all three values the first time) or rotates any of its values. Secrets are sealed
 * with the master key (util/secrets.ts), audited without their values; the next order, verify, refund and webhook use them.
 */
export async function setPaymentAccount(admin: Principal, body: PaymentAccountRequest): Promise<PaymentAccountView> {
  const b = body ?? {};
  const errors: FieldError[] = [];
  const existing = await PartnerPaymentAccount.findByPk(admin.tenantId);
  const secret = (field: 'keySecret' | 'webhookSecret') => {
    const v = b[field];
    if (v === undefined || v === null || v === '') {
      if (!existing) errors.push({ field, message: 'is required the first time' });
      return undefined;
    }
    if (typeof v !== 'string' || v.length < 8 || v.length > 200 || /\s/.test(v)) { errors.push({ field, message: '8 to 200 characters without spaces' }); return undefined; }
    return v;
  };
  let keyId: string | undefined;
  if (b.keyId === undefined || b.keyId === null || b.keyId === '') {
    if (!existing) errors.push({ field: 'keyId', message: 'is required the first time' });
  } else if (typeof b.keyId !== 'string' || !KEY_ID.test(b.keyId)) errors.push({ field: 'keyId', message: 'a Razorpay key id: rzp_test_… or rzp_live_…' });
  else keyId = b.keyId;
  const keySecret = secret('keySecret');
  const webhookSecret = secret('webhookSecret');
  if (b.note !== undefined && (typeof b.note !== 'string' || b.note.length > 500)) errors.push({ field: 'note', message: 'at most 500 characters' });
  if (errors.length) throw fail(errors);
  if (existing && !keyId && !keySecret && !webhookSecret) throw fail([{ field: 'keyId', message: 'send at least one value to change' }]);
  const now = new Date();
  const changed = [keyId && 'keyId', keySecret && 'keySecret', webhookSecret && 'webhookSecret'].filter((x): x is string => !!x);
  await services().db.tx(async (t) => {
    const values = {
      ...(keyId ? { keyId } : {}),
      ...(keySecret ? { keySecretEnc: sealAccountSecret(admin.tenantId, 'key', keySecret) } : {}),
      ...(webhookSecret ? { webhookSecretEnc: sealAccountSecret(admin.tenantId, 'webhook', webhookSecret) } : {}),
      updatedBy: admin.sub.slice(0, 191),
    };
    if (existing) await existing.update({ ...values, rotatedAt: now }, { transaction: t });
    else await PartnerPaymentAccount.create({ tenantId: admin.tenantId, gateway: 'razorpay', ...values, rotatedAt: null }, { transaction: t });
    await audit(t, admin, existing ? 'payments.account.rotate' : 'payments.account.set', 'payment_account', admin.tenantId, b.note ?? null, { changed, keyId: keyId ?? existing?.keyId });
  });
  return getPaymentAccount(admin);
}
