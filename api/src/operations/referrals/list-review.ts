import { Op } from 'sequelize';
import { ReferralEvent } from '../../models/index.js';
import { invalid } from '../../errors.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import { reviewSignals } from '../../referrals/review-signals.js';
import { presentReviewItem } from '../../presenters/referrals.js';
import type { Principal } from '../../auth/principal.js';

const STATUSES = ['held', 'paid', 'counted', 'rejected', 'capped'] as const;
interface Cursor { t: number; i: string }
const isCursor = (v: unknown): v is Cursor => !!v && typeof v === 'object' && Number.isSafeInteger((v as Cursor).t) && typeof (v as Cursor).i === 'string';

/** Held referral awards of the admin's partner, oldest first (a queue), with the referrer's anomaly signals. */
export async function listReview(admin: Principal, q: { status?: string; limit?: number; cursor?: string }) {
  const status = q.status ?? 'held';
  if (!(STATUSES as readonly string[]).includes(status)) throw invalid('status', `one of ${STATUSES.join(', ')}`);
  const n = parseLimit(q.limit);
  const after = decodeCursor(q.cursor, isCursor);
  const where: Record<string | symbol, unknown> = { tenantId: admin.tenantId, status };
  if (after) {
    const at = new Date(after.t);
    where[Op.or] = [{ createdAt: { [Op.gt]: at } }, { createdAt: at, id: { [Op.gt]: after.i } }];
  }
  const rows = await ReferralEvent.findAll({ where, order: [['createdAt', 'ASC'], ['id', 'ASC']], limit: n + 1 });
  const page = rows.slice(0, n);
  const last = page[page.length - 1];
  const signals = await reviewSignals(page, admin.tenantId);
  return { items: page.map((r) => presentReviewItem(r, signals)), nextCursor: rows.length > n && last ? encodeCursor({ t: last.createdAt.getTime(), i: last.id }) : undefined };
}
