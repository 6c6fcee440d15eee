import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import type { ClaimReferralResponse, GetMyReferralsResponse } from '../types.js';

export class Referrals {
  constructor(private readonly http: HttpCore) {}

  /** The caller's code, share link and counts. */
  me(opts?: RequestOptions): StudioPromise<GetMyReferralsResponse> {
    return this.http.call('getMyReferrals', {}, opts);
  }

  /** Attributes the caller to a referrer (within 24 h of signup, before the first generation). */
  claim(code: string, opts?: RequestOptions): StudioPromise<ClaimReferralResponse> {
    return this.http.call('claimReferral', { body: { code } }, opts);
  }
}
