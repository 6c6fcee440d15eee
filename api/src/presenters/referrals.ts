import type { ReferralEvent } from '../models/index.js';
import type { ReviewSignals } from '../referrals/review-signals.js';

export interface ReferralMeView {
  code: string;
  /** The partner's site with ?ref=CODE. */
  shareLink: string;
  /** Users attributed to you. */
  signups: number;
  /** Referees who qualified (first purchase, or 7-day retention with enough generations) and count toward milestones. */
  qualifiedSignups: number;
  /** Your referral awards waiting for an admin review. */
  pendingReview: number;
  /** Credits paid to you for referring others. */
  creditsEarned: number;
  nextMilestone: { qualifiedNeeded: number; reward: number };
  referredBy?: { name?: string };
}
export interface ClaimResponse { status: 'awarded' | 'held'; creditsAwarded: number; referrerName?: string }

export interface ReviewUser { id: string; name?: string }
export interface ReviewItemView {
  id: string;
  type: 'signup' | 'first_generation' | 'qualified' | 'milestone';
  status: 'paid' | 'counted' | 'held' | 'rejected' | 'capped';
  holdReason?: string;
  /** Credits the award pays when approved. */
  credits: number;
  referrer: ReviewUser;
  referee?: ReviewUser;
  beneficiary: ReviewUser;
  /** Signals on the referrer: referees older than a day who never generated. */
  anomaly: { flagged: boolean; referees: number; inactiveReferees: number; inactiveShare: number };
  reviewNote?: string;
  reviewedAt?: string;
  createdAt: string;
}
export interface ReviewActionResponse { item: ReviewItemView; cascaded: string[] }

/** One award as the review queue shows it (users by their partner id, the referrer's anomaly signals). */
export function presentReviewItem(r: ReferralEvent, { users, anomalies }: ReviewSignals): ReviewItemView {
  const who = (id: string) => ({ id: users.get(id)?.sub ?? id, name: users.get(id)?.name ?? undefined });
  return {
    id: r.id, type: r.type as ReviewItemView['type'], status: r.status as ReviewItemView['status'], holdReason: r.holdReason ?? undefined,
    credits: r.creditsAwarded / 1000, referrer: who(r.referrerUserId), referee: r.refereeUserId ? who(r.refereeUserId) : undefined,
    beneficiary: who(r.beneficiaryUserId), anomaly: anomalies.get(r.referrerUserId)!, reviewNote: r.reviewNote ?? undefined,
    reviewedAt: r.reviewedAt?.toISOString(), createdAt: r.createdAt.toISOString(),
  };
}
