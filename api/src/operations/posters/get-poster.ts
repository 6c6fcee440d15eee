import { GeneratedImage, Poster } from '../../models/index.js';
import { notFound } from '../../errors.js';
import { presentPoster, type PosterView } from '../../presenters/posters.js';
import type { Principal } from '../../auth/principal.js';

/** One of the caller's posters (by poster id); a deleted poster creation answers 404. */
export async function getPoster(p: Principal, posterId: string): Promise<PosterView> {
  const poster = await Poster.findOne({ where: { id: posterId, tenantId: p.tenantId, userId: p.userId } });
  const img = poster && (await GeneratedImage.findOne({ where: { id: poster.imageId, userId: p.userId, deletedAt: null } }));
  if (!poster || !img) throw notFound('poster');
  return presentPoster(poster, img);
}
