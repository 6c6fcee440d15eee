import type { Request as ExRequest } from 'express';
import { Body, Controller, OperationId, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Caller } from '../auth/principal.js';
import { fileTakedown, type TakedownBody, type TakedownTicket } from '../operations/community/takedowns.js';
import type { Problem } from './problem.js';

@Route('api/public')
@Tags('Community')
export class TakedownsController extends Controller {
  /**
   * Anyone (no account needed: without a token, or signed in) asks the partner to take a post down: by post id or link, with a reason and a
   * contact email. Answers a ticket id; the request waits in the moderators' queue. Limited per address
   * (or per signed-in user; 5 an hour per partner). Name the partner with `X-Partner-Key` when the deployment has several.
   * @summary Request a takedown
   */
  @Post('takedown')
  @OperationId('requestTakedown')
  @Security('jwt') @Security('visitor', ['public'])
  @SuccessResponse(202, 'Ticket opened')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(404, 'not_found') @Response<Problem>(429, 'rate_limited')
  public async takedown(@Request() req: ExRequest, @Body() body: TakedownBody): Promise<TakedownTicket> {
    this.setStatus(202);
    return fileTakedown(req.user as Caller, body);
  }
}
