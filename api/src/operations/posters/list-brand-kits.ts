import { BrandKit } from '../../models/index.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { BUILTIN_BRAND } from '../../posters/brand.js';
import { presentBrandKit, type BrandKitView } from '../../presenters/posters.js';
import type { Principal } from '../../auth/principal.js';

/** The caller's brand kits (newest first) and the partner's default kit, used when a poster names none. */
export async function listBrandKits(p: Principal): Promise<{ items: BrandKitView[]; partnerDefault: { name: string; colors: { primary: string; secondary: string; text: string }; font: string } }> {
  const rows = await BrandKit.findAll({ where: { tenantId: p.tenantId, userId: p.userId }, order: [['createdAt', 'DESC'], ['id', 'DESC']], limit: 100 });
  const config = await getTenantConfig(p.tenantId);
  return { items: rows.map(presentBrandKit), partnerDefault: config.posters?.defaultBrandKit ?? BUILTIN_BRAND };
}
