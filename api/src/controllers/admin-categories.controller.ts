import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, OperationId, Patch, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import {
  createCategory, deactivateCategory, getCategory, listCategories, reorderCategories, updateCategory, type AdminCategoryView,
} from '../operations/admin/categories.js';
import type { Problem } from './problem.js';

export interface CategoryCreateRequest {
  /** 1 to 100 characters. */
  name: string;
  /** Lower-case letters, digits and dashes, unique per partner; made from the name when left out. */
  slug?: string;
  description?: string | null;
  /** Style words the prompt enhancer and image providers add for this category. */
  style?: string | null;
  /** Position in the studio (ascending); defaults to the end. */
  displayOrder?: number;
  isActive?: boolean;
}
export interface CategoryUpdateRequest {
  name?: string; slug?: string; description?: string | null; style?: string | null; displayOrder?: number;
  /** false hides the category (and its templates) from the studio; true brings it back. */
  isActive?: boolean;
}
export interface CategoryReorderRequest { ids: string[] }
export interface AdminCategoryList { items: AdminCategoryView[]; nextCursor?: string }

@Route('api/admin/categories')
@Tags('Admin')
@Security('jwt', ['admin'])
export class AdminCategoriesController extends Controller {
  /**
   * Every category of the partner, inactive ones included, in display order. `active=true|false` filters.
   * @summary List all categories
   */
  @Get()
  @OperationId('adminListCategories')
  @Response<Problem>(403, 'forbidden')
  public async list(@Request() req: ExRequest, @Query() active?: boolean, @Query() limit?: number, @Query() cursor?: string): Promise<AdminCategoryList> {
    return listCategories(req.user as Principal, { active, limit, cursor });
  }

  /**
   * Creates a category of the partner; the slug is derived from the name when omitted. Audited.
   * @summary Create a category
   */
  @Post()
  @OperationId('adminCreateCategory')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(409, 'conflict (slug taken)')
  public async create(@Request() req: ExRequest, @Body() body: CategoryCreateRequest): Promise<AdminCategoryView> {
    this.setStatus(201);
    return createCategory(req.user as Principal, body);
  }

  /**
   * Sets the display order: the listed ids first, in that order; the others keep their order after them.
   * @summary Reorder the categories
   */
  @Post('reorder')
  @OperationId('adminReorderCategories')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async reorder(@Request() req: ExRequest, @Body() body: CategoryReorderRequest): Promise<AdminCategoryList> {
    return reorderCategories(req.user as Principal, body);
  }

  /**
   * One category of the partner, active or not.
   * @summary Get one category
   */
  @Get('{id}')
  @OperationId('adminGetCategory')
  @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async get(@Request() req: ExRequest, @Path() id: string): Promise<AdminCategoryView> {
    return getCategory(req.user as Principal, id);
  }

  /**
   * Changes the given fields of a category; the others stay. Audited.
   * @summary Update a category
   */
  @Patch('{id}')
  @OperationId('adminUpdateCategory')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found') @Response<Problem>(409, 'conflict')
  public async update(@Request() req: ExRequest, @Path() id: string, @Body() body: CategoryUpdateRequest): Promise<AdminCategoryView> {
    return updateCategory(req.user as Principal, id, body);
  }

  /**
   * Deactivates (never deletes): the category leaves the studio, existing creations and posts keep it. Answers the updated category.
   * @summary Deactivate a category
   */
  @Delete('{id}')
  @OperationId('adminDeleteCategory')
  @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async deactivate(@Request() req: ExRequest, @Path() id: string): Promise<AdminCategoryView> {
    return deactivateCategory(req.user as Principal, id);
  }
}
