import { ReferralEvent, User } from '../../models/index.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import type { Principal } from '../../auth/principal.js';
import type { ReferralMeView } from '../../presenters/referrals.js';
import { shareLinkFor } from '../../referrals/share-link.js';

/** The caller's referral code, share link and counters. */
export async function referralMe(p: Principal): Promise<ReferralMeView> {
  const config = await getTenantConfig(p.tenantId);
  const me = await User.findByPk(p.userId, { attributes: ['id', 'referralCode', 'referredByUserId'] });
  const [signups, qualified, pendingReview, earned, referrer] = await Promise.all([
    User.count({ where: { referredByUserId: p.userId, tenantId: p.tenantId } }),
    ReferralEvent.count({ where: { referrerUserId: p.userId, type: 'qualified', status: 'counted' } }),
    ReferralEvent.count({ where: { referrerUserId: p.userId, status: 'held' } }),
    ReferralEvent.sum('creditsAwarded', { where: { referrerUserId: p.userId, beneficiaryUserId: p.userId, status: 'paid' } }),
    me?.referredByUserId ? User.findByPk(me.referredByUserId, { attributes: ['name'] }) : Promise.resolve(null),
  ]);
  const every = Math.max(1, config.referral.milestoneEvery);
  return {
    code: me!.referralCode,
    shareLink: await shareLinkFor(p.tenantId, me!.referralCode),
    signups,
    qualifiedSignups: qualified,
    pendingReview,
    creditsEarned: Number(earned ?? 0) / 1000,
    nextMilestone: { qualifiedNeeded: every - (qualified % every), reward: config.referral.milestoneBonusMilli / 1000 },
    referredBy: referrer ? { name: referrer.name ?? undefined } : undefined,
  };
}

