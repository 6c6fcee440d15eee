import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, OperationId, Path, Post, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { listAdminOrders, refundOrder, type AdminOrderPage, type RefundOrderRequest, type RefundOrderResponse } from '../operations/credits/admin-orders.js';
import type { Problem } from './problem.js';

@Route('api/admin/orders')
@Tags('Admin')
export class AdminOrdersController extends Controller {
  /**
   * The partner's orders, newest first, with what was refunded or is under dispute. Filters: `user` (the buyer's sub), `status`
   * (created, paid, failed, refunded, partially_refunded, disputed), `from`/`to` (creation date, ISO 8601, `to` exclusive).
   * @summary List orders
   */
  @Get()
  @OperationId('adminListOrders')
  @Security('jwt', ['admin', 'finance'])
  @Response<Problem>(400, 'validation_error (status, from, to, limit, cursor)') @Response<Problem>(403, 'forbidden')
  public async list(@Request() req: ExRequest, @Query() user?: string, @Query() status?: string, @Query() from?: string, @Query() to?: string,
    @Query() limit?: number, @Query() cursor?: string): Promise<AdminOrderPage> {
    return listAdminOrders(req.user as Principal, { user, status, from, to, limit, cursor });
  }

  /**
   * Refunds a paid order, wholly (default: everything still refundable) or in part, through the gateway that took it
   * (Razorpay's refund API; the sandbox at once). The purchased credits are taken back in proportion, once, even when the
   * gateway's `refund.processed` webhook arrives too; what the balance cannot cover becomes a debt that blocks spending until a
   * purchase settles it. Audited, and reported to the partner as `credits.refunded`. Bad input writes nothing.
   * @summary Refund an order
   */
  @Post('{orderId}/refund')
  @OperationId('adminRefundOrder')
  @Security('jwt', ['admin', 'finance'])
  @Response<Problem>(400, 'validation_error (amount above what is refundable, note missing)') @Response<Problem>(403, 'forbidden')
  @Response<Problem>(404, 'not_found (no such order of this partner)') @Response<Problem>(409, 'conflict (unpaid order, nothing left, gateway refused)')
  @Response<Problem>(503, 'provider_unavailable (the gateway did not answer)')
  public async refund(@Request() req: ExRequest, @Path() orderId: string, @Body() body: RefundOrderRequest): Promise<RefundOrderResponse> {
    return refundOrder(req.user as Principal, orderId, body);
  }
}
