import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, Header, OperationId, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Caller, Principal } from '../auth/principal.js';
import { listPacks } from '../operations/credits/list-packs.js';
import { createPurchase } from '../operations/credits/create-purchase.js';
import { verifyPurchase } from '../operations/credits/verify-purchase.js';
import { sandboxPay } from '../operations/credits/sandbox-pay.js';
import type { PacksResponse, PurchaseResponse, SandboxPayResponse, VerifyResponse } from '../presenters/wallet.js';
import type { Problem } from './problem.js';
import { requireFeature } from '../operations/partner/require-feature.js';

export interface PurchaseRequest {
  /** A pack id from GET /api/credits/packs. Send this or quantity, not both. */
  packId?: string;
  /** A whole number of credits within the partner's minQuantity..maxQuantity. */
  quantity?: number;
}
export interface VerifyRequest {
  /** Our order id (or the gateway's order id the checkout returned). */
  orderId: string;
  paymentId: string;
  /** The checkout result's signature, checked by the order's gateway. */
  signature: string;
}
export interface SandboxPayRequest { orderId: string }

@Route('api/credits')
@Tags('Credits')
export class PaymentsController extends Controller {
  /**
   * Credit packs and the per-credit price of the caller's price band, in INR.
   * @summary List credit packs and prices
   */
  @Get('packs')
  @OperationId('listPacks')
  @Security('jwt')
  @Response<Problem>(403, 'feature_disabled (purchases is switched off)')
  public async packs(@Request() req: ExRequest): Promise<PacksResponse> {
    await requireFeature((req.user as Caller).tenantId, 'purchases');
    return listPacks(req.user as Principal);
  }

  /**
   * Creates an order priced on the server (pack or quantity) and says which checkout to open. Send an Idempotency-Key to make retries safe.
   * @summary Create a credit order
   */
  @Post('purchase')
  @OperationId('purchase')
  @Security('jwt')
  @SuccessResponse(201, 'Created')
  @Response<Problem>(400, 'validation_error (unknown packId, bad quantity, both or neither)') @Response<Problem>(409, 'idempotency_conflict')
  @Response<Problem>(429, 'rate_limited') @Response<Problem>(503, 'provider_unavailable (the payment gateway refused or failed)')
  @Response<Problem>(403, 'feature_disabled (purchases is switched off)')
  public async purchase(@Request() req: ExRequest, @Body() body: PurchaseRequest, @Header('Idempotency-Key') idempotencyKey?: string): Promise<PurchaseResponse> {
    await requireFeature((req.user as Caller).tenantId, 'purchases');
    const r = await createPurchase(req.user as Principal, body, idempotencyKey);
    this.setStatus(r.status);
    if (r.replayed) this.setHeader('Idempotent-Replayed', 'true');
    return r.body;
  }

  /**
   * Verifies a checkout result and credits the order exactly once (a repeat answers the same).
   * @summary Verify a payment and credit the order
   */
  @Post('purchase/verify')
  @OperationId('verifyPurchase')
  @Security('jwt')
  @Response<Problem>(400, 'payment_verification_failed | validation_error') @Response<Problem>(404, 'not_found')
  @Response<Problem>(409, 'idempotency_conflict')
  public async verify(@Request() req: ExRequest, @Body() body: VerifyRequest, @Header('Idempotency-Key') idempotencyKey?: string): Promise<VerifyResponse> {
    const r = await verifyPurchase(req.user as Principal, body, idempotencyKey);
    this.setStatus(r.status);
    if (r.replayed) this.setHeader('Idempotent-Replayed', 'true');
    return r.body;
  }

  /**
   * Sandbox gateway only: what a completed checkout returns. 404 unless PAYMENTS_GATEWAY is sandbox.
   * @summary Complete a sandbox checkout
   */
  @Post('sandbox/pay')
  @OperationId('sandboxPay')
  @Security('jwt')
  @Response<Problem>(404, 'not_found (no such order of yours, or sandbox disabled)') @Response<Problem>(409, 'conflict (already paid)')
  @Response<Problem>(403, 'feature_disabled (purchases is switched off)')
  public async sandboxPay(@Request() req: ExRequest, @Body() body: SandboxPayRequest): Promise<SandboxPayResponse> {
    await requireFeature((req.user as Caller).tenantId, 'purchases');
    return sandboxPay(req.user as Principal, body);
  }
}
