import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, OperationId, Patch, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { createTemplate, deactivateTemplate, getTemplate, listTemplates, updateTemplate, type AdminTemplateView } from '../operations/admin/templates.js';
import type { Problem } from './problem.js';

export interface TemplateCreateRequest {
  /** 1 to 150 characters. */
  title: string;
  /** A category of this partner (active or not). */
  categoryId: string;
  /** 3 characters up to the partner's prompt limit; must pass the content policy. */
  promptText: string;
  description?: string | null;
  defaultTier?: 'standard' | 'premium2' | 'premium4';
  /** The format of a generation from this template that names none (default square). */
  defaultFormat?: 'square' | 'portrait' | 'story' | 'landscape' | 'banner' | null;
  displayOrder?: number;
  isActive?: boolean;
}
export interface TemplateUpdateRequest {
  title?: string; categoryId?: string; promptText?: string; description?: string | null; defaultTier?: 'standard' | 'premium2' | 'premium4';
  defaultFormat?: 'square' | 'portrait' | 'story' | 'landscape' | 'banner' | null;
  displayOrder?: number;
  /** false hides the template from the studio; true brings it back. */
  isActive?: boolean;
}
export interface AdminTemplateList { items: AdminTemplateView[]; nextCursor?: string }

@Route('api/admin/templates')
@Tags('Admin')
@Security('jwt', ['admin'])
export class AdminTemplatesController extends Controller {
  /**
   * Every template of the partner, inactive ones included, in display order; filter by `categoryId` and `active`.
   * @summary List all templates
   */
  @Get()
  @OperationId('adminListTemplates')
  @Response<Problem>(403, 'forbidden')
  public async list(@Request() req: ExRequest, @Query() categoryId?: string, @Query() active?: boolean, @Query() limit?: number,
    @Query() cursor?: string): Promise<AdminTemplateList> {
    return listTemplates(req.user as Principal, { categoryId, active, limit, cursor });
  }

  /**
   * Creates a prompt template in one of the partner's categories. Audited.
   * @summary Create a template
   */
  @Post()
  @OperationId('adminCreateTemplate')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden')
  public async create(@Request() req: ExRequest, @Body() body: TemplateCreateRequest): Promise<AdminTemplateView> {
    this.setStatus(201);
    return createTemplate(req.user as Principal, body);
  }

  /**
   * One template of the partner, active or not.
   * @summary Get one template
   */
  @Get('{id}')
  @OperationId('adminGetTemplate')
  @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async get(@Request() req: ExRequest, @Path() id: string): Promise<AdminTemplateView> {
    return getTemplate(req.user as Principal, id);
  }

  /**
   * Changes the given fields of a template; the others stay. Audited.
   * @summary Update a template
   */
  @Patch('{id}')
  @OperationId('adminUpdateTemplate')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async update(@Request() req: ExRequest, @Path() id: string, @Body() body: TemplateUpdateRequest): Promise<AdminTemplateView> {
    return updateTemplate(req.user as Principal, id, body);
  }

  /**
   * Deactivates (never deletes); answers the updated template.
   * @summary Deactivate a template
   */
  @Delete('{id}')
  @OperationId('adminDeleteTemplate')
  @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async deactivate(@Request() req: ExRequest, @Path() id: string): Promise<AdminTemplateView> {
    return deactivateTemplate(req.user as Principal, id);
  }
}
