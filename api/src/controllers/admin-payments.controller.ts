import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Put, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { getPaymentAccount, setPaymentAccount, type PaymentAccountRequest, type PaymentAccountView } from '../operations/credits/payment-account.js';
import type { Problem } from './problem.js';

@Route('api/admin/payments')
@Tags('Admin')
export class AdminPaymentsController extends Controller {
  /**
   * The partner's payment gateway account: its own Razorpay account or the process settings, the key id and which secrets are
   * set (never the secrets), and the webhook URL to give the gateway.
   * @summary Get the payment account
   */
  @Get()
  @OperationId('adminGetPaymentAccount')
  @Security('jwt', ['admin'])
  @Response<Problem>(403, 'forbidden')
  public async get(@Request() req: ExRequest): Promise<PaymentAccountView> {
    return getPaymentAccount(req.user as Principal);
  }

  /**
   * Sets the partner's own Razorpay account (key id, key secret and webhook secret the first time) or rotates any of them.
   * Secrets are write-only, stored encrypted and audited without their values; new orders, checks, refunds and the partner's
   * webhooks at /api/webhooks/razorpay/{partnerId} use them at once.
   * @summary Set or rotate the payment account
   */
  @Put()
  @OperationId('adminSetPaymentAccount')
  @Security('jwt', ['admin'])
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden')
  public async set(@Request() req: ExRequest, @Body() body: PaymentAccountRequest): Promise<PaymentAccountView> {
    return setPaymentAccount(req.user as Principal, body);
  }
}
