import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, OperationId, Path, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { createPoster } from '../operations/posters/create-poster.js';
import { getPoster } from '../operations/posters/get-poster.js';
import { createBrandKit } from '../operations/posters/create-brand-kit.js';
import { listBrandKits } from '../operations/posters/list-brand-kits.js';
import { getBrandKit } from '../operations/posters/get-brand-kit.js';
import { deleteBrandKit } from '../operations/posters/delete-brand-kit.js';
import type { BrandKitView, PosterView } from '../presenters/posters.js';
import type { Problem } from './problem.js';

export interface CreatePosterRequest {
  /** One of the caller's own succeeded images (or one of their posters: its background is reused). */
  imageId: string;
  layout: 'headline-top' | 'bottom-band' | 'split' | 'centred-card' | 'price-burst' | 'minimal-corner';
  /** Typeset by the server (Noto Sans / Noto Sans Devanagari). Limits: headline 80, subline 160, cta 30, price 20 characters. */
  text: { headline: string; subline?: string; cta?: string; price?: string };
  /** A brand kit of the caller; without it the partner's default brand kit. */
  brand?: { brandKitId?: string };
  /** `referral` places a QR code of the caller's referral link. Default `none`. */
  qr?: 'referral' | 'none';
  /** Default: the format closest to the image's aspect ratio. */
  format?: 'square' | 'portrait' | 'story' | 'landscape' | 'banner';
}
export type CreatePosterResponse = PosterView;
export interface CreateBrandKitRequest {
  name: string;
  /** Colours as #rrggbb. */
  colors: { primary: string; secondary: string; text: string };
  font: 'noto-sans' | 'noto-sans-regular';
  /** PNG or SVG, at most 1 MB, base64. SVGs with scripts, event handlers or external references are refused; the rest is rasterised. */
  logo?: { contentType: 'image/png' | 'image/svg+xml'; data: string };
}
export interface BrandKitList { items: BrandKitView[]; partnerDefault: { name: string; colors: { primary: string; secondary: string; text: string }; font: string } }

@Route('api/studio')
@Tags('Posters')
@Security('jwt')
export class PostersController extends Controller {
  /**
   * Composes a poster over one of the caller's own succeeded images: layout, typeset text, brand kit, optional referral
   * QR code, free-tier watermark. No credits are spent; the poster is a creation of its own, publishable like any other.
   * @summary Compose a poster
   */
  @Post('posters')
  @OperationId('createPoster')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(404, 'not_found (image or brand kit)')
  @Response<Problem>(422, 'text_does_not_fit (names the field)')
  public async createPoster(@Request() req: ExRequest, @Body() body: CreatePosterRequest): Promise<CreatePosterResponse> {
    const r = await createPoster(req.user as Principal, body);
    this.setStatus(201);
    return r;
  }

  /**
   * One of the caller's posters with its source image, layout and text.
   * @summary Get a poster
   */
  @Get('posters/{posterId}')
  @OperationId('getPoster')
  @Response<Problem>(404, 'not_found')
  public async getPoster(@Request() req: ExRequest, @Path() posterId: string): Promise<PosterView> {
    return getPoster(req.user as Principal, posterId);
  }

  /**
   * Saves a brand kit: name, colours, font and an optional logo (PNG/SVG ≤ 1 MB, base64).
   * @summary Create a brand kit
   */
  @Post('brand-kits')
  @OperationId('createBrandKit')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(400, 'validation_error (not an image, SVG with scripts or external references)') @Response<Problem>(409, 'conflict (20 kits)')
  @Response<Problem>(413, 'payload_too_large')
  public async createBrandKit(@Request() req: ExRequest, @Body() body: CreateBrandKitRequest): Promise<BrandKitView> {
    const r = await createBrandKit(req.user as Principal, body);
    this.setStatus(201);
    return r;
  }

  /**
   * The caller's brand kits and the partner's default kit.
   * @summary List my brand kits
   */
  @Get('brand-kits')
  @OperationId('listBrandKits')
  public async listBrandKits(@Request() req: ExRequest): Promise<BrandKitList> {
    return listBrandKits(req.user as Principal);
  }

  /**
   * One of the caller's brand kits.
   * @summary Get a brand kit
   */
  @Get('brand-kits/{brandKitId}')
  @OperationId('getBrandKit')
  @Response<Problem>(404, 'not_found')
  public async getBrandKit(@Request() req: ExRequest, @Path() brandKitId: string): Promise<BrandKitView> {
    return getBrandKit(req.user as Principal, brandKitId);
  }

  /**
   * Deletes one of the caller's brand kits (posters made with it are kept).
   * @summary Delete a brand kit
   */
  @Delete('brand-kits/{brandKitId}')
  @OperationId('deleteBrandKit')
  @SuccessResponse(204, 'Deleted')
  @Response<Problem>(404, 'not_found')
  public async deleteBrandKit(@Request() req: ExRequest, @Path() brandKitId: string): Promise<void> {
    await deleteBrandKit(req.user as Principal, brandKitId);
    this.setStatus(204);
  }
}
