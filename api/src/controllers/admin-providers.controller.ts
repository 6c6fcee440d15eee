import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Post, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { changeProviders, listProviders, testProvider, type ConnectionTestResult, type ProvidersView } from '../operations/admin/providers.js';
import type { Problem } from './problem.js';

export interface ProviderChangeRequest {
  /**
   * add: {provider, purpose, alias, apiKey, endpoint?, model?}; rotate: {id, apiKey}; update: {id, alias?, endpoint?, model?};
   * remove: {id}; select: {image?: {active, fallback?}, chat?: {active}} (ids of keys, or 'local'/'rules'/'default').
   */
  action: 'add' | 'rotate' | 'update' | 'remove' | 'select';
  id?: string;
  provider?: 'openai' | 'stability' | 'openai-compatible';
  purpose?: 'image' | 'chat';
  alias?: string;
  /** Write-only: stored encrypted, never returned or logged. */
  apiKey?: string;
  /** https URL (http only for hosts in PROVIDER_ALLOWED_HOSTS); checked against private and metadata addresses. */
  endpoint?: string | null;
  model?: string | null;
  image?: { active: string; fallback?: string | null };
  chat?: { active: string };
  /** Kept in the audit log. */
  note?: string;
}
export interface ProviderTestRequest {
  /** A saved key, or a candidate described by provider/apiKey/endpoint. */
  id?: string;
  provider?: 'openai' | 'stability' | 'openai-compatible';
  apiKey?: string;
  endpoint?: string | null;
}

@Route('api/admin/providers')
@Tags('Admin')
@Security('jwt', ['admin'])
export class AdminProvidersController extends Controller {
  /**
   * Keys (alias and last four only), the selection and the provider kinds.
   * @summary List provider keys and selection
   */
  @Get()
  @OperationId('adminListProviders')
  @Response<Problem>(403, 'forbidden')
  public async list(@Request() req: ExRequest): Promise<ProvidersView> {
    return listProviders(req.user as Principal);
  }

  /**
   * Adds, rotates, updates or removes a key, or selects the active/fallback image provider and the enhancer. Answers the new state.
   * @summary Change provider keys or selection
   */
  @Post()
  @OperationId('adminSetProvider')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found') @Response<Problem>(409, 'conflict')
  public async change(@Request() req: ExRequest, @Body() body: ProviderChangeRequest): Promise<ProvidersView> {
    return changeProviders(req.user as Principal, body);
  }

  /**
   * Calls the provider's cheapest authenticated endpoint (GET /models, Stability GET /v1/user/account); never spends credits.
   * @summary Test a provider connection
   */
  @Post('test')
  @OperationId('adminTestProvider')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden') @Response<Problem>(404, 'not_found')
  public async test(@Request() req: ExRequest, @Body() body: ProviderTestRequest): Promise<ConnectionTestResult> {
    return testProvider(req.user as Principal, body);
  }
}
