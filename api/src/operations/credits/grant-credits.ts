import { User } from '../../models/index.js';
import { applyMovement } from '../../ledger/ledger.js';
import { emitWebhookEvent } from '../../webhooks/events.js';
import { services } from '../../context.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { isExactCredits, toMilli } from '../../util/credits.js';
import { newId } from '../../util/ids.js';
import { audit } from '../../admin/audit.js';
import { resolveUser } from '../../auth/users.js';
import type { Principal } from '../../auth/principal.js';

/** Admin grant (or claw-back with a negative amount, never below zero), audited in the same transaction. */
export async function grantCredits(admin: Principal, body: { userId: string; credits: number; note: string }) {
  if (typeof body.userId !== 'string' || !body.userId) throw invalid('userId', 'required');
  if (typeof body.credits !== 'number' || !isExactCredits(body.credits) || body.credits === 0 || Math.abs(body.credits) > 1_000_000) {
    throw invalid('credits', 'a non-zero number of credits with at most 3 decimals, at most 1,000,000');
  }
  if (typeof body.note !== 'string' || !body.note.trim() || body.note.length > 500) throw invalid('note', 'a reason of 1 to 500 characters is required');
  // userId is the partner's user id (sub); our internal id is accepted too.
  if (body.userId.length > 191) throw invalid('userId', 'at most 191 characters');
  let user = (await User.findOne({ where: { tenantId: admin.tenantId, sub: body.userId } }))
    ?? (await User.findOne({ where: { tenantId: admin.tenantId, id: body.userId } }));
  if (!user) {
    // A partner may credit a user before their first visit: the user (and wallet) is provisioned under that sub.
    const { id } = await resolveUser(admin.tenantId, { sub: body.userId }, {});
    user = await User.findByPk(id);
  }
  if (!user) throw notFound('user');
  const grantId = newId('grant');
  const { db } = services();
  const res = await db.tx(async (t) => {
    const r = await applyMovement(t, { tenantId: admin.tenantId, userId: user.id, delta: toMilli(body.credits), reason: 'admin', refType: 'grant', refId: grantId, note: body.note.trim() });
    await audit(t, admin, 'credits.grant', 'user', user.sub, body.note.trim(), { credits: body.credits, grantId });
    await emitWebhookEvent(t, admin.tenantId, 'credits.granted', { sub: user.sub, grantId, source: 'admin', credits: body.credits, balance: r.balanceAfter / 1000 });
    return r;
  });
  if (res.balanceAfter < 0) throw new AppError('internal_error');
  return { grantId, userId: user.sub, credits: body.credits, balance: res.balanceAfter / 1000 };
}
