import { Op } from 'sequelize';
import { GeneratedImage, Post } from '../models/index.js';
import { notFound } from '../errors.js';
import { decodeCursor, encodeCursor, parseLimit } from '../util/cursor.js';
import { presentCreation, type CreationView } from '../presenters/studio.js';
import { services, service } from '../context.js';
import type { Principal } from '../auth/principal.js';
import type { BlobStorage } from '../storage/storage.js';
import { logger } from '../logger.js';

type Cur = { t: number; id: string };
const isCur = (v: unknown): v is Cur => !!v && typeof (v as Cur).t === 'number' && typeof (v as Cur).id === 'string';

/** My Creations, newest first, keyset-paged on (created_at, id). */
export async function listCreations(p: Principal, limitIn?: number, cursor?: string) {
  const limit = parseLimit(limitIn);
  const c = decodeCursor<Cur>(cursor, isCur);
  const where: Record<string | symbol, unknown> = { userId: p.userId, tenantId: p.tenantId, deletedAt: null };
  if (c) {
    const at = new Date(c.t);
    where[Op.or] = [{ createdAt: { [Op.lt]: at } }, { createdAt: at, id: { [Op.lt]: c.id } }];
  }
  const rows = await GeneratedImage.findAll({ where, order: [['createdAt', 'DESC'], ['id', 'DESC']], limit: limit + 1 });
  const items = rows.slice(0, limit).map(presentCreation);
  const last = rows[limit - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ t: last.createdAt.getTime(), id: last.id }) : undefined };
}

/** Another user's image answers 404, exactly like a missing one. */
export async function ownImage(p: Principal, imageId: string) {
  const img = await GeneratedImage.findOne({ where: { id: imageId, userId: p.userId, tenantId: p.tenantId, deletedAt: null } });
  if (!img) throw notFound('image');
  return img;
}

export async function getCreation(p: Principal, imageId: string): Promise<CreationView> {
  return presentCreation(await ownImage(p, imageId));
}

export async function reopenCreation(p: Principal, imageId: string) {
  const img = await ownImage(p, imageId);
  return { imageId: img.id, prompt: img.promptText, tier: img.tier, templateId: img.templateId ?? undefined, watermark: img.watermark };
}

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
  const storage = service<BlobStorage>('storage');
  // The public rendition has a thumbnail of its own beside it (community/public-images.ts).
  const publicThumb = img.publicKey?.replace(/\.png$/, '.thumb.webp');
  for (const key of [img.storageKey, img.thumbKey, img.publicKey, publicThumb]) {
    if (!key) continue;
    await storage.delete(key).catch((err) => logger().warn({ err, key }, 'could not delete image file'));
  }
}
