import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, OperationId, Path, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { exportMyData, getMyExport } from '../operations/privacy/export-my-data.js';
import { eraseMe, getMyErasure } from '../operations/privacy/erase-me.js';
import { giveConsent, listConsents, type GiveConsentBody } from '../operations/privacy/consents.js';
import type { ConsentsView, ErasureView, ExportStatusView } from '../presenters/privacy.js';
import type { Problem } from './problem.js';

/** The export document: `format`, `generatedAt`, and one key per section (profile, consents, wallet, ledger, orders, jobs, creations...). */
export interface ExportDocumentView {
  format: string;
  generatedAt: string;
  [section: string]: unknown;
}
export type GiveConsentRequest = GiveConsentBody;

@Route('api/me')
@Tags('Privacy')
@Security('jwt')
export class PrivacyController extends Controller {
  /**
   * Everything stored about the caller (profile, consents, wallet and ledger, orders, jobs, creations with fresh signed links,
   * posts, likes, reports, remixes, referrals, notifications) as one JSON document. Above 2000 rows (PRIVACY_EXPORT_SYNC_ROWS)
   * a job builds it: 202 with the status URL, which serves the document once done.
   * @summary Export my data
   */
  @Get('export')
  @OperationId('exportMyData')
  @SuccessResponse(200, 'The export document')
  @Response<ExportStatusView>(202, 'Being built: read statusUrl')
  public async exportData(@Request() req: ExRequest): Promise<ExportDocumentView | ExportStatusView> {
    const r = await exportMyData(req.user as Principal);
    this.setStatus(r.status);
    return r.body;
  }

  /**
   * The state of one of the caller's exports, with the document once built (kept 7 days). Another user's export is 404.
   * @summary Get one of my exports
   */
  @Get('exports/{requestId}')
  @OperationId('getMyExport')
  @Response<Problem>(404, 'not_found')
  public async getExport(@Request() req: ExRequest, @Path() requestId: string): Promise<ExportStatusView> {
    return getMyExport(req.user as Principal, requestId);
  }

  /**
   * Erases the caller's account: images (and their files), posts, likes, reports' text, notifications and profile are deleted,
   * the account is pseudonymised (the same person signing in again is a new user); ledger rows and orders stay under the
   * pseudonym. Done by a job: 202 with the status URL. Asking again answers the same erasure.
   * @summary Erase my account
   */
  @Delete()
  @OperationId('eraseMe')
  @SuccessResponse(202, 'Accepted: read statusUrl')
  public async erase(@Request() req: ExRequest): Promise<ErasureView> {
    const r = await eraseMe(req.user as Principal);
    this.setStatus(202);
    return r;
  }

  /**
   * The latest erasure of the caller's subject (the token's sub), readable after the account was erased. 404 when none.
   * @summary Get my erasure's status
   */
  @Get('erasure')
  @OperationId('getMyErasure')
  @Response<Problem>(404, 'not_found')
  public async erasure(@Request() req: ExRequest): Promise<ErasureView> {
    return getMyErasure(req.user as Principal);
  }

  /**
   * The consents the caller gave, and the versions the partner requires before generating (`missing` is true when one is not given).
   * @summary List my consents
   */
  @Get('consents')
  @OperationId('listMyConsents')
  public async consents(@Request() req: ExRequest): Promise<ConsentsView> {
    return listConsents(req.user as Principal);
  }

  /**
   * Records that the caller agreed to a version of a purpose (e.g. `{"purpose": "terms", "version": "2026-11"}`); giving it
   * again changes nothing. Answers the caller's consents.
   * @summary Give consent
   */
  @Post('consents')
  @OperationId('giveConsent')
  @SuccessResponse(201, 'Recorded')
  @Response<Problem>(400, 'validation_error')
  public async give(@Request() req: ExRequest, @Body() body: GiveConsentRequest): Promise<ConsentsView> {
    const r = await giveConsent(req.user as Principal, body);
    this.setStatus(201);
    return r;
  }
}
