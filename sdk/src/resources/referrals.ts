import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import type { ClaimReferralResponse, GetMyReferralsResponse } from '../types.js';
import { registerOperations, type OperationDef } from '../operations-core.js';

/** This resource's operations, known to `HttpCore` once the resource is built (operations.ts registers them too). */
export const referralsOperations = [
  { name: 'getMyReferrals', method: 'GET', path: '/api/referrals/me' },
  { name: 'claimReferral', method: 'POST', path: '/api/referrals/claim' },
] as const satisfies readonly OperationDef[];

export class Referrals {
  constructor(private readonly http: HttpCore) {
    registerOperations(referralsOperations);
  }

  /** The caller's code, share link and counts. */
  me(opts?: RequestOptions): StudioPromise<GetMyReferralsResponse> {
    return this.http.call('getMyReferrals', {}, opts);
  }

  /** Attributes the caller to a referrer (within 24 h of signup, before the first generation). */
  claim(code: string, opts?: RequestOptions): StudioPromise<ClaimReferralResponse> {
    return this.http.call('claimReferral', { body: { code } }, opts);
  }
}
