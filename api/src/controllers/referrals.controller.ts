import { Readable } from 'node:stream';
import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Path, Post, Produces, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Caller, Principal } from '../auth/principal.js';
import { claimReferral, type ClaimRequest } from '../operations/referrals/claim-referral.js';
import { referralMe } from '../operations/referrals/get-my-referrals.js';
import { referralPoster } from '../operations/referrals/make-referral-poster.js';
import type { ClaimResponse, ReferralMeView } from '../presenters/referrals.js';
import type { Problem } from './problem.js';
import { requireFeature } from '../operations/partner/require-feature.js';

@Route('api/referrals')
@Tags('Referrals')
export class ReferralsController extends Controller {
  /**
   * Your referral code, share link and counters.
   * @summary Get my referral code and counters
   */
  @Get('me')
  @OperationId('getMyReferrals')
  @Security('jwt')
  @Response<Problem>(403, 'feature_disabled (referrals is switched off)')
  public async me(@Request() req: ExRequest): Promise<ReferralMeView> {
    await requireFeature((req.user as Caller).tenantId, 'referrals');
    return referralMe(req.user as Principal);
  }

  /**
   * Attributes you to a referrer within the claim window (24 h by default) and before your first generation.
   * 400 validation_error: malformed, unknown or your own code. 409 conflict: already referred, window closed, already generated.
   * A suspicious referral (shared device or IP, velocity) is `held` for review instead of paid.
   * @summary Claim a referral code
   */
  @Post('claim')
  @OperationId('claimReferral')
  @Security('jwt')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(409, 'conflict')
  @Response<Problem>(403, 'feature_disabled (referrals is switched off)')
  public async claim(@Request() req: ExRequest, @Body() body: ClaimRequest): Promise<ClaimResponse> {
    await requireFeature((req.user as Caller).tenantId, 'referrals');
    return claimReferral(req.user as Principal, body);
  }

  /**
   * PNG poster: the public rendition of your own succeeded image with a QR code of your referral link.
   * @summary Download a referral poster
   */
  @Get('poster/{imageId}')
  @OperationId('getReferralPoster')
  @Security('jwt')
  @Produces('image/png')
  @Response<Problem>(404, 'not_found')
  @Response<Problem>(403, 'feature_disabled (referrals is switched off)')
  public async poster(@Request() req: ExRequest, @Path() imageId: string): Promise<Readable> {
    await requireFeature((req.user as Caller).tenantId, 'referrals');
    const png = await referralPoster(req.user as Principal, imageId);
    this.setHeader('Content-Type', 'image/png');
    this.setHeader('Cache-Control', 'private, max-age=300');
    this.setHeader('Content-Disposition', `inline; filename="poster-${imageId.replace(/[^\w-]/g, '')}.png"`);
    return Readable.from([png]);
  }
}
