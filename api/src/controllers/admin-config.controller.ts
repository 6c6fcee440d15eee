import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Post, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { configHistory, getAdminConfig, restoreConfigVersion, updateAdminConfig, type ConfigHistoryItem, type ConfigView } from '../operations/admin/config.js';
import type { Problem } from './problem.js';

export interface ConfigUpdateRequest {
  /**
   * A partial configuration in API units (credits as credits, money in rupees), deep-merged over the
   * current one; arrays (packs, campaigns) and maps replace as a whole. See docs/admin.md for every field.
   */
  config: { [key: string]: unknown };
  /** Why the change was made; kept with the version. */
  note?: string;
  /** The version the admin edited; a different current version answers 409 conflict. */
  expectedVersion?: number;
}
export interface ConfigRestoreRequest { version: number; note?: string }
export interface ConfigHistoryResponse { items: ConfigHistoryItem[]; nextCursor?: string }

@Route('api/admin/config')
@Tags('Admin')
@Security('jwt', ['admin'])
export class AdminConfigController extends Controller {
  /**
   * The partner's current configuration (all fields, defaults filled in) and its version.
   * @summary Get the partner configuration
   */
  @Get()
  @OperationId('adminGetConfig')
  @Response<Problem>(403, 'forbidden')
  public async get(@Request() req: ExRequest): Promise<ConfigView> {
    return getAdminConfig(req.user as Principal);
  }

  /**
   * Saves a new version. Validated as a whole after merging: any problem refuses the whole change (400 with `errors`).
   * @summary Change the partner configuration
   */
  @Post()
  @OperationId('adminUpdateConfig')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(409, 'conflict')
  public async update(@Request() req: ExRequest, @Body() body: ConfigUpdateRequest): Promise<ConfigView> {
    return updateAdminConfig(req.user as Principal, body);
  }

  /**
   * Every saved version, newest first, with the fields each one changed.
   * @summary List the configuration versions
   */
  @Get('history')
  @OperationId('adminGetConfigHistory')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden')
  public async history(@Request() req: ExRequest, @Query() limit?: number, @Query() cursor?: string): Promise<ConfigHistoryResponse> {
    return configHistory(req.user as Principal, { limit, cursor });
  }

  /**
   * Makes an earlier version current again (as a new version). Version 0 is the defaults.
   * @summary Restore a configuration version
   */
  @Post('restore')
  @OperationId('adminRestoreConfig')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async restore(@Request() req: ExRequest, @Body() body: ConfigRestoreRequest): Promise<ConfigView> {
    return restoreConfigVersion(req.user as Principal, body);
  }
}
