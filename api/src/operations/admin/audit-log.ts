import { Op } from 'sequelize';
import { AppError } from '../../errors.js';
import { AuditEntry } from '../../models/index.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import type { Principal } from '../../auth/principal.js';

export interface AuditItem {
  id: string; action: string; actor: { userId?: string; sub?: string }; targetType?: string; targetId?: string; note?: string;
  data?: Record<string, unknown>; createdAt: string;
}
export interface AuditQuery { action?: string; actor?: string; targetType?: string; targetId?: string; from?: string; to?: string; limit?: number; cursor?: string }

const bad = (field: string, message: string) => new AppError('validation_error', `${field}: ${message}`, { errors: [{ field, message }] });

function parseDate(field: string, v: string | undefined): Date | undefined {
  if (v === undefined || v === '') return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw bad(field, 'must be an ISO 8601 date or date-time');
  return d;
}

/**
 * The partner's audit trail, newest first. `action` matches exactly, or as a prefix when it ends in
 * `*` or `.` (`template.*` lists every template action). `actor` is the admin's sub.
 */
export async function listAuditLog(admin: Principal, q: AuditQuery): Promise<{ items: AuditItem[]; nextCursor?: string }> {
  const limit = parseLimit(q.limit, 50, 100);
  const cur = decodeCursor<{ id: number }>(q.cursor, (v): v is { id: number } => !!v && Number.isInteger((v as { id: unknown }).id));
  const where: Record<string | symbol, unknown> = { tenantId: admin.tenantId };
  if (q.action) {
    if (q.action.length > 64) throw bad('action', 'at most 64 characters');
    where.action = /[*.]$/.test(q.action) ? { [Op.like]: `${q.action.replace(/\*$/, '').replace(/%/g, '')}%` } : q.action;
  }
  if (q.actor) where.actorSub = q.actor;
  if (q.targetType) where.targetType = q.targetType;
  if (q.targetId) where.targetId = q.targetId;
  const from = parseDate('from', q.from), to = parseDate('to', q.to);
  if (from || to) where.createdAt = { ...(from ? { [Op.gte]: from } : {}), ...(to ? { [Op.lt]: to } : {}) };
  if (cur) where.id = { [Op.lt]: cur.id };
  const rows = await AuditEntry.findAll({ where: where as never, order: [['id', 'DESC']], limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: String(r.id), action: r.action, actor: { userId: r.actorUserId ?? undefined, sub: r.actorSub ?? undefined }, targetType: r.targetType ?? undefined,
      targetId: r.targetId ?? undefined, note: r.note ?? undefined, data: (r.data as Record<string, unknown> | null) ?? undefined, createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit ? encodeCursor({ id: page.at(-1)!.id }) : undefined,
  };
}
