import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Path, Post, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { decideAppeal, listAppeals, type AppealDecision, type AppealView } from '../operations/community/appeals.js';
import { decideTakedown, listTakedowns, type TakedownDecision, type TakedownView } from '../operations/community/takedowns.js';
import type { Problem } from './problem.js';

export interface AppealPage { items: AppealView[]; nextCursor?: string }
export interface AppealDecisionResult { appealId: string; status: 'open' | 'upheld' | 'reversed'; postStatus: string }
export interface TakedownPage { items: TakedownView[]; nextCursor?: string }
export interface TakedownDecisionResult { ticketId: string; status: 'open' | 'actioned' | 'rejected'; postStatus?: string }

@Route('api/admin/moderation')
@Tags('Admin')
@Security('jwt', ['admin', 'moderator'])
export class AdminAppealsController extends Controller {
  /**
   * Authors' appeals against moderation actions (open ones by default), oldest first, with the post and the appealed
   * action's note. Roles: admin, moderator.
   * @summary List moderation appeals
   */
  @Get('appeals')
  @OperationId('adminListAppeals')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden')
  public async appeals(@Request() req: ExRequest, @Query() status?: 'open' | 'upheld' | 'reversed', @Query() limit?: number,
    @Query() cursor?: string): Promise<AppealPage> {
    return listAppeals(req.user as Principal, { status, limit, cursor });
  }

  /**
   * Upholds the appealed action or reverses it (the post is restored as its author published it). Audited; the
   * author is notified. Roles: admin, moderator.
   * @summary Decide an appeal
   */
  @Post('appeals/{appealId}')
  @OperationId('adminDecideAppeal')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found') @Response<Problem>(409, 'conflict (already decided)')
  public async decideAppeal(@Request() req: ExRequest, @Path() appealId: string, @Body() body: AppealDecision): Promise<AppealDecisionResult> {
    return decideAppeal(req.user as Principal, appealId, body);
  }

  /**
   * Takedown requests filed without an account (open ones by default), oldest first, with the post they name.
   * Roles: admin, moderator.
   * @summary List takedown requests
   */
  @Get('takedowns')
  @OperationId('adminListTakedowns')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden')
  public async takedowns(@Request() req: ExRequest, @Query() status?: 'open' | 'actioned' | 'rejected', @Query() limit?: number,
    @Query() cursor?: string): Promise<TakedownPage> {
    return listTakedowns(req.user as Principal, { status, limit, cursor });
  }

  /**
   * Hides or deletes the post a takedown request names (a moderation action: audited, the author notified and able to
   * appeal) or rejects the request. Roles: admin, moderator.
   * @summary Decide a takedown request
   */
  @Post('takedowns/{ticketId}')
  @OperationId('adminDecideTakedown')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found') @Response<Problem>(409, 'conflict (already decided)')
  public async decideTakedown(@Request() req: ExRequest, @Path() ticketId: string, @Body() body: TakedownDecision): Promise<TakedownDecisionResult> {
    return decideTakedown(req.user as Principal, ticketId, body);
  }
}
