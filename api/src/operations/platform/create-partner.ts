import { services } from '../../context.js';
import { Tenant } from '../../models/index.js';
import { invalidateTenants } from '../../tenants/tenants.js';
import { newId } from '../../util/ids.js';
import { presentPartner, type PartnerView } from '../../presenters/partner.js';
import { parsePartnerBody, slugFromName } from './partner-input.js';
import { assertUnique, authColumns, clashConflict, isUniqueClash, newPublishableKey, platformAudit } from './partner-store.js';

/** Onboards a partner: its tokens and publishable key work on the next request, in every process (tenants.ts). */
export async function createPartner(body: unknown, actor?: string): Promise<PartnerView> {
  const f = await parsePartnerBody(body, 'create');
  const id = newId('tnt');
  const slug = f.slug ?? slugFromName(f.name!);
  await assertUnique({ slug, issuer: f.issuer });
  let row: Tenant;
  try {
    row = await services().db.tx(async (t) => {
      const r = await Tenant.create({
        id, slug, name: f.name!, publishableKey: newPublishableKey(), ...authColumns(id, f.auth!),
        jwtIssuer: f.issuer ?? null, jwtAudience: f.audience ?? null, siteUrl: f.siteUrl ?? null, status: 'active',
        allowedOrigins: f.allowedOrigins ?? [], maxTokenLifetime: f.maxTokenLifetimeSeconds ?? null,
      }, { transaction: t });
      await platformAudit(t, id, 'partner.create', { slug, name: f.name, algorithm: f.auth!.algorithm, issuer: f.issuer ?? null }, actor);
      return r;
    });
  } catch (err) {
    if (isUniqueClash(err)) throw clashConflict();
    throw err;
  }
  invalidateTenants();
  return presentPartner(row);
}
