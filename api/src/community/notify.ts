import type { Transaction } from 'sequelize';
import { Notification } from '../models/index.js';
import { newId } from '../util/ids.js';

export type NotificationType = 'like' | 'reward' | 'moderation' | 'webhook';

export interface NewNotification {
  tenantId: string; userId: string; type: NotificationType; title: string; body?: string; data?: Record<string, unknown>;
  /** At most one notification ever exists per key (e.g. one "liked your post" per liker and post, however often they toggle). */
  dedupeKey?: string;
}

/** Writes a notification in the caller's transaction; returns false when the dedupe key was already used. */
export async function notify(t: Transaction, n: NewNotification): Promise<boolean> {
  if (n.dedupeKey) {
    const seen = await Notification.findOne({ where: { dedupeKey: n.dedupeKey }, attributes: ['id'], transaction: t });
    if (seen) return false;
  }
  await Notification.create({
    id: newId('ntf'), tenantId: n.tenantId, userId: n.userId, type: n.type, title: n.title.slice(0, 191), body: n.body?.slice(0, 1000) ?? null,
    data: n.data ?? {}, dedupeKey: n.dedupeKey ?? null,
  }, { transaction: t });
  return true;
}
