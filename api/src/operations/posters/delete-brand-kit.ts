import { services } from '../../context.js';
import { BrandKit } from '../../models/index.js';
import { notFound } from '../../errors.js';
import { logger } from '../../logger.js';
import type { Principal } from '../../auth/principal.js';

/** Deletes one of the caller's brand kits and its logo file. Posters made with it keep their pixels. */
export async function deleteBrandKit(p: Principal, id: string): Promise<void> {
  const kit = await BrandKit.findOne({ where: { id, tenantId: p.tenantId, userId: p.userId } });
  if (!kit) throw notFound('brand kit');
  await kit.destroy();
  if (kit.logoKey) await services().storage.delete(kit.logoKey).catch((err) => logger().warn({ err }, 'could not delete a brand kit logo'));
}
