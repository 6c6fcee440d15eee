import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import { PageIterator } from '../pagination.js';
import type { ListNotificationsRequest, ListNotificationsResponse, MarkNotificationsReadRequest, MarkNotificationsReadResponse, Notification } from '../types.js';

export class Notifications {
  constructor(private readonly http: HttpCore) {}

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
