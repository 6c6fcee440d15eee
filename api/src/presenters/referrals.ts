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
export interface ClaimRequest { code: string }
export interface ClaimResponse { status: 'awarded' | 'held'; creditsAwarded: number; referrerName?: string }

export interface ReviewUser { id: string; name?: string }
export interface ReviewItemView {
  id: string;
  type: 'signup' | 'first_generation' | 'qualified' | 'milestone';
  status: 'paid' | 'counted' | 'held' | 'rejected';
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
export interface ReviewActionRequest {
  id: string;
  action: 'approve' | 'reject';
  note?: string;
}
export interface ReviewActionResponse { item: ReviewItemView; cascaded: string[] }
