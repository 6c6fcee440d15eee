import { services } from '../context.js';
import { DEFAULT_TENANT_ID, loadTenants, type TenantAuth } from './tenants.js';

/**
 * Which browser origins may call the API for a partner. A partner lists its origins (allowedOrigins); pages this
 * server serves itself (PUBLIC_URL: the example site, /docs) are always allowed; the default partner of a development
 * or test install allows any origin, so `npm start` and local partner sites work without setup.
 */
function ownOrigin(): string | undefined {
  try {
    return new URL(services().config.publicUrl).origin;
  } catch {
    return undefined;
  }
}

const openDefault = (t: TenantAuth) => t.id === DEFAULT_TENANT_ID && services().config.env !== 'production';

export function originAllowedFor(tenant: TenantAuth, origin: string): boolean {
  return tenant.allowedOrigins.includes(origin) || origin === ownOrigin() || openDefault(tenant);
}

/** A preflight names no partner: it may go ahead when any active partner allows the origin. */
export async function originAllowedByAnyPartner(origin: string): Promise<boolean> {
  const tenants = await loadTenants();
  if (tenants.activeOrigins.has(origin) || origin === ownOrigin()) return true;
  const def = tenants.byId.get(DEFAULT_TENANT_ID);
  return !!def && def.status === 'active' && openDefault(def);
}
