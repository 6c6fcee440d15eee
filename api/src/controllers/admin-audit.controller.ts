import type { Request as ExRequest } from 'express';
import { Controller, Get, OperationId, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { listAuditLog, type AuditItem } from '../operations/admin/audit-log.js';
import type { Problem } from './problem.js';

export interface AuditLogResponse { items: AuditItem[]; nextCursor?: string }

@Route('api/admin/audit-log')
@Tags('Admin')
@Security('jwt', ['admin'])
export class AdminAuditController extends Controller {
  /**
   * Every admin action of the partner, newest first. Filters: `action` (exact, or a prefix ending in `*` or `.`),
   * `actor` (admin sub), `targetType`, `targetId`, `from`/`to` (ISO dates, `to` exclusive). Default limit 50.
   * @summary List the audit log
   */
  @Get()
  @OperationId('adminListAuditLog')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden')
  public async list(@Request() req: ExRequest, @Query() action?: string, @Query() actor?: string, @Query() targetType?: string,
    @Query() targetId?: string, @Query() from?: string, @Query() to?: string, @Query() limit?: number, @Query() cursor?: string): Promise<AuditLogResponse> {
    return listAuditLog(req.user as Principal, { action, actor, targetType, targetId, from, to, limit, cursor });
  }
}
