import { User } from '../models/index.js';
import { AppError, invalid, notFound } from '../errors.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { track } from '../analytics/track.js';
import { awardOnce, recordAward } from './awards.js';
import { isUniqueViolation } from '../db.js';
import { holdReasonFor } from './fraud.js';
import { HOUR_MS, now } from '../util/clock.js';

export type AttributionSource = 'token' | 'claim';
export interface AttributionResult { status: 'awarded' | 'held'; creditsAwarded: number; referrerName?: string; eventId: string }

export function normalizeCode(raw: unknown): string {
  if (typeof raw !== 'string') throw invalid('code', 'must be a string');
  const code = raw.trim().toUpperCase();
  if (!/^[A-Z0-9]{4,16}$/.test(code)) throw invalid('code', 'a referral code is 4 to 16 letters and digits');
  return code;
}

/**
 * Links a new user to the referrer whose code it brought, and pays (or holds) the referee's signup
 * bonus, all in one transaction with the referee row locked, so two claims at once attribute once.
 * 400 for a code that cannot be used (unknown, one's own, malformed); 409 when the user can no longer
 * be attributed (already attributed, past the claim window, already generated).
 */
export async function attribute(tenantId: string, refereeId: string, rawCode: unknown, source: AttributionSource): Promise<AttributionResult> {
  const code = normalizeCode(rawCode);
  const config = await getTenantConfig(tenantId);
  const at = now();
  let referrerName: string | undefined;
  const res = await awardOnce(async (t) => {
    const referee = await User.findOne({ where: { id: refereeId, tenantId }, lock: t.LOCK.UPDATE, transaction: t });
    if (!referee) throw notFound('user');
    if (referee.referredByUserId) throw new AppError('conflict', 'You have already been referred; a referral code can be used once.');
    if (source === 'claim') {
      if (at.getTime() - referee.createdAt.getTime() > config.referral.claimWindowHours * HOUR_MS) {
        throw new AppError('conflict', `Referral codes can be claimed within ${config.referral.claimWindowHours} hours of signing up.`);
      }
      if (referee.firstGenerationAt || referee.generationCount > 0) {
        throw new AppError('conflict', 'Referral codes must be claimed before your first generation.');
      }
    }
    const referrer = await User.findOne({ where: { tenantId, referralCode: code }, transaction: t });
    if (!referrer) throw invalid('code', 'no user has this referral code');
    if (referrer.id === referee.id) throw invalid('code', 'you cannot use your own referral code');
    if (referrer.referredByUserId === referee.id) throw invalid('code', 'two users cannot refer each other');
    referrerName = referrer.name ?? undefined;
    await referee.update({ referredByUserId: referrer.id, referralClaimedAt: at }, { transaction: t });
    const holdReason = await holdReasonFor(t, referrer, referee, config, at);
    const ev = await recordAward(t, {
      tenantId, type: 'signup', referrerUserId: referrer.id, refereeUserId: referee.id, beneficiaryUserId: referee.id,
      creditsMilli: config.referral.refereeBonusMilli, uniqueKey: `signup:${referee.id}`, holdReason, note: 'Referral signup bonus',
    });
    await track(tenantId, referee.id, 'referral_signup', { referrerId: referrer.id, source, status: ev.status, holdReason }, t);
    if (ev.status === 'paid') await track(tenantId, referee.id, 'reward_credited', { kind: 'referral_signup', credits: ev.creditsAwarded / 1000 }, t);
    return ev;
  });
  if (!res) throw new AppError('conflict', 'You have already been referred; a referral code can be used once.');
  return {
    status: res.status === 'held' ? 'held' : 'awarded', creditsAwarded: res.status === 'paid' ? res.creditsAwarded / 1000 : 0, referrerName,
    eventId: res.id,
  };
}

/** The `ref` claim of a user's first token: attributed quietly; a bad code is ignored, never an error for the sign-in. */
export async function attributeFromToken(tenantId: string, refereeId: string, ref: unknown) {
  if (typeof ref !== 'string' || !ref.trim()) return undefined;
  try {
    return await attribute(tenantId, refereeId, ref, 'token');
  } catch (err) {
    if (err instanceof AppError || isUniqueViolation(err)) return undefined;
    throw err;
  }
}
