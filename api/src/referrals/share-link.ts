import { services } from '../context.js';
import { tenantById } from '../tenants/tenants.js';

/** The partner's site (where signups happen) with ?ref=CODE; the API's public URL when the partner set none. */
export async function shareLinkFor(tenantId: string, code: string): Promise<string> {
  const site = (await tenantById(tenantId))?.siteUrl || services().config.publicUrl;
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    url = new URL(services().config.publicUrl);
  }
  url.searchParams.set('ref', code);
  return url.toString();
}
