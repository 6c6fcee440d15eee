import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Post, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { listReview } from '../operations/referrals/list-review.js';
import { actOnReview, type ReviewActionRequest } from '../operations/referrals/act-on-review.js';
import type { ReviewActionResponse, ReviewItemView } from '../presenters/referrals.js';
import type { Problem } from './problem.js';

export interface ReviewPage { items: ReviewItemView[]; nextCursor?: string }

@Route('api/admin/referrals')
@Tags('Admin')
export class AdminReferralsController extends Controller {
  /**
   * Referral awards held for review (or another status), oldest first, with the referrer's anomaly flag.
   * @summary List referral awards held for review
   */
  @Get('review')
  @OperationId('adminListReferralReviews')
  @Security('jwt', ['admin', 'finance'])
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden')
  public async list(@Request() req: ExRequest, @Query() status?: 'held' | 'paid' | 'counted' | 'rejected' | 'capped', @Query() limit?: number,
    @Query() cursor?: string): Promise<ReviewPage> {
    return listReview(req.user as Principal, { status, limit, cursor });
  }

  /**
   * Approve (pays once through the ledger) or reject a held award; audited.
   * @summary Approve or reject a held referral award
   */
  @Post('review')
  @OperationId('adminReviewReferral')
  @Security('jwt', ['admin', 'finance'])
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  @Response<Problem>(409, 'conflict (already decided)')
  public async act(@Request() req: ExRequest, @Body() body: ReviewActionRequest): Promise<ReviewActionResponse> {
    return actOnReview(req.user as Principal, body);
  }
}
