import { Op } from 'sequelize';
import { Poster } from '../../models/index.js';
import { signedImageUrl } from '../../storage/signed-urls.js';
import type { CreationView } from '../../presenters/studio.js';

/** My Creations: marks which creations are posters, with their source image (one query per page). */
export async function withPosterSources<T extends CreationView>(tenantId: string, items: T[]): Promise<T[]> {
  const posterIds = items.filter((i) => i.provider === 'poster').map((i) => i.imageId);
  if (!posterIds.length) return items;
  const rows = await Poster.findAll({ where: { tenantId, imageId: { [Op.in]: posterIds } } });
  const by = new Map(rows.map((r) => [r.imageId, r]));
  return items.map((i) => {
    const p = by.get(i.imageId);
    return p ? { ...i, poster: { posterId: p.id, sourceImageId: p.sourceImageId, sourceThumbnailUrl: signedImageUrl(p.sourceImageId, 'thumb'), layout: p.layout, format: p.format } } : i;
  });
}
