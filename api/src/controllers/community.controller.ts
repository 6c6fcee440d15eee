import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, OperationId, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Caller, Principal } from '../auth/principal.js';
import { getPost, publishPost, unpublishPost } from '../operations/community/posts.js';
import { feed } from '../operations/community/feed.js';
import { toggleLike } from '../operations/community/likes.js';
import { reportPost } from '../operations/community/reports.js';
import { openRemix, recordRemix } from '../operations/community/remix.js';
import type { CardView, PostView } from '../presenters/community.js';
import type { Problem } from './problem.js';
import { requireFeature } from '../operations/partner/require-feature.js';

export interface PublishRequest {
  imageId: string;
  /** 1 to 120 characters. */
  title: string;
  /** An active category of the partner. */
  categoryId: string;
  /** At most 10 tags of at most 32 characters; stored lower-cased. */
  tags?: string[];
  visibility: 'public' | 'private';
  /** Paying users: keep (true) or remove (false) the watermark on the public image; defaults to the image's setting. Free users always get it. */
  watermark?: boolean;
}
export interface PublishResponse { postId: string }
export interface FeedResponse { items: CardView[]; nextCursor?: string }
export interface LikeResponse { liked: boolean; likes: number }
export interface ReportRequest {
  /** spam, nudity, violence, hate, copyright, misleading or other; any other words (1..200 characters) are filed as other with the words kept. */
  reason: string;
  /** Free text, at most 1000 characters. */
  details?: string;
}
export interface ReportResponse {
  reportId: string; status: 'open';
  /** True when the caller already had an open report on this post (it is returned, not counted again). */
  duplicate: boolean;
  postHidden: boolean;
}
export interface RemixOpenResponse { templatePrompt: string; enhancedPrompt: string; sourcePostId: string; categoryId: string; tier?: string; templateId?: string }
export interface RemixRecordRequest { generatedImageId: string }
export interface RemixRecordResponse {
  rewarded: boolean;
  /** Credits paid to the creator for this remix (0 when capped, a repeat remixer or the creator's own remix). */
  rewardCredits: number;
  /** Credits the creator has earned from this post so far (at most the per-asset cap). */
  creatorTotalForAsset: number;
  reuseEventId: string;
}

@Route('api/community')
@Tags('Community')
export class CommunityController extends Controller {
  /**
   * Publishes one of the caller's succeeded images. The public rendition follows the watermark rules.
   * @summary Publish an image to the community
   */
  @Post('publish')
  @OperationId('publish')
  @Security('jwt')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(404, 'not_found (not your image)') @Response<Problem>(409, 'conflict (already published)')
  @Response<Problem>(403, 'feature_disabled (community is switched off)')
  public async publish(@Request() req: ExRequest, @Body() body: PublishRequest): Promise<PublishResponse> {
    await requireFeature((req.user as Caller).tenantId, 'community');
    const r = await publishPost(req.user as Principal, body);
    this.setStatus(201);
    return r;
  }

  /**
   * The feed: public, listed posts. `sort=trending` (default) or `latest`; the cursor is opaque and keeps its walk
   * stable while posts, likes and remixes arrive. `limit` 1..100, pages capped at feed.maxPageSize (50). Visitors may read it when the partner allows.
   * @summary Read the community feed
   */
  @Get('feed')
  @OperationId('getFeed')
  @Security('jwt') @Security('visitor')
  @Response<Problem>(400, 'validation_error (bad limit, sort or tampered cursor)') @Response<Problem>(401, 'unauthorized')
  @Response<Problem>(403, 'feature_disabled (community is switched off)')
  public async feed(@Request() req: ExRequest, @Query() sort?: 'trending' | 'latest', @Query() categoryId?: string, @Query() limit?: number,
    @Query() cursor?: string): Promise<FeedResponse> {
    await requireFeature((req.user as Caller).tenantId, 'community');
    return feed(req.user as Caller, { sort, categoryId, limit, cursor });
  }

  /**
   * One post. Private and hidden posts are visible to their author only.
   * @summary Get one post
   */
  @Get('posts/{postId}')
  @OperationId('getPost')
  @Security('jwt') @Security('visitor')
  @Response<Problem>(404, 'not_found')
  @Response<Problem>(403, 'feature_disabled (community is switched off)')
  public async getPost(@Request() req: ExRequest, @Path() postId: string): Promise<PostView> {
    await requireFeature((req.user as Caller).tenantId, 'community');
    return getPost(req.user as Caller, postId);
  }

  /**
   * The author unpublishes a post (the image stays in My Creations and may be published again).
   * @summary Unpublish a post
   */
  @Delete('posts/{postId}')
  @OperationId('unpublishPost')
  @Security('jwt')
  @SuccessResponse(204, 'Unpublished')
  @Response<Problem>(404, 'not_found')
  public async unpublish(@Request() req: ExRequest, @Path() postId: string): Promise<void> {
    await unpublishPost(req.user as Principal, postId);
    this.setStatus(204);
  }

  /**
   * Toggles the caller's like.
   * @summary Like or unlike a post
   */
  @Post('{postId}/like')
  @OperationId('likePost')
  @Security('jwt')
  @Response<Problem>(404, 'not_found') @Response<Problem>(429, 'rate_limited')
  @Response<Problem>(403, 'feature_disabled (community is switched off)')
  public async like(@Request() req: ExRequest, @Path() postId: string): Promise<LikeResponse> {
    await requireFeature((req.user as Caller).tenantId, 'community');
    return toggleLike(req.user as Principal, postId);
  }

  /**
   * Reports a post. A second report by the same user while the first is open is answered with the first (idempotent).
   * @summary Report a post
   */
  @Post('{postId}/report')
  @OperationId('reportPost')
  @Security('jwt')
  @SuccessResponse(202, 'Accepted')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(404, 'not_found') @Response<Problem>(429, 'rate_limited')
  @Response<Problem>(403, 'feature_disabled (community is switched off)')
  public async report(@Request() req: ExRequest, @Path() postId: string, @Body() body: ReportRequest): Promise<ReportResponse> {
    await requireFeature((req.user as Caller).tenantId, 'community');
    const r = await reportPost(req.user as Principal, postId, body);
    this.setStatus(202);
    return r;
  }

  /**
   * The post's prompt and an enhanced version to prefill the Studio. Costs nothing; remember to call remix/record after generating.
   * @summary Open a post for remixing
   */
  @Post('{postId}/remix/open')
  @OperationId('openRemix')
  @Security('jwt')
  @Response<Problem>(404, 'not_found')
  @Response<Problem>(403, 'feature_disabled (remix is switched off)')
  public async remixOpen(@Request() req: ExRequest, @Path() postId: string): Promise<RemixOpenResponse> {
    await requireFeature((req.user as Caller).tenantId, 'remix');
    return openRemix(req.user as Principal, postId);
  }

  /**
   * Records the caller's generated image as a remix of the post and rewards the creator (caps apply). Repeating it changes nothing.
   * @summary Record a remix and reward the creator
   */
  @Post('{postId}/remix/record')
  @OperationId('recordRemix')
  @Security('jwt')
  @Response<Problem>(400, 'validation_error (image not succeeded/billable, or made before remix/open)') @Response<Problem>(404, 'not_found')
  @Response<Problem>(409, 'conflict (image recorded for another post)')
  @Response<Problem>(403, 'feature_disabled (remix is switched off)')
  public async remixRecord(@Request() req: ExRequest, @Path() postId: string, @Body() body: RemixRecordRequest): Promise<RemixRecordResponse> {
    await requireFeature((req.user as Caller).tenantId, 'remix');
    return recordRemix(req.user as Principal, postId, body);
  }
}
