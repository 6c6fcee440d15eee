import type { Request as ExRequest } from 'express';
import { Readable } from 'node:stream';
import { Controller, Get, OperationId, Path, Produces, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { ledgerHistory } from '../operations/credits/ledger-history.js';
import { listOrders } from '../operations/credits/list-orders.js';
import { getOrder } from '../operations/credits/get-order.js';
import { getReceipt, getReceiptPdf } from '../operations/credits/get-receipt.js';
import type { LedgerEntryView, OrderView } from '../presenters/wallet.js';
import type { ReceiptView } from '../presenters/receipt.js';
import type { Problem } from './problem.js';

export interface LedgerPage { items: LedgerEntryView[]; nextCursor?: string }
export interface OrderPage { items: OrderView[]; nextCursor?: string }

@Route('api/credits')
@Tags('Credits')
export class WalletController extends Controller {
  /**
   * The caller's ledger, newest first: every balance change with its reason and what it refers to.
   * @summary List my credit history
   */
  @Get('history')
  @OperationId('listCreditHistory')
  @Security('jwt')
  @Response<Problem>(400, 'validation_error (limit, cursor)')
  public async history(@Request() req: ExRequest, @Query() limit?: number, @Query() cursor?: string): Promise<LedgerPage> {
    return ledgerHistory(req.user as Principal, limit, cursor);
  }

  /**
   * The caller's orders, newest first, with their state.
   * @summary List my orders
   */
  @Get('orders')
  @OperationId('listOrders')
  @Security('jwt')
  @Response<Problem>(400, 'validation_error (limit, cursor)')
  public async orders(@Request() req: ExRequest, @Query() limit?: number, @Query() cursor?: string): Promise<OrderPage> {
    return listOrders(req.user as Principal, limit, cursor);
  }

  /**
   * One of the caller's orders with its state; another user's order is 404.
   * @summary Get one of my orders
   */
  @Get('orders/{orderId}')
  @OperationId('getOrder')
  @Security('jwt')
  @Response<Problem>(404, 'not_found')
  public async order(@Request() req: ExRequest, @Path() orderId: string): Promise<OrderView> {
    return getOrder(req.user as Principal, orderId);
  }

  /**
   * The receipt of one of the caller's paid orders: the partner's legal name, address and GSTIN, a number in sequence
   * per partner and financial year, the amount with its tax split, the pack and the payment id. JSON by default; a PDF
   * when the request sends `Accept: application/pdf`. Another user's order is 404; an order not paid yet is 409 `conflict`.
   * @summary Get the receipt of one of my orders
   */
  @Get('orders/{orderId}/receipt')
  @OperationId('getOrderReceipt')
  @Security('jwt')
  @Produces('application/json')
  @Produces('application/pdf')
  @Response<Problem>(404, 'not_found')
  @Response<Problem>(409, 'conflict (the order is not paid)')
  public async receipt(@Request() req: ExRequest, @Path() orderId: string): Promise<ReceiptView> {
    const p = req.user as Principal;
    if (req.accepts(['application/json', 'application/pdf']) === 'application/pdf') {
      const { pdf, number } = await getReceiptPdf(p, orderId);
      this.setHeader('Content-Type', 'application/pdf');
      this.setHeader('Cache-Control', 'private, no-store');
      this.setHeader('Content-Disposition', `inline; filename="receipt-${number.replace(/[^\w-]/g, '-')}.pdf"`);
      // tsoa pipes a returned stream as the body; the declared type is the JSON one the document describes.
      return Readable.from([pdf]) as unknown as ReceiptView;
    }
    return getReceipt(p, orderId);
  }
}
