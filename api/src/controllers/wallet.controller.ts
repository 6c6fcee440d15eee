import type { Request as ExRequest } from 'express';
import { Controller, Get, OperationId, Path, Query, Request, Response, Route, Security, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { ledgerHistory } from '../operations/credits/ledger-history.js';
import { listOrders } from '../operations/credits/list-orders.js';
import { getOrder } from '../operations/credits/get-order.js';
import type { LedgerEntryView, OrderView } from '../presenters/wallet.js';
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
}
