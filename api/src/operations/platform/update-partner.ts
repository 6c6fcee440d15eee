import { AppError } from '../../errors.js';
import { services } from '../../context.js';
import { DEFAULT_TENANT_ID, invalidateTenants } from '../../tenants/tenants.js';
import { presentPartner, type PartnerView } from '../../presenters/partner.js';
import { parsePartnerBody } from './partner-input.js';
import { assertUnique, authColumns, clashConflict, isUniqueClash, mustFindPartner, platformAudit } from './partner-store.js';
import { bumpRevision } from '../../tenants/tenants.js';

/**
 * Changes any field of a partner, including its status: a disabled partner's tokens and publishable key are
 * refused on every route from the next request on (in every process within a second, see tenants.ts).
 */
export async function updatePartner(id: string, body: unknown, actor?: string): Promise<PartnerView> {
  const row = await mustFindPartner(id);
  const f = await parsePartnerBody(body, 'update');
  if (f.auth && row.id === DEFAULT_TENANT_ID) {
    // ensureDefaultTenant rewrites it from AUTH_JWT_SECRET at every start: a change here would silently come undone.
    throw new AppError('conflict', 'The default partner\'s signing secret comes from AUTH_JWT_SECRET; change it there.');
  }
  await assertUnique({ slug: f.slug !== row.slug ? f.slug : undefined, issuer: f.issuer !== row.jwtIssuer ? f.issuer : undefined }, row.id);
  const values: Record<string, unknown> = {};
  if (f.name !== undefined) values.name = f.name;
  if (f.slug !== undefined) values.slug = f.slug;
  if (f.auth) Object.assign(values, authColumns(row.id, f.auth));
  if (f.issuer !== undefined) values.jwtIssuer = f.issuer;
  if (f.audience !== undefined) values.jwtAudience = f.audience;
  if (f.allowedOrigins !== undefined) values.allowedOrigins = f.allowedOrigins;
  if (f.siteUrl !== undefined) values.siteUrl = f.siteUrl;
  if (f.maxTokenLifetimeSeconds !== undefined) values.maxTokenLifetime = f.maxTokenLifetimeSeconds;
  if (f.status !== undefined) values.status = f.status;
  // What changed, for the audit row; a secret is named, never shown.
  const changed = Object.keys(f).map((k) => (k === 'auth' ? `auth(${f.auth!.algorithm})` : k));
  try {
    await services().db.tx(async (t) => {
      await row.update({ ...values, ...bumpRevision() }, { transaction: t });
      await platformAudit(t, row.id, f.status === 'disabled' ? 'partner.disable' : 'partner.update', { changed, status: row.status }, actor);
    });
  } catch (err) {
    if (isUniqueClash(err)) throw clashConflict();
    throw err;
  }
  invalidateTenants();
  return presentPartner(row);
}
