import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import { PageIterator } from '../pagination.js';
import type {
  AdminGetPaymentAccountResponse, AdminListOrdersRequest, AdminListOrdersResponse, AdminOrder, AdminRefundOrderRequest, AdminRefundOrderResponse,
  AdminSetPaymentAccountRequest, AdminSetPaymentAccountResponse,
} from '../types.js';

/** The partner's orders and refunds (`finance`). */
export class AdminOrders {
  constructor(private readonly http: HttpCore) {}
  /** Filters: user (sub), status, from/to (creation date). */
  list(query: AdminListOrdersRequest = {}, opts?: RequestOptions): StudioPromise<AdminListOrdersResponse> {
    return this.http.call('adminListOrders', { query }, opts);
  }
  iterate(query: AdminListOrdersRequest = {}, opts?: RequestOptions): PageIterator<AdminOrder, AdminListOrdersResponse> {
    return new PageIterator((cursor) => this.list({ ...query, cursor }, opts), query.cursor);
  }
  /** Refunds a paid order through its gateway (default: all that is left); the credits are taken back in proportion. */
  refund(orderId: string, body: AdminRefundOrderRequest, opts?: RequestOptions): StudioPromise<AdminRefundOrderResponse> {
    return this.http.call('adminRefundOrder', { params: { orderId }, body }, opts);
  }
}

/** The partner's own payment gateway account; secrets are write-only. */
export class AdminPayments {
  constructor(private readonly http: HttpCore) {}
  get(opts?: RequestOptions): StudioPromise<AdminGetPaymentAccountResponse> {
    return this.http.call('adminGetPaymentAccount', {}, opts);
  }
  /** Sets (all three values the first time) or rotates the key id, key secret and webhook secret. */
  set(body: AdminSetPaymentAccountRequest, opts?: RequestOptions): StudioPromise<AdminSetPaymentAccountResponse> {
    return this.http.call('adminSetPaymentAccount', { body }, opts);
  }
}
