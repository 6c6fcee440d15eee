import { Op } from 'sequelize';
import { ReferralEvent, User } from '../models/index.js';
import { AppError, invalid, notFound } from '../errors.js';
import { audit } from '../operations/audit.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { decodeCursor, encodeCursor, parseLimit } from '../util/cursor.js';
import type { Principal } from '../auth/principal.js';
import type { ReviewItemView, ReviewActionResponse } from '../presenters/referrals.js';
import { awardOnce, payEvent, settledStatus } from './awards.js';
import { anomalyOf, type Anomaly } from './fraud.js';
import { evaluateMilestones } from './rewards.js';
import { now } from '../util/clock.js';

const STATUSES = ['held', 'paid', 'counted', 'rejected'] as const;
interface Cursor { t: number; i: string }
const isCursor = (v: unknown): v is Cursor => !!v && typeof v === 'object' && Number.isSafeInteger((v as Cursor).t) && typeof (v as Cursor).i === 'string';

async function present(rows: ReferralEvent[], tenantId: string): Promise<ReviewItemView[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.referrerUserId, r.refereeUserId, r.beneficiaryUserId]).filter((x): x is string => !!x))];
  const users = new Map((await User.findAll({ where: { id: ids, tenantId }, attributes: ['id', 'sub', 'name'] })).map((u) => [u.id, u]));
  const config = await getTenantConfig(tenantId);
  const at = now();
  const anomalies = new Map<string, Anomaly>();
  for (const r of new Set(rows.map((x) => x.referrerUserId))) anomalies.set(r, await anomalyOf(r, config, at));
  const who = (id: string) => ({ id: users.get(id)?.sub ?? id, name: users.get(id)?.name ?? undefined });
  return rows.map((r) => ({
    id: r.id, type: r.type as ReviewItemView['type'], status: r.status as ReviewItemView['status'], holdReason: r.holdReason ?? undefined,
    credits: r.creditsAwarded / 1000, referrer: who(r.referrerUserId), referee: r.refereeUserId ? who(r.refereeUserId) : undefined,
    beneficiary: who(r.beneficiaryUserId), anomaly: anomalies.get(r.referrerUserId)!, reviewNote: r.reviewNote ?? undefined,
    reviewedAt: r.reviewedAt?.toISOString(), createdAt: r.createdAt.toISOString(),
  }));
}

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
  return { items: await present(page, admin.tenantId), nextCursor: rows.length > n && last ? encodeCursor({ t: last.createdAt.getTime(), i: last.id }) : undefined };
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
  const [item] = await present([result.ev], admin.tenantId);
  return { item: item!, cascaded: result.cascaded };
}
