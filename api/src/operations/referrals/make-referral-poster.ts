import { GeneratedImage, User } from '../../models/index.js';
import { services } from '../../context.js';
import { notFound } from '../../errors.js';
import { applyQrCode, applyWatermark } from '../../images/index.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import type { Principal } from '../../auth/principal.js';
import { shareLinkFor } from '../../referrals/share-link.js';

/**
 * A marketing poster: the public rendition of the caller's own succeeded image with a QR code of the
 * caller's referral link. When the community module has not made a public rendition yet, the original
 * gets the watermark the public rule would give it (free users always, paying users unless they opted out).
 */
export async function referralPoster(p: Principal, imageId: string): Promise<Buffer> {
  const image = await GeneratedImage.findOne({ where: { id: imageId, userId: p.userId, tenantId: p.tenantId, deletedAt: null } });
  if (!image || image.status !== 'succeeded') throw notFound('image');
  const storage = services().storage;
  let png = image.publicKey ? await storage.get(image.publicKey) : null;
  if (!png) {
    const original = image.storageKey ? await storage.get(image.storageKey) : null;
    if (!original) throw notFound('image');
    const user = await User.findByPk(p.userId, { attributes: ['isPaying', 'referralCode'] });
    const config = await getTenantConfig(p.tenantId);
    png = image.watermark || !user?.isPaying ? await applyWatermark(original, { text: config.watermark.defaultText }) : original;
  }
  const me = await User.findByPk(p.userId, { attributes: ['referralCode'] });
  return applyQrCode(png, await shareLinkFor(p.tenantId, me!.referralCode));
}
