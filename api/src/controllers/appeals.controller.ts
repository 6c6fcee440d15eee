import type { Request as ExRequest } from 'express';
import { Body, Controller, OperationId, Path, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { fileAppeal, type AppealBody, type AppealTicket } from '../operations/community/appeals.js';
import type { Problem } from './problem.js';

@Route('api/community')
@Tags('Community')
export class AppealsController extends Controller {
  /**
   * The author appeals the moderation action in force on its post (hidden or removed by a moderator), once per
   * action; a moderator upholds or reverses it and the author is notified.
   * @summary Appeal a moderation decision
   */
  @Post('{postId}/appeal')
  @OperationId('appealModeration')
  @Security('jwt')
  @SuccessResponse(201, 'Appeal filed')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'account_suspended') @Response<Problem>(404, 'not_found')
  @Response<Problem>(409, 'conflict (nothing to appeal, or already appealed)')
  public async appeal(@Request() req: ExRequest, @Path() postId: string, @Body() body: AppealBody): Promise<AppealTicket> {
    this.setStatus(201);
    return fileAppeal(req.user as Principal, postId, body);
  }
}
