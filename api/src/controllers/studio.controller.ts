import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, Header, OperationId, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Caller, Principal } from '../auth/principal.js';
import { generateImage } from '../operations/studio/generate-image.js';
import { enhancePrompt } from '../operations/studio/enhance-prompt.js';
import { getJob } from '../operations/studio/get-job.js';
import { listCategories } from '../operations/studio/list-categories.js';
import { listTemplates } from '../operations/studio/list-templates.js';
import { listTiers, type TierView } from '../operations/studio/list-tiers.js';
import { listFormats, type FormatsResponse } from '../operations/studio/list-formats.js';
import { getStudioSettings, type StudioSettings } from '../operations/studio/get-settings.js';
import type { CategoryView, JobView, TemplateView } from '../presenters/studio.js';
import type { Problem } from './problem.js';
import { requireFeature } from '../operations/partner/require-feature.js';

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
  /** Aspect ratio of the images: square (1:1, default or the template's), portrait (4:5), story (9:16), landscape (16:9), banner (3:1). */
  format?: 'square' | 'portrait' | 'story' | 'landscape' | 'banner';
  /**
   * Number of variations, 1 to 4 (default 1): one debit of count × the tier cost, one job, each image a creation of its own.
   * @isInt
   */
  count?: number;
  /** A post opened with remix/open: when the job succeeds the server records the remix (as remix/record does). */
  remixOf?: string;
}
export interface GenerateResponse {
  jobId: string;
  /** The first image; `imageIds` lists all of them. */
  imageId: string; creditDebited: number; status: 'queued';
  imageIds?: string[]; format?: 'square' | 'portrait' | 'story' | 'landscape' | 'banner'; count?: number;
}
export type { StudioSettings, TierView, FormatsResponse };
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
  @Response<Problem>(403, 'feature_disabled (promptEnhancement is switched off)')
  public async enhancePrompt(@Request() req: ExRequest, @Body() body: EnhancePromptRequest): Promise<EnhancePromptResponse> {
    await requireFeature((req.user as Caller).tenantId, 'promptEnhancement');
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
  @Response<Problem>(404, 'not_found (remixOf names no listed post)') @Response<Problem>(403, 'feature_disabled (remixOf while remix is off)')
  @Response<Problem>(403, 'consent_required (a consent version the partner requires is missing; `missing` lists them)')
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
    return getJob(req.user as Principal, jobId);
  }

  /**
   * The partner's active categories in display order, for the Studio's category picker.
   * @summary List the active categories
   */
  @Get('categories')
  @OperationId('listCategories')
  @Security('jwt') @Security('visitor')
  public async categories(@Request() req: ExRequest): Promise<ListResponse<CategoryView>> {
    return listCategories((req.user as Principal).tenantId);
  }

  /**
   * The partner's active prompt templates in display order, optionally of one category.
   * @summary List the active templates
   */
  @Get('templates')
  @OperationId('listTemplates')
  @Security('jwt') @Security('visitor')
  public async templates(@Request() req: ExRequest, @Query() categoryId?: string): Promise<ListResponse<TemplateView>> {
    return listTemplates((req.user as Principal).tenantId, categoryId);
  }

  /**
   * The tiers with their current cost (campaign discounts applied) and output size.
   * @summary List the quality tiers
   */
  @Get('tiers')
  @OperationId('listTiers')
  @Security('jwt') @Security('visitor')
  public async tiers(@Request() req: ExRequest): Promise<ListResponse<TierView>> {
    return listTiers((req.user as Principal).tenantId);
  }

  /**
   * The image formats (aspect ratios) with each tier's pixel size and current cost per image, and the most variations a request may ask for.
   * @summary List the image formats
   */
  @Get('formats')
  @OperationId('listFormats')
  @Security('jwt') @Security('visitor')
  @Response<Problem>(401, 'unauthorized')
  public async formats(@Request() req: ExRequest): Promise<FormatsResponse> {
    return listFormats((req.user as Principal).tenantId);
  }

  /**
   * The partner's public settings for the widgets: which features are on, the tiers, output formats and locale defaults.
   * Reachable with the publishable key (`X-Partner-Key`) and no token, even when visitors may not read the feed.
   * @summary Get the partner's public settings
   */
  @Get('settings')
  @OperationId('getStudioSettings')
  @Security('jwt') @Security('visitor', ['settings'])
  @Response<Problem>(401, 'unauthorized (unknown partner key)')
  public async settings(@Request() req: ExRequest): Promise<StudioSettings> {
    this.setHeader('Cache-Control', 'private, max-age=30');
    return getStudioSettings((req.user as Caller).tenantId);
  }
}
