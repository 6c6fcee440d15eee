import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import { PageIterator } from '../pagination.js';
import type { ListNotificationsRequest, ListNotificationsResponse, MarkNotificationsReadRequest, MarkNotificationsReadResponse, Notification } from '../types.js';
import { registerOperations, type OperationDef } from '../operations-core.js';

/** This resource's operations, known to `HttpCore` once the resource is built (operations.ts registers them too). */
export const notificationsOperations = [
  { name: 'listNotifications', method: 'GET', path: '/api/notifications' },
  { name: 'markNotificationsRead', method: 'POST', path: '/api/notifications/read', repeatable: true },
] as const satisfies readonly OperationDef[];

export class Notifications {
  constructor(private readonly http: HttpCore) {
    registerOperations(notificationsOperations);
  }

  list(query: ListNotificationsRequest = {}, opts?: RequestOptions): StudioPromise<ListNotificationsResponse> {
    return this.http.call('listNotifications', { query }, opts);
  }

  iterate(query: ListNotificationsRequest = {}, opts?: RequestOptions): PageIterator<Notification, ListNotificationsResponse> {
    return new PageIterator((cursor) => this.list({ ...query, cursor }, opts), query.cursor);
  }

  /** Marks the given notifications read, or all of them with `{ all: true }`. */
  markRead(body: MarkNotificationsReadRequest, opts?: RequestOptions): StudioPromise<MarkNotificationsReadResponse> {
    return this.http.call('markNotificationsRead', { body }, opts);
  }
}
