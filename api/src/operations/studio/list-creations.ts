import { Op } from 'sequelize';
import { GeneratedImage } from '../../models/index.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import { presentCreation } from '../../presenters/studio.js';
import type { Principal } from '../../auth/principal.js';
import { withPosterSources } from '../posters/poster-sources.js';

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
  const items = await withPosterSources(p.tenantId, rows.slice(0, limit).map(presentCreation));
  const last = rows[limit - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ t: last.createdAt.getTime(), id: last.id }) : undefined };
}
