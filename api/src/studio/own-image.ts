import { GeneratedImage } from '../models/index.js';
import { notFound } from '../errors.js';
import type { Principal } from '../auth/principal.js';

/** The caller's own, not deleted image. Another user's image answers 404, exactly like a missing one. */
export async function ownImage(p: Principal, imageId: string) {
  const img = await GeneratedImage.findOne({ where: { id: imageId, userId: p.userId, tenantId: p.tenantId, deletedAt: null } });
  if (!img) throw notFound('image');
  return img;
}
