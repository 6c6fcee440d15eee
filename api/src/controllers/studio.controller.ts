import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, Header, OperationId, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { generateImage } from '../operations/generate-image.js';
import { enhancePrompt } from '../operations/enhance-prompt.js';
import { Category, GeneratedImage, GenerationJob, Template } from '../models/index.js';
import { presentCategory, presentJob, presentTemplate, type CategoryView, type JobView, type TemplateView } from '../presenters/studio.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { tierCost } from '../operations/generate-image.js';
import { TIERS } from '../tenants/tenant-config.js';
import { notFound } from '../errors.js';
import type { Problem } from './problem.js';

export interface EnhancePromptRequest {
  /** The user's prompt. Its maximum length is the partner's limit (1000 characters by default). */
  prompt: string;
  templateId?: string;
}
export interface EnhancePromptResponse { enhancedPrompt: string; suggestions: string[]; enhancer?: string }
export interface GenerateRequest {
  prompt: string;
  tier: 'standard' | 'premium2' | 'premium4';
  templateId?: string;
  /** Keep the watermark on public renditions (free users always get it). Default true. */
  watermark?: boolean;
}
export interface GenerateResponse { jobId: string; imageId: string; creditDebited: number; status: 'queued' }
export interface TierView { tier: 'standard' | 'premium2' | 'premium4'; credits: number; width: number; height: number; label: string }
export interface ListResponse<T> { items: T[]; nextCursor?: string }

@Route('api/studio')
@Tags('Studio')
export class StudioController extends Controller {
  /**
   * Improves a prompt (rule-based offline, or the partner's chat model), with suggestions.
   * @summary Enhance a prompt
   */
  @Post('enhance-prompt')
  @OperationId('enhancePrompt')
  @Security('jwt')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(422, 'content_policy_violation') @Response<Problem>(429, 'rate_limited')
  public async enhancePrompt(@Request() req: ExRequest, @Body() body: EnhancePromptRequest): Promise<EnhancePromptResponse> {
    return enhancePrompt(req.user as Principal, body);
  }

  /**
   * Debits the tier's cost and queues the image job. Send an Idempotency-Key to make retries safe.
   * @summary Generate an image
   */
  @Post('generate')
  @OperationId('generate')
  @Security('jwt')
  @SuccessResponse(202, 'Accepted')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(402, 'insufficient_credits') @Response<Problem>(409, 'idempotency_conflict')
  @Response<Problem>(422, 'content_policy_violation') @Response<Problem>(429, 'rate_limited')
  public async generate(@Request() req: ExRequest, @Body() body: GenerateRequest, @Header('Idempotency-Key') idempotencyKey?: string): Promise<GenerateResponse> {
    const r = await generateImage(req.user as Principal, body, idempotencyKey);
    this.setStatus(r.status);
    if (r.replayed) this.setHeader('Idempotent-Replayed', 'true');
    return r.body;
  }

  /**
   * Status of a generation job; `imageUrl`/`thumbnailUrl` (signed, expiring) once it has succeeded.
   * @summary Get a generation job
   */
  @Get('generate/{jobId}')
  @OperationId('getJob')
  @Security('jwt')
  @Response<Problem>(404, 'not_found')
  public async getJob(@Request() req: ExRequest, @Path() jobId: string): Promise<JobView> {
    const p = req.user as Principal;
    const job = await GenerationJob.findOne({ where: { id: jobId, userId: p.userId, tenantId: p.tenantId } });
    if (!job) throw notFound('job');
    const view = presentJob(job);
    if (job.status === 'succeeded') {
      // A creation deleted after (or while) it was made has no files any more: no dead links.
      const image = await GeneratedImage.findByPk(job.imageId, { attributes: ['deletedAt'] });
      if (image?.deletedAt) return { ...view, imageUrl: undefined, thumbnailUrl: undefined, deleted: true };
    }
    return view;
  }

  /**
   * The partner's active categories in display order, for the Studio's category picker.
   * @summary List the active categories
   */
  @Get('categories')
  @OperationId('listCategories')
  @Security('jwt') @Security('visitor')
  public async categories(@Request() req: ExRequest): Promise<ListResponse<CategoryView>> {
    const { tenantId } = req.user as Principal;
    const rows = await Category.findAll({ where: { tenantId, isActive: true }, order: [['displayOrder', 'ASC'], ['name', 'ASC']] });
    return { items: rows.map(presentCategory) };
  }

  /**
   * The partner's active prompt templates in display order, optionally of one category.
   * @summary List the active templates
   */
  @Get('templates')
  @OperationId('listTemplates')
  @Security('jwt') @Security('visitor')
  public async templates(@Request() req: ExRequest, @Query() categoryId?: string): Promise<ListResponse<TemplateView>> {
    const { tenantId } = req.user as Principal;
    const activeCats = await Category.findAll({ where: { tenantId, isActive: true }, attributes: ['id'] });
    const ids = new Set(activeCats.map((c) => c.id));
    const where: Record<string, unknown> = { tenantId, isActive: true };
    if (categoryId) where.categoryId = categoryId;
    const rows = await Template.findAll({ where, order: [['displayOrder', 'ASC'], ['title', 'ASC']] });
    return { items: rows.filter((t) => ids.has(t.categoryId)).map(presentTemplate) };
  }

  /**
   * The tiers with their current cost (campaign discounts applied) and output size.
   * @summary List the quality tiers
   */
  @Get('tiers')
  @OperationId('listTiers')
  @Security('jwt') @Security('visitor')
  public async tiers(@Request() req: ExRequest): Promise<ListResponse<TierView>> {
    const config = await getTenantConfig((req.user as Principal).tenantId);
    return { items: TIERS.map((t) => ({ tier: t, credits: tierCost(config, t) / 1000, width: config.tiers[t].width, height: config.tiers[t].height, label: config.tiers[t].label })) };
  }
}
