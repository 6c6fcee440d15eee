import { BrandKit } from '../../models/index.js';
import { notFound } from '../../errors.js';
import { presentBrandKit, type BrandKitView } from '../../presenters/posters.js';
import type { Principal } from '../../auth/principal.js';

/** One of the caller's brand kits; another user's answers 404 like a missing one. */
export async function getBrandKit(p: Principal, id: string): Promise<BrandKitView> {
  const kit = await BrandKit.findOne({ where: { id, tenantId: p.tenantId, userId: p.userId } });
  if (!kit) throw notFound('brand kit');
  return presentBrandKit(kit);
}
