import { Op, type WhereOptions } from 'sequelize';
import { User, UserSuspension } from '../../models/index.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import { invalid } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';
import { presentAdminUser, type AdminUserSummary } from '../../presenters/support.js';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Support's lookup: users of the admin's partner whose sub or referral code is the query, or whose sub, name or
 * email contains it (case-insensitive where the database collation is); newest first, keyset-paged on (created, id).
 * An empty query lists everyone.
 */
export async function searchUsers(admin: Principal, q: { query?: string; limit?: number; cursor?: string }): Promise<{ items: AdminUserSummary[]; nextCursor?: string }> {
  const query = typeof q.query === 'string' ? q.query.trim() : '';
  if (query.length > 191) throw invalid('query', 'at most 191 characters');
  const limit = parseLimit(q.limit, 20, 100);
  const cur = decodeCursor<{ c: number; id: string }>(q.cursor, (v): v is { c: number; id: string } =>
    typeof (v as { c?: unknown })?.c === 'number' && typeof (v as { id?: unknown })?.id === 'string');
  const and: WhereOptions[] = [{ tenantId: admin.tenantId }];
  if (query) {
    const like = `%${likeEscape(query)}%`;
    and.push({ [Op.or]: [
      { sub: query }, { id: query }, { referralCode: query.toUpperCase() }, { referralCode: query },
      { sub: { [Op.like]: like } }, { name: { [Op.like]: like } }, { email: { [Op.like]: like } },
    ] });
  }
  if (cur) {
    const at = new Date(cur.c);
    and.push({ [Op.or]: [{ createdAt: { [Op.lt]: at } }, { createdAt: at, id: { [Op.lt]: cur.id } }] });
  }
  const rows = await User.findAll({ where: { [Op.and]: and }, order: [['createdAt', 'DESC'], ['id', 'DESC']], limit: limit + 1 });
  const page = rows.slice(0, limit);
  const suspended = page.length ? await UserSuspension.findAll({ where: { userId: page.map((u) => u.id) } }) : [];
  const byUser = new Map(suspended.map((s) => [s.userId, s]));
  const last = page[page.length - 1];
  return {
    items: page.map((u) => presentAdminUser(u, byUser.get(u.id))),
    nextCursor: rows.length > limit && last ? encodeCursor({ c: last.createdAt.getTime(), id: last.id }) : undefined,
  };
}
