import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Path, Post, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { searchUsers } from '../operations/support/search-users.js';
import { getUserDetail, type AdminUserDetail } from '../operations/support/get-user-detail.js';
import { adjustUserCredits, type AdjustRequest, type AdjustResponse } from '../operations/support/adjust-user-credits.js';
import { suspendUser, unsuspendUser, type SuspendRequest, type SuspensionResponse } from '../operations/support/suspend-user.js';
import type { AdminUserSummary } from '../presenters/support.js';
import type { Problem } from './problem.js';

export interface AdminUserPage { items: AdminUserSummary[]; nextCursor?: string }

@Route('api/admin/users')
@Tags('Admin')
export class AdminUsersController extends Controller {
  /**
   * Support's lookup: users of the partner whose sub or referral code is the query, or whose sub, name or email
   * contains it; newest first, paged. Roles: admin, support, moderator, finance.
   * @summary Look users up
   */
  @Get()
  @OperationId('adminSearchUsers')
  @Security('jwt', ['admin', 'support', 'moderator', 'finance'])
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden')
  public async search(@Request() req: ExRequest, @Query() query?: string, @Query() limit?: number, @Query() cursor?: string): Promise<AdminUserPage> {
    return searchUsers(req.user as Principal, { query, limit, cursor });
  }

  /**
   * One user of the partner (by the internal id the lookup answers): balance, debt, monthly use, the ledger (paged with
   * `ledgerCursor`), recent orders, jobs and posts, referral status and holds, suspension. Roles: admin, support,
   * moderator, finance.
   * @summary Get a user's support view
   */
  @Get('{userId}')
  @OperationId('adminGetUser')
  @Security('jwt', ['admin', 'support', 'moderator', 'finance'])
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async detail(@Request() req: ExRequest, @Path() userId: string, @Query() ledgerLimit?: number, @Query() ledgerCursor?: string): Promise<AdminUserDetail> {
    return getUserDetail(req.user as Principal, userId, { ledgerLimit, ledgerCursor });
  }

  /**
   * Adds or takes credits (signed, at most 3 decimals) through the ledger with a required note; a negative amount
   * larger than the balance is refused and writes nothing. Audited. Roles: admin, finance.
   * @summary Adjust a user's balance
   */
  @Post('{userId}/adjust')
  @OperationId('adminAdjustUser')
  @Security('jwt', ['admin', 'finance'])
  @Response<Problem>(400, 'validation_error') @Response<Problem>(402, 'insufficient_credits (would overdraw)') @Response<Problem>(403, 'forbidden')
  @Response<Problem>(404, 'not_found')
  public async adjust(@Request() req: ExRequest, @Path() userId: string, @Body() body: AdjustRequest): Promise<AdjustResponse> {
    return adjustUserCredits(req.user as Principal, userId, body);
  }

  /**
   * Suspends a user: every write it tries is then 403 `account_suspended`; it keeps reading its own data, and its
   * export, erasure and consents. Audited. Roles: admin, moderator.
   * @summary Suspend a user
   */
  @Post('{userId}/suspend')
  @OperationId('adminSuspendUser')
  @Security('jwt', ['admin', 'moderator'])
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found') @Response<Problem>(409, 'conflict (already suspended)')
  public async suspend(@Request() req: ExRequest, @Path() userId: string, @Body() body: SuspendRequest): Promise<SuspensionResponse> {
    return suspendUser(req.user as Principal, userId, body);
  }

  /**
   * Lifts a suspension. Audited. Roles: admin, moderator.
   * @summary Lift a user's suspension
   */
  @Post('{userId}/unsuspend')
  @OperationId('adminUnsuspendUser')
  @Security('jwt', ['admin', 'moderator'])
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found') @Response<Problem>(409, 'conflict (not suspended)')
  public async unsuspend(@Request() req: ExRequest, @Path() userId: string, @Body() body: SuspendRequest): Promise<SuspensionResponse> {
    return unsuspendUser(req.user as Principal, userId, body);
  }
}
