import { Consent } from '../../models/index.js';
import { services } from '../../context.js';
import { invalid } from '../../errors.js';
import { isUniqueViolation } from '../../db.js';
import { newId } from '../../util/ids.js';
import type { Principal } from '../../auth/principal.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { CONSENT_NAME } from '../../admin/config-validate.js';
import { requiredConsents } from '../../privacy/consents.js';
import { presentConsents, type ConsentsView } from '../../presenters/privacy.js';

export interface GiveConsentBody { purpose: string; version: string }

/** GET /api/me/consents: what the caller agreed to and what the partner requires. */
export async function listConsents(p: Principal): Promise<ConsentsView> {
  const given = await Consent.findAll({ where: { tenantId: p.tenantId, userId: p.userId }, order: [['createdAt', 'ASC'], ['id', 'ASC']] });
  return presentConsents(given, requiredConsents(await getTenantConfig(p.tenantId)));
}

/** POST /api/me/consents: records that the caller agreed to a purpose's version; giving it again changes nothing. */
export async function giveConsent(p: Principal, body: GiveConsentBody): Promise<ConsentsView> {
  for (const field of ['purpose', 'version'] as const) {
    const v = body?.[field];
    if (typeof v !== 'string' || !CONSENT_NAME.test(v)) throw invalid(field, 'must be 1 to 40 letters, digits, _ . or -');
  }
  try {
    await services().db.tx(async (t) => {
      const exists = await Consent.findOne({ where: { userId: p.userId, purpose: body.purpose, version: body.version }, transaction: t });
      if (!exists) await Consent.create({ id: newId('cns'), tenantId: p.tenantId, userId: p.userId, purpose: body.purpose, version: body.version }, { transaction: t });
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  return listConsents(p);
}
