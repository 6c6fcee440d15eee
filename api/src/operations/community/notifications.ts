import { Op } from 'sequelize';
import { invalid } from '../../errors.js';
import { Notification } from '../../models/index.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import type { Principal } from '../../auth/principal.js';

export interface NotificationView {
  id: string; type: string; title: string; body?: string; data: Record<string, unknown>; read: boolean; createdAt: string;
}
export interface NotificationsPage { items: NotificationView[]; nextCursor?: string; unreadCount: number }

type Cur = { t: number; id: string; u: boolean };
const isCur = (v: unknown): v is Cur => typeof (v as Cur)?.t === 'number' && typeof (v as Cur)?.id === 'string' && typeof (v as Cur)?.u === 'boolean';

const present = (n: Notification): NotificationView => ({
  id: n.id, type: n.type, title: n.title, body: n.body ?? undefined, data: (n.data as Record<string, unknown>) ?? {}, read: !!n.readAt,
  createdAt: n.createdAt.toISOString(),
});

/** The caller's notifications, newest first, keyset-paged on (created_at, id); `unread=true` lists unread ones only. */
export async function listNotifications(p: Principal, q: { unread?: boolean; limit?: number; cursor?: string }): Promise<NotificationsPage> {
  const limit = parseLimit(q.limit);
  const unread = q.unread === true;
  const cur = decodeCursor<Cur>(q.cursor, isCur);
  if (cur && cur.u !== unread) throw invalid('cursor', 'this cursor belongs to another filter');
  const where: Record<string | symbol, unknown> = { userId: p.userId, tenantId: p.tenantId };
  if (unread) where.readAt = null;
  if (cur) {
    const at = new Date(cur.t);
    where[Op.or] = [{ createdAt: { [Op.lt]: at } }, { createdAt: at, id: { [Op.lt]: cur.id } }];
  }
  const [rows, unreadCount] = await Promise.all([
    Notification.findAll({ where, order: [['createdAt', 'DESC'], ['id', 'DESC']], limit: limit + 1 }),
    Notification.count({ where: { userId: p.userId, tenantId: p.tenantId, readAt: null } }),
  ]);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(present), unreadCount,
    nextCursor: rows.length > limit && last ? encodeCursor({ t: last.createdAt.getTime(), id: last.id, u: unread }) : undefined,
  };
}

/** Marks the given notifications (or all) of the caller read; answers how many changed. */
export async function markRead(p: Principal, body: { ids?: string[]; all?: boolean }): Promise<{ updated: number }> {
  const all = body?.all === true;
  const ids = body?.ids;
  if (!all && (ids === undefined || ids === null)) throw invalid('ids', 'send ids or all: true');
  if (!all && (!Array.isArray(ids) || ids.length < 1 || ids.length > 100 || ids.some((i) => typeof i !== 'string' || i.length > 40))) {
    throw invalid('ids', 'must be 1 to 100 notification ids');
  }
  const where: Record<string, unknown> = { userId: p.userId, tenantId: p.tenantId, readAt: null };
  if (!all) where.id = ids;
  const [updated] = await Notification.update({ readAt: new Date() }, { where });
  return { updated };
}
