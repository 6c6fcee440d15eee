import type { Request as ExRequest } from 'express';
import { Body, Controller, OperationId, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { grantCredits } from '../operations/credits/grant-credits.js';
import type { Problem } from './problem.js';

export interface GrantRequest {
  /** The partner's user id (the token's sub). */
  userId: string;
  /** Credits to add (negative to take back, never below zero), at most 3 decimals. */
  credits: number;
  note: string;
}
export interface GrantResponse { grantId: string; userId: string; credits: number; balance: number }

@Route('api/admin/credits')
@Tags('Admin')
export class AdminCreditsController extends Controller {
  /**
   * Adds credits to a user of the partner (or removes them with a negative amount, never below a zero balance) through the ledger, with a note. Audited.
   * @summary Grant or claw back credits
   */
  @Post('grant')
  @OperationId('adminGrantCredits')
  @Security('jwt', ['admin', 'finance'])
  @SuccessResponse(200, 'Granted')
  @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found') @Response<Problem>(402, 'insufficient_credits (claw-back below zero)')
  public async grant(@Request() req: ExRequest, @Body() body: GrantRequest): Promise<GrantResponse> {
    return grantCredits(req.user as Principal, body);
  }
}
