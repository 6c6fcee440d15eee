import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Post, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { moderate, moderationQueue, type ModerationItem, type ModerationResult } from '../operations/community/moderation.js';
import type { Problem } from './problem.js';

export interface ModerationQueue { items: ModerationItem[]; nextCursor?: string }
export interface ModerationRequest {
  postId: string;
  /** hide/delete uphold the open reports; unhide/dismiss reject them (dismiss also restores a post auto-hidden by reports). */
  action: 'hide' | 'unhide' | 'delete' | 'dismiss';
  /** Why (1..1000 characters); kept in the audit log and shown to the author. */
  note: string;
}

@Route('api/admin/moderation')
@Tags('Admin')
@Security('jwt', ['admin', 'moderator'])
export class AdminModerationController extends Controller {
  /**
   * Posts with open reports, grouped per post, oldest first.
   * @summary List the moderation queue
   */
  @Get()
  @OperationId('adminListModeration')
  @Response<Problem>(403, 'forbidden')
  public async queue(@Request() req: ExRequest, @Query() limit?: number, @Query() cursor?: string): Promise<ModerationQueue> {
    return moderationQueue(req.user as Principal, limit, cursor);
  }

  /**
   * Acts on a post: hide, unhide, delete or dismiss its reports. Audited; the author is notified.
   * @summary Act on a reported post
   */
  @Post()
  @OperationId('adminModerate')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found') @Response<Problem>(409, 'conflict')
  public async act(@Request() req: ExRequest, @Body() body: ModerationRequest): Promise<ModerationResult> {
    return moderate(req.user as Principal, body);
  }
}
