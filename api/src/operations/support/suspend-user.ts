import { UserSuspension } from '../../models/index.js';
import { services } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { audit } from '../../admin/audit.js';
import { isUniqueViolation } from '../../db.js';
import type { Principal } from '../../auth/principal.js';
import { presentSuspension, type SuspensionView } from '../../presenters/support.js';
import { findPartnerUser } from './find-user.js';

export interface SuspendRequest { /** Why (1..1000 characters): kept in the audit log and shown to support. */ note: string }
export interface SuspensionResponse { userId: string; sub: string; suspended: boolean; suspension?: SuspensionView }

const noteOf = (body: { note?: unknown } | undefined) => {
  const note = typeof body?.note === 'string' ? body.note.trim() : '';
  if (!note || note.length > 1000) throw invalid('note', 'a reason of 1 to 1000 characters is required');
  return note;
};

/**
 * Suspends a user of the admin's partner: from the next call on, every write of that user is 403
 * `account_suspended` (auth/suspension.ts); reads of its own data, export and erasure stay open. Audited.
 * Suspending a suspended user is 409 `conflict`.
 */
export async function suspendUser(admin: Principal, userId: string, body: SuspendRequest): Promise<SuspensionResponse> {
  const note = noteOf(body);
  const user = await findPartnerUser(admin.tenantId, userId);
  try {
    const row = await services().db.tx(async (t) => {
      const s = await UserSuspension.create({ userId: user.id, tenantId: admin.tenantId, note, suspendedBy: admin.sub }, { transaction: t });
      await audit(t, admin, 'user.suspend', 'user', user.id, note, { sub: user.sub });
      return s;
    });
    return { userId: user.id, sub: user.sub, suspended: true, suspension: presentSuspension(row) };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'The user is already suspended.');
    throw err;
  }
}

/** Lifts a suspension; audited. A user who is not suspended is 409 `conflict`. */
export async function unsuspendUser(admin: Principal, userId: string, body: SuspendRequest): Promise<SuspensionResponse> {
  const note = noteOf(body);
  const user = await findPartnerUser(admin.tenantId, userId);
  await services().db.tx(async (t) => {
    const gone = await UserSuspension.destroy({ where: { userId: user.id, tenantId: admin.tenantId }, transaction: t });
    if (!gone) throw new AppError('conflict', 'The user is not suspended.');
    await audit(t, admin, 'user.unsuspend', 'user', user.id, note, { sub: user.sub });
  });
  return { userId: user.id, sub: user.sub, suspended: false };
}
