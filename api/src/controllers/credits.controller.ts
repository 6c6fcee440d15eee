import type { Request as ExRequest } from 'express';
import { Controller, Get, OperationId, Request, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { getBalance, type BalanceView } from '../operations/credits/get-balance.js';

@Route('api/credits')
@Tags('Credits')
export class CreditsController extends Controller {
  /**
   * Balance in credits, what was spent this calendar month and what the partner's monthly cap leaves.
   * @summary Get my credit balance
   */
  @Get('balance')
  @OperationId('getBalance')
  @Security('jwt')
  public async balance(@Request() req: ExRequest): Promise<BalanceView> {
    return getBalance(req.user as Principal);
  }
}
