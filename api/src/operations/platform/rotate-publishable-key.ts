import { AppError } from '../../errors.js';
import { services } from '../../context.js';
import { DEFAULT_TENANT_ID, invalidateTenants } from '../../tenants/tenants.js';
import { presentPartner, type PartnerView } from '../../presenters/partner.js';
import { clashConflict, isUniqueClash, mustFindPartner, newPublishableKey, platformAudit } from './partner-store.js';
import { bumpRevision } from '../../tenants/tenants.js';

/** Issues a new publishable key; the old one stops working on the next request (every process within a second). */
export async function rotatePublishableKey(id: string, actor?: string): Promise<PartnerView> {
  const row = await mustFindPartner(id);
  if (row.id === DEFAULT_TENANT_ID) {
    // ensureDefaultTenant resets it to DEFAULT_PARTNER_KEY at every start.
    throw new AppError('conflict', 'The default partner\'s publishable key comes from DEFAULT_PARTNER_KEY; change it there.');
  }
  const previous = row.publishableKey;
  try {
    await services().db.tx(async (t) => {
      await row.update({ publishableKey: newPublishableKey(), ...bumpRevision() }, { transaction: t });
      await platformAudit(t, row.id, 'partner.rotate_key', { previousKeyEnd: previous.slice(-4) }, actor);
    });
  } catch (err) {
    if (isUniqueClash(err)) throw clashConflict();
    throw err;
  }
  invalidateTenants();
  return presentPartner(row);
}
