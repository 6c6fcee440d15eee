import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Path, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { adminEraseUser, adminGetErasure, type AdminEraseBody } from '../operations/privacy/admin-erase-user.js';
import type { ErasureView } from '../presenters/privacy.js';
import type { Problem } from './problem.js';

export type AdminEraseRequest = AdminEraseBody;

@Route('api/admin/users')
@Tags('Admin')
export class AdminPrivacyController extends Controller {
  /**
   * Erases a user of the partner on their behalf (a DPDP request received by the partner), like DELETE /api/me: done by a job,
   * 202 with the status URL; asking again answers the same erasure. `userId` is our id or the partner's `sub`. Audited with the note.
   * @summary Erase a user
   */
  @Post('{userId}/erase')
  @OperationId('adminEraseUser')
  @Security('jwt', ['admin'])
  @SuccessResponse(202, 'Accepted: read statusUrl')
  @Response<Problem>(400, 'validation_error (note)') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async erase(@Request() req: ExRequest, @Path() userId: string, @Body() body: AdminEraseRequest): Promise<ErasureView> {
    const r = await adminEraseUser(req.user as Principal, userId, body);
    this.setStatus(202);
    return r;
  }

  /**
   * The erasure of a user of the partner (404 when the user was never erased).
   * @summary Get a user's erasure
   */
  @Get('{userId}/erasure')
  @OperationId('adminGetUserErasure')
  @Security('jwt', ['admin'])
  @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async erasure(@Request() req: ExRequest, @Path() userId: string): Promise<ErasureView> {
    return adminGetErasure(req.user as Principal, userId);
  }
}
