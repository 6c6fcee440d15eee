import { Consent } from '../models/index.js';
import { AppError } from '../errors.js';
import type { TenantConfig } from '../tenants/tenant-config.js';

/**
 * Consent records (DPDP Act s.6): the versions of each purpose a user agreed to. A partner lists in its configuration
 * (`consents.required`, purpose -> version) what a user must have agreed to before generating; the widgets ask first.
 */
export interface RequiredConsent { purpose: string; version: string }

export const requiredConsents = (config: TenantConfig): RequiredConsent[] =>
  Object.entries(config.consents?.required ?? {}).map(([purpose, version]) => ({ purpose, version }));

/** The required versions the user has not agreed to. */
export async function missingConsents(tenantId: string, userId: string, config: TenantConfig): Promise<RequiredConsent[]> {
  const required = requiredConsents(config);
  if (!required.length) return [];
  const given = await Consent.findAll({ where: { tenantId, userId, purpose: required.map((r) => r.purpose) }, attributes: ['purpose', 'version'] });
  const has = new Set(given.map((g) => `${g.purpose}\u0000${g.version}`));
  return required.filter((r) => !has.has(`${r.purpose}\u0000${r.version}`));
}

/**
 * Refuses with 403 `consent_required` (listing what is missing) when a required consent is not given. A partner that
 * requires none pays nothing: no query is made.
 */
export async function requireConsents(p: { tenantId: string; userId: string }, config: TenantConfig): Promise<void> {
  if (!config.consents || !Object.keys(config.consents.required).length) return;
  const missing = await missingConsents(p.tenantId, p.userId, config);
  if (missing.length) {
    throw new AppError('consent_required', `Consent needed first: ${missing.map((m) => `${m.purpose} (version ${m.version})`).join(', ')}.`, { missing });
  }
}
