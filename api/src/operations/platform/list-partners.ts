import { Op } from 'sequelize';
import { AppError } from '../../errors.js';
import { Tenant } from '../../models/index.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import { presentPartner, type PartnerView } from '../../presenters/partner.js';

interface PartnerCursor { c: string; id: string }
const isCursor = (v: unknown): v is PartnerCursor =>
  !!v && typeof (v as PartnerCursor).c === 'string' && !Number.isNaN(Date.parse((v as PartnerCursor).c)) && typeof (v as PartnerCursor).id === 'string';

/** Partners in onboarding order (oldest first), optionally only active or disabled ones. */
export async function listPartners(q: { limit?: number; cursor?: string; status?: string }): Promise<{ items: PartnerView[]; nextCursor?: string }> {
  const limit = parseLimit(q.limit);
  const cur = decodeCursor(q.cursor, isCursor);
  if (q.status !== undefined && q.status !== 'active' && q.status !== 'disabled') {
    throw new AppError('validation_error', 'status: must be active or disabled.', { errors: [{ field: 'status', message: 'must be active or disabled' }] });
  }
  const where: Record<string | symbol, unknown> = {};
  if (q.status) where.status = q.status;
  if (cur) {
    const at = new Date(cur.c);
    where[Op.or] = [{ createdAt: { [Op.gt]: at } }, { createdAt: at, id: { [Op.gt]: cur.id } }];
  }
  const rows = await Tenant.findAll({ where: where as never, order: [['createdAt', 'ASC'], ['id', 'ASC']], limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(presentPartner),
    nextCursor: rows.length > limit && last ? encodeCursor({ c: last.createdAt.toISOString(), id: last.id }) : undefined,
  };
}
