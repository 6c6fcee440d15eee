import { Post } from '../../models/index.js';
import { services } from '../../context.js';
import { ownImage } from '../../studio/own-image.js';
import type { Principal } from '../../auth/principal.js';
import { logger } from '../../logger.js';

/**
 * Deletes a creation and its files, and removes its post from the community. An image still being generated can be
 * deleted too: the job finishes (the credits were spent on real work) and then discards its files (process-generation.ts).
 */
export async function deleteCreation(p: Principal, imageId: string) {
  const img = await ownImage(p, imageId);
  const { db } = services();
  await db.tx(async (t) => {
    await img.update({ deletedAt: new Date(), status: 'deleted' }, { transaction: t });
    if (img.publishedPostId) {
      await Post.update({ isDeleted: true, listed: false }, { where: { id: img.publishedPostId, tenantId: p.tenantId }, transaction: t });
    }
  });
  const storage = services().storage;
  // The public rendition has a thumbnail of its own beside it (community/public-images.ts).
  const publicThumb = img.publicKey?.replace(/\.png$/, '.thumb.webp');
  for (const key of [img.storageKey, img.thumbKey, img.publicKey, publicThumb]) {
    if (!key) continue;
    await storage.delete(key).catch((err) => logger().warn({ err, key }, 'could not delete image file'));
  }
}
