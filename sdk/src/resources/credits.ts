import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import { PageIterator } from '../pagination.js';
import type {
  GetBalanceResponse, GetOrderReceiptResponse, GetOrderResponse, LedgerEntry, ListCreditHistoryRequest, ListCreditHistoryResponse,
  ListOrdersRequest, ListOrdersResponse, ListPacksResponse, Order, PurchaseRequest, PurchaseResponse,
  SandboxPayResponse, VerifyPurchaseRequest, VerifyPurchaseResponse,
} from '../types.js';

export class Credits {
  constructor(private readonly http: HttpCore) {}

  balance(opts?: RequestOptions): StudioPromise<GetBalanceResponse> {
    return this.http.call('getBalance', {}, opts);
  }

  packs(opts?: RequestOptions): StudioPromise<ListPacksResponse> {
    return this.http.call('listPacks', {}, opts);
  }

  /** Creates an order for a pack or a quantity. Sends a generated `Idempotency-Key`. */
  purchase(body: PurchaseRequest, opts?: RequestOptions): StudioPromise<PurchaseResponse> {
    return this.http.call('purchase', { body }, opts);
  }

  /** Confirms a checkout; the order is credited once however often this is called. */
  verify(body: VerifyPurchaseRequest, opts?: RequestOptions): StudioPromise<VerifyPurchaseResponse> {
    return this.http.call('verifyPurchase', { body }, opts);
  }

  /** Sandbox gateway only: pays an order as a completed checkout would. */
  sandboxPay(orderId: string, opts?: RequestOptions): StudioPromise<SandboxPayResponse> {
    return this.http.call('sandboxPay', { body: { orderId } }, opts);
  }

  history(query: ListCreditHistoryRequest = {}, opts?: RequestOptions): StudioPromise<ListCreditHistoryResponse> {
    return this.http.call('listCreditHistory', { query }, opts);
  }

  iterateHistory(query: ListCreditHistoryRequest = {}, opts?: RequestOptions): PageIterator<LedgerEntry, ListCreditHistoryResponse> {
    return new PageIterator((cursor) => this.history({ ...query, cursor }, opts), query.cursor);
  }

  orders(query: ListOrdersRequest = {}, opts?: RequestOptions): StudioPromise<ListOrdersResponse> {
    return this.http.call('listOrders', { query }, opts);
  }

  iterateOrders(query: ListOrdersRequest = {}, opts?: RequestOptions): PageIterator<Order, ListOrdersResponse> {
    return new PageIterator((cursor) => this.orders({ ...query, cursor }, opts), query.cursor);
  }

  getOrder(orderId: string, opts?: RequestOptions): StudioPromise<GetOrderResponse> {
    return this.http.call('getOrder', { params: { orderId } }, opts);
  }

  /** The receipt of a paid order (number, seller, tax split); 409 while the order is unpaid. */
  receipt(orderId: string, opts?: RequestOptions): StudioPromise<GetOrderReceiptResponse> {
    return this.http.call('getOrderReceipt', { params: { orderId } }, opts);
  }

  /** The same receipt as a PDF, for a download link or a new tab (`URL.createObjectURL(blob)`). */
  receiptPdf(orderId: string, opts?: RequestOptions): StudioPromise<Blob> {
    return this.http.call('getOrderReceipt', { params: { orderId }, accept: 'application/pdf', responseType: 'blob' }, opts);
  }
}
