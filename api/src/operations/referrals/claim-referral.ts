import { attribute } from '../../referrals/attribution.js';
import type { ClaimResponse } from '../../presenters/referrals.js';
import type { Principal } from '../../auth/principal.js';

export interface ClaimRequest { code: string }

/**
 * A signed-in user claims a referral code within the claim window and before a first generation
 * (the rules are in referrals/attribution.ts, shared with the `ref` claim of a first token).
 */
export async function claimReferral(p: Principal, body: ClaimRequest): Promise<ClaimResponse> {
  const r = await attribute(p.tenantId, p.userId, body.code, 'claim');
  return { status: r.status, creditsAwarded: r.creditsAwarded, referrerName: r.referrerName };
}
