import { ReferralEvent, User } from '../models/index.js';
import { services } from '../context.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { tenantById } from '../tenants/tenants.js';
import type { Principal } from '../auth/principal.js';
import type { ReferralMeView } from '../presenters/referrals.js';

/** The partner's site (where signups happen) with ?ref=CODE; the API's public URL when the partner set none. */
export async function shareLinkFor(tenantId: string, code: string): Promise<string> {
  const site = (await tenantById(tenantId))?.siteUrl || services().config.publicUrl;
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    url = new URL(services().config.publicUrl);
  }
  url.searchParams.set('ref', code);
  return url.toString();
}

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

