import type { Request as ExRequest } from 'express';
import { Controller, Delete, Get, OperationId, Path, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { listCreations } from '../operations/studio/list-creations.js';
import { getCreation } from '../operations/studio/get-creation.js';
import { reopenCreation } from '../operations/studio/reopen-creation.js';
import { deleteCreation } from '../operations/studio/delete-creation.js';
import type { CreationView } from '../presenters/studio.js';
import type { Problem } from './problem.js';

export interface CreationsPage { items: CreationView[]; nextCursor?: string }
export interface ReopenResponse {
  imageId: string; prompt: string; tier: string; templateId?: string; watermark: boolean;
  /** The creation's format (issue 14), so the studio opens in the same shape. */
  format?: string;
}

@Route('api/studio/my-creations')
@Tags('My Creations')
@Security('jwt')
export class CreationsController extends Controller {
  /**
   * The caller's images, newest first.
   * @summary List my creations
   */
  @Get()
  @OperationId('listCreations')
  @Response<Problem>(400, 'validation_error (bad limit or tampered cursor)')
  public async list(@Request() req: ExRequest, @Query() cursor?: string, @Query() limit?: number): Promise<CreationsPage> {
    return listCreations(req.user as Principal, limit, cursor);
  }

  /**
   * One of the caller's images with its signed, expiring URLs; another user's image is 404.
   * @summary Get one of my creations
   */
  @Get('{imageId}')
  @OperationId('getCreation')
  @Response<Problem>(404, 'not_found')
  public async get(@Request() req: ExRequest, @Path() imageId: string): Promise<CreationView> {
    return getCreation(req.user as Principal, imageId);
  }

  /**
   * The prompt and settings to open this image again in the Studio.
   * @summary Reopen a creation in the Studio
   */
  @Get('{imageId}/reopen')
  @OperationId('reopenCreation')
  @Response<Problem>(404, 'not_found')
  public async reopen(@Request() req: ExRequest, @Path() imageId: string): Promise<ReopenResponse> {
    return reopenCreation(req.user as Principal, imageId);
  }

  /**
   * Deletes the image and its files (and unpublishes its post).
   * @summary Delete one of my creations
   */
  @Delete('{imageId}')
  @OperationId('deleteCreation')
  @SuccessResponse(204, 'Deleted')
  @Response<Problem>(404, 'not_found') @Response<Problem>(409, 'conflict (still generating)')
  public async remove(@Request() req: ExRequest, @Path() imageId: string): Promise<void> {
    await deleteCreation(req.user as Principal, imageId);
    this.setStatus(204);
  }
}
