import { Op, QueryTypes } from 'sequelize';
import { GeneratedImage, ReferralEvent, User } from '../models/index.js';
import { services } from '../context.js';
import { getTenantConfig } from '../tenants/config-store.js';
import type { TenantConfig } from '../tenants/tenant-config.js';
import { track } from '../analytics/track.js';
import { logger } from '../logger.js';
import { attributionState, awardOnce, paidReferees, recordAward } from './awards.js';
import { anomalyOf } from './fraud.js';
import { DAY_MS, now } from '../util/clock.js';

/**
 * Referrer +10 after the referee's first succeeded, billable generation. Called on every success of a
 * referred user until it has been awarded (the unique key makes it once), so a first generation that
 * was free or refunded does not forfeit the award for the next billable one.
 */
export async function awardFirstGeneration(tenantId: string, refereeId: string, imageId: string): Promise<boolean> {
  const referee = await User.findOne({ where: { id: refereeId, tenantId }, attributes: ['id', 'referredByUserId'] });
  if (!referee?.referredByUserId) return false;
  if (await ReferralEvent.findOne({ where: { uniqueKey: `first_gen:${refereeId}` }, attributes: ['id'] })) return false;
  const image = await GeneratedImage.findOne({ where: { id: imageId, userId: refereeId }, attributes: ['status', 'billable', 'creditsSpent'] });
  if (!image || image.status !== 'succeeded' || !image.billable || !(image.creditsSpent > 0)) return false;
  const config = await getTenantConfig(tenantId);
  const referrerId = referee.referredByUserId;
  const ev = await awardOnce(async (t) => {
    const state = await attributionState(refereeId, t);
    // The lifetime cap: lock the referrer, count the referees already paid for, and record this one as capped when full.
    await User.findOne({ where: { id: referrerId, tenantId }, lock: t.LOCK.UPDATE, transaction: t, attributes: ['id'] });
    const capped = !state?.rejected && (await paidReferees(t, referrerId)) >= config.referral.lifetimeCapReferrals;
    const e = await recordAward(t, {
      tenantId, type: 'first_generation', referrerUserId: referrerId, refereeUserId: refereeId, beneficiaryUserId: referrerId,
      creditsMilli: capped ? 0 : config.referral.referrerBonusMilli, uniqueKey: `first_gen:${refereeId}`, holdReason: state?.holdReason, rejected: state?.rejected,
      capped, note: capped ? 'Referral: lifetime cap of paid referees reached' : 'Referral: your referee made a first generation',
    });
    if (capped) await track(tenantId, referrerId, 'referral_capped', { refereeId, cap: config.referral.lifetimeCapReferrals }, t);
    if (e.status === 'paid') await track(tenantId, e.beneficiaryUserId, 'reward_credited', { kind: 'referral_first_generation', credits: e.creditsAwarded / 1000 }, t);
    return e;
  });
  return !!ev;
}

/** Qualified = first purchase, or still active `retentionDays` after signup with at least `retentionMinGenerations` generations. */
export function isRetained(u: User, config: TenantConfig, at: Date): boolean {
  const day7 = u.createdAt.getTime() + config.referral.retentionDays * DAY_MS;
  return at.getTime() >= day7 && u.generationCount >= config.referral.retentionMinGenerations && !!u.lastActiveAt && u.lastActiveAt.getTime() >= day7;
}

/** Marks a referee qualified once (a zero-credit 'qualified' event) and then pays any milestone it completes. */
export async function qualify(tenantId: string, refereeId: string, via: 'purchase' | 'retention'): Promise<boolean> {
  const referee = await User.findOne({ where: { id: refereeId, tenantId }, attributes: ['id', 'referredByUserId'] });
  if (!referee?.referredByUserId) return false;
  const referrerId = referee.referredByUserId;
  const ev = await awardOnce(async (t) => {
    const state = await attributionState(refereeId, t);
    const e = await recordAward(t, {
      tenantId, type: 'qualified', referrerUserId: referrerId, refereeUserId: refereeId, beneficiaryUserId: referrerId, creditsMilli: 0,
      uniqueKey: `qualified:${refereeId}`, holdReason: state?.holdReason, rejected: state?.rejected, note: `Qualified by ${via}`,
    });
    await track(tenantId, refereeId, 'referral_qualified', { referrerId, via, status: e.status }, t);
    return e;
  });
  if (ev?.status === 'counted') await evaluateMilestones(tenantId, referrerId);
  return !!ev;
}

/**
 * +milestoneBonus for every `milestoneEvery` counted qualified referees: milestone n exists once
 * (milestone:<referrer>:<n>). The referrer row is locked so two qualifications finishing together
 * count once; a referrer whose referees mostly never generate gets the milestone held for review.
 */
export async function evaluateMilestones(tenantId: string, referrerId: string): Promise<number> {
  const config = await getTenantConfig(tenantId);
  const every = config.referral.milestoneEvery;
  if (!(every > 0)) return 0;
  const at = now();
  const made = await awardOnce(async (t) => {
    await User.findOne({ where: { id: referrerId, tenantId }, lock: t.LOCK.UPDATE, transaction: t, attributes: ['id'] });
    const qualified = await ReferralEvent.count({ where: { referrerUserId: referrerId, type: 'qualified', status: 'counted' }, transaction: t });
    const existing = await ReferralEvent.count({ where: { referrerUserId: referrerId, type: 'milestone' }, transaction: t });
    // Referees beyond the lifetime cap count for nothing, milestones included.
    const reached = Math.floor(Math.min(qualified, config.referral.lifetimeCapReferrals) / every);
    if (reached <= existing) return 0;
    const anomaly = await anomalyOf(referrerId, config, at, t);
    for (let n = existing + 1; n <= reached; n++) {
      const e = await recordAward(t, {
        tenantId, type: 'milestone', referrerUserId: referrerId, refereeUserId: null, beneficiaryUserId: referrerId,
        creditsMilli: config.referral.milestoneBonusMilli, uniqueKey: `milestone:${referrerId}:${n}`,
        holdReason: anomaly.flagged ? 'anomaly_inactive_referees' : null, note: `Referral milestone ${n * every} qualified signups`,
      });
      await track(tenantId, referrerId, 'referral_milestone_awarded', { milestone: n, qualified: n * every, status: e.status, credits: e.creditsAwarded / 1000 }, t);
    }
    return reached - existing;
  });
  return made ?? 0;
}

/**
 * The daily safety net: referees who reached 7-day retention (nobody emits an event for the passing
 * of time) and purchases whose hook was missed. Referees older than `lookbackDays` are no longer checked.
 */
export async function runDailyReferralEvaluation(opts: { lookbackDays?: number; batch?: number } = {}) {
  const at = now();
  const { sequelize } = services().db;
  const lookback = opts.lookbackDays ?? 60;
  const batch = opts.batch ?? 500;
  let qualified = 0;
  let lastId = '';
  for (;;) {
    const rows = await User.findAll({
      where: {
        id: { [Op.gt]: lastId, [Op.notIn]: sequelize.literal("(SELECT referee_user_id FROM referral_events WHERE type = 'qualified' AND referee_user_id IS NOT NULL)") },
        referredByUserId: { [Op.ne]: null },
        createdAt: { [Op.gte]: new Date(at.getTime() - lookback * DAY_MS) },
      },
      order: [['id', 'ASC']], limit: batch,
    });
    if (!rows.length) break;
    lastId = rows[rows.length - 1]!.id;
    for (const u of rows) {
      try {
        const config = await getTenantConfig(u.tenantId);
        if (u.firstPurchaseAt && (await qualify(u.tenantId, u.id, 'purchase'))) qualified++;
        else if (isRetained(u, config, at) && (await qualify(u.tenantId, u.id, 'retention'))) qualified++;
      } catch (err) {
        logger().warn({ err, userId: u.id }, 'referral evaluation failed for a referee');
      }
    }
    if (rows.length < batch) break;
  }
  // Milestones whose evaluation was interrupted (a crash between qualifying and the milestone transaction).
  const referrers = (await sequelize.query(
    "SELECT DISTINCT tenant_id AS tenantId, referrer_user_id AS referrerId FROM referral_events WHERE type = 'qualified' AND status = 'counted' AND created_at >= :since",
    { type: QueryTypes.SELECT, replacements: { since: new Date(Date.now() - 2 * DAY_MS) } },
  )) as { tenantId: string; referrerId: string }[];
  let milestones = 0;
  for (const r of referrers) milestones += await evaluateMilestones(r.tenantId, r.referrerId);
  return { qualified, milestones };
}
