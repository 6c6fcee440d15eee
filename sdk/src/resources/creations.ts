import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import { PageIterator } from '../pagination.js';
import type { Creation, GetCreationResponse, ListCreationsRequest, ListCreationsResponse, ReopenCreationResponse } from '../types.js';
import { registerOperations, type OperationDef } from '../operations-core.js';

/** This resource's operations, known to `HttpCore` once the resource is built (operations.ts registers them too). */
export const creationsOperations = [
  { name: 'listCreations', method: 'GET', path: '/api/studio/my-creations' },
  { name: 'getCreation', method: 'GET', path: '/api/studio/my-creations/{imageId}' },
  { name: 'deleteCreation', method: 'DELETE', path: '/api/studio/my-creations/{imageId}' },
  { name: 'reopenCreation', method: 'GET', path: '/api/studio/my-creations/{imageId}/reopen' },
] as const satisfies readonly OperationDef[];

/** The caller's own images ("My Creations"). */
export class Creations {
  constructor(private readonly http: HttpCore) {
    registerOperations(creationsOperations);
  }

  list(query: ListCreationsRequest = {}, opts?: RequestOptions): StudioPromise<ListCreationsResponse> {
    return this.http.call('listCreations', { query }, opts);
  }

  /** Every creation, newest first, fetching pages as the loop needs them. */
  iterate(query: ListCreationsRequest = {}, opts?: RequestOptions): PageIterator<Creation, ListCreationsResponse> {
    return new PageIterator((cursor) => this.list({ ...query, cursor }, opts), query.cursor);
  }

  get(imageId: string, opts?: RequestOptions): StudioPromise<GetCreationResponse> {
    return this.http.call('getCreation', { params: { imageId } }, opts);
  }

  delete(imageId: string, opts?: RequestOptions): StudioPromise<void> {
    return this.http.call('deleteCreation', { params: { imageId } }, opts);
  }

  /** The settings to prefill the Studio with, to make this image again. */
  reopen(imageId: string, opts?: RequestOptions): StudioPromise<ReopenCreationResponse> {
    return this.http.call('reopenCreation', { params: { imageId } }, opts);
  }
}
