import type { Transaction } from 'sequelize';
import { AuditEntry } from '../models/index.js';
import type { Principal } from '../auth/principal.js';

/** Every admin action leaves a row, written in the same transaction as the action itself. */
export async function audit(t: Transaction | undefined, actor: Principal, action: string, targetType: string | null, targetId: string | null,
  note?: string | null, data?: Record<string, unknown>) {
  await AuditEntry.create(
    { tenantId: actor.tenantId, actorUserId: actor.userId, actorSub: actor.sub, action, targetType, targetId, note: note ?? null, data: data ?? null },
    { transaction: t },
  );
}
