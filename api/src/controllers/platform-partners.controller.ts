import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Patch, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import { AppError } from '../errors.js';
import { createPartner } from '../operations/platform/create-partner.js';
import { getPartner } from '../operations/platform/get-partner.js';
import { listPartners } from '../operations/platform/list-partners.js';
import { updatePartner } from '../operations/platform/update-partner.js';
import { rotatePublishableKey } from '../operations/platform/rotate-publishable-key.js';
import type { PartnerView } from '../presenters/partner.js';
import type { Problem } from './problem.js';

export interface PartnerAuthSecret {
  algorithm: 'HS256';
  /** Write-only shared secret, 32 to 512 characters: stored encrypted, never returned. */
  secret: string;
}
export interface PartnerAuthJwks {
  algorithm: 'RS256' | 'ES256';
  /** https URL of the partner's JWKS (http/private addresses only for hosts in PROVIDER_ALLOWED_HOSTS). */
  jwksUrl: string;
}
export interface PartnerAuthPublicKey {
  algorithm: 'RS256' | 'ES256';
  /** PEM public key (RSA of 2048+ bits for RS256, EC P-256 for ES256). */
  publicKey: string;
}
export type PartnerAuth = PartnerAuthSecret | PartnerAuthJwks | PartnerAuthPublicKey;

export interface PartnerCreateRequest {
  name: string;
  /** Lowercase letters, digits and inner hyphens; derived from the name when left out. */
  slug?: string;
  auth: PartnerAuth;
  /** Checked on every token when set; a token's iss also names its partner. */
  issuer?: string | null;
  audience?: string | null;
  /** Browser origins (`https://app.example.com`) the partner's widgets run on. */
  allowedOrigins?: string[];
  /** The partner's site, for referral share links. */
  siteUrl?: string | null;
  /** Longest accepted token lifetime (exp - iat) in seconds, 60 to 604800; null for the 24 h default. */
  maxTokenLifetimeSeconds?: number | null;
}
export interface PartnerUpdateRequest {
  name?: string;
  slug?: string;
  auth?: PartnerAuth;
  issuer?: string | null;
  audience?: string | null;
  allowedOrigins?: string[];
  siteUrl?: string | null;
  maxTokenLifetimeSeconds?: number | null;
  /** A disabled partner's tokens and publishable key are refused (401) on every route. */
  status?: 'active' | 'disabled';
}
export interface PartnerList { items: PartnerView[]; nextCursor?: string }

/**
 * tsoa drops unknown members from the body it validated (silently-remove-extras); the platform API must refuse them,
 * so the use cases read the body exactly as it was sent.
 */
function sentBody(req: ExRequest): unknown {
  const raw = (req as unknown as { rawBody?: Buffer }).rawBody;
  if (!raw?.length) throw new AppError('validation_error', 'body: a JSON object is required.', { errors: [{ field: 'body', message: 'is required' }] });
  return JSON.parse(raw.toString('utf8'));
}

/**
 * The operator's API for onboarding partners. It exists only when PLATFORM_API_KEY is set (404 otherwise) and takes
 * `Authorization: Bearer <PLATFORM_API_KEY>`; it is meant for the operator's servers, never for browsers.
 */
@Route('api/platform/partners')
@Tags('Platform')
@Security('platform')
@Response<Problem>(401, 'unauthorized') @Response<Problem>(404, 'not_found (the platform API is not enabled)')
export class PlatformPartnersController extends Controller {
  /**
   * Onboards a partner; its tokens (named by X-Partner-Key or their iss) and its publishable key work at once.
   * @summary Create a partner
   */
  @Post()
  @OperationId('platformCreatePartner')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(409, 'conflict (slug or issuer taken)')
  public async create(@Request() req: ExRequest, @Body() _body: PartnerCreateRequest): Promise<PartnerView> {
    const partner = await createPartner(sentBody(req));
    this.setStatus(201);
    return partner;
  }

  /**
   * Every partner, oldest first; `status` filters.
   * @summary List partners
   */
  @Get()
  @OperationId('platformListPartners')
  @Response<Problem>(400, 'validation_error')
  public async list(@Query() limit?: number, @Query() cursor?: string, @Query() status?: 'active' | 'disabled'): Promise<PartnerList> {
    return listPartners({ limit, cursor, status });
  }

  /**
   * One partner, by id.
   * @summary Get a partner
   */
  @Get('{id}')
  @OperationId('platformGetPartner')
  public async get(@Path() id: string): Promise<PartnerView> {
    return getPartner(id);
  }

  /**
   * Changes any field of the create body, and the status (`disabled` refuses the partner's tokens and key at once).
   * @summary Update a partner
   */
  @Patch('{id}')
  @OperationId('platformUpdatePartner')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(409, 'conflict')
  public async update(@Path() id: string, @Request() req: ExRequest, @Body() _body: PartnerUpdateRequest): Promise<PartnerView> {
    return updatePartner(id, sentBody(req));
  }

  /**
   * Issues a new publishable key; the old one stops working at once.
   * @summary Rotate a partner's publishable key
   */
  @Post('{id}/publishable-key')
  @OperationId('platformRotatePublishableKey')
  @Response<Problem>(409, 'conflict (the default partner\'s key comes from DEFAULT_PARTNER_KEY)')
  public async rotateKey(@Path() id: string): Promise<PartnerView> {
    return rotatePublishableKey(id);
  }
}
