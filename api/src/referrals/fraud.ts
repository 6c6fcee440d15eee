import { Op, type Transaction } from 'sequelize';
import { User } from '../models/index.js';
import type { TenantConfig } from '../tenants/tenant-config.js';
import { DAY_MS, HOUR_MS } from '../util/clock.js';
import { sameIp } from '../util/pseudonym.js';

/**
 * Heuristics that HOLD a referral for review instead of paying it (spec 4.4 and 9). They never refuse:
 * a shared device or IP is often innocent (a family, an office NAT), so a person decides.
 * Called inside the attribution transaction after the referee row got its referrer, so the velocity
 * count includes this attribution.
 */
export async function holdReasonFor(t: Transaction, referrer: User, referee: User, config: TenantConfig, at: Date): Promise<string | null> {
  const reasons: string[] = [];
  if (referee.deviceId && (referee.deviceId === referrer.deviceId)) reasons.push('shared_device');
  // Old addresses are kept only as keyed hashes (privacy/retention.ts): sameIp compares raw with hashed.
  if ([referrer.signupIp, referrer.lastIp].some((ip) => sameIp(referee.signupIp, ip))) reasons.push('shared_ip');
  if (referee.deviceId) {
    // One device signing up several referees of the same referrer: an account farm.
    const sameDevice = await User.count({
      where: { referredByUserId: referrer.id, deviceId: referee.deviceId, id: { [Op.ne]: referee.id } }, transaction: t,
    });
    if (sameDevice > 0) reasons.push('device_reused_by_referees');
  }
  const { maxSignupsPerHour, maxSignupsPerDay } = config.referral;
  const since = (ms: number) => User.count({
    where: { referredByUserId: referrer.id, referralClaimedAt: { [Op.gt]: new Date(at.getTime() - ms) } }, transaction: t,
  });
  if (maxSignupsPerHour > 0 && (await since(HOUR_MS)) > maxSignupsPerHour) reasons.push('velocity_hour');
  else if (maxSignupsPerDay > 0 && (await since(DAY_MS)) > maxSignupsPerDay) reasons.push('velocity_day');
  return reasons.length ? reasons.join(',') : null;
}

export interface Anomaly { referees: number; inactiveReferees: number; inactiveShare: number; flagged: boolean }

/**
 * Referees who never generate are the signature of fake signups. Only referees older than a day are
 * counted, so a burst of genuine new signups is not flagged before they had a chance to try the studio.
 */
export async function anomalyOf(referrerId: string, config: TenantConfig, at: Date, t?: Transaction): Promise<Anomaly> {
  const settled = { referredByUserId: referrerId, createdAt: { [Op.lte]: new Date(at.getTime() - DAY_MS) } };
  const referees = await User.count({ where: settled, transaction: t });
  const inactiveReferees = referees ? await User.count({ where: { ...settled, generationCount: 0 }, transaction: t }) : 0;
  const inactiveShare = referees ? inactiveReferees / referees : 0;
  const { anomalyMinReferees, anomalyInactiveShare } = config.referral;
  return { referees, inactiveReferees, inactiveShare, flagged: referees >= anomalyMinReferees && inactiveShare >= anomalyInactiveShare };
}
