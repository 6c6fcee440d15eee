import { Op } from 'sequelize';
import { ReferralEvent } from '../../models/index.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { audit } from '../../admin/audit.js';
import type { Principal } from '../../auth/principal.js';
import { presentReviewItem, type ReviewActionResponse } from '../../presenters/referrals.js';
import { awardOnce, payEvent, settledStatus } from '../../referrals/awards.js';
import { evaluateMilestones } from '../../referrals/rewards.js';
import { reviewSignals } from '../../referrals/review-signals.js';
import { now } from '../../util/clock.js';

export interface ReviewActionRequest {
  id: string;
  action: 'approve' | 'reject';
  note?: string;
}

/**
 * Approve pays a held award through the ledger (once: the event row is locked and must still be
 * held); reject closes it without paying. Deciding a referee's signup also decides the awards that
 * were held only because that signup was (hold_reason attribution_held). Audited in the same transaction.
 */
export async function actOnReview(admin: Principal, body: { id?: unknown; action?: unknown; note?: unknown }): Promise<ReviewActionResponse> {
  if (typeof body.id !== 'string' || !body.id || body.id.length > 40) throw invalid('id', 'a referral event id');
  if (body.action !== 'approve' && body.action !== 'reject') throw invalid('action', 'approve or reject');
  if (body.note !== undefined && (typeof body.note !== 'string' || body.note.length > 500)) throw invalid('note', 'at most 500 characters');
  const action = body.action;
  const note = (body.note as string | undefined)?.trim() || null;
  const decidedAt = now();
  const approvedQualified: { tenantId: string; referrerId: string }[] = [];
  const result = await awardOnce(async (t) => {
    const ev = await ReferralEvent.findOne({ where: { id: body.id as string, tenantId: admin.tenantId }, lock: t.LOCK.UPDATE, transaction: t });
    if (!ev) throw notFound('referral event');
    if (ev.status !== 'held') throw new AppError('conflict', `This award was already decided (${ev.status}).`);
    const targets = [ev];
    if (ev.type === 'signup' && ev.refereeUserId) {
      targets.push(...await ReferralEvent.findAll({
        where: { refereeUserId: ev.refereeUserId, status: 'held', holdReason: 'attribution_held', id: { [Op.ne]: ev.id }, tenantId: admin.tenantId },
        lock: t.LOCK.UPDATE, transaction: t,
      }));
    }
    for (const e of targets) {
      const status = action === 'approve' ? settledStatus(e.creditsAwarded) : 'rejected';
      if (status === 'paid') await payEvent(t, e, `Referral ${e.type} (approved)`);
      if (status === 'counted' && e.type === 'qualified') approvedQualified.push({ tenantId: e.tenantId, referrerId: e.referrerUserId });
      await e.update({ status, reviewedBy: admin.userId, reviewNote: note, reviewedAt: decidedAt }, { transaction: t });
    }
    await audit(t, admin, `referral.${action}`, 'referral_event', ev.id, note, {
      type: ev.type, credits: ev.creditsAwarded / 1000, beneficiaryUserId: ev.beneficiaryUserId, holdReason: ev.holdReason,
      cascaded: targets.slice(1).map((e) => e.id),
    });
    return { ev, cascaded: targets.slice(1).map((e) => e.id) };
  });
  if (!result) throw new AppError('conflict', 'This award was decided concurrently.');
  for (const q of approvedQualified) await evaluateMilestones(q.tenantId, q.referrerId);
  const item = presentReviewItem(result.ev, await reviewSignals([result.ev], admin.tenantId));
  return { item, cascaded: result.cascaded };
}
