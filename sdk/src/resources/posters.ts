import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import type {
  CreateBrandKitRequest, CreateBrandKitResponse, CreatePosterRequest, CreatePosterResponse, GetBrandKitResponse, GetPosterResponse, ListBrandKitsResponse,
} from '../types.js';
import { registerOperations, type OperationDef } from '../operations-core.js';

/** This resource's operations, known to `HttpCore` once the resource is built (operations.ts registers them too). */
export const postersOperations = [
  { name: 'createPoster', method: 'POST', path: '/api/studio/posters' },
  { name: 'getPoster', method: 'GET', path: '/api/studio/posters/{posterId}' },
  { name: 'createBrandKit', method: 'POST', path: '/api/studio/brand-kits' },
  { name: 'listBrandKits', method: 'GET', path: '/api/studio/brand-kits' },
  { name: 'getBrandKit', method: 'GET', path: '/api/studio/brand-kits/{brandKitId}' },
  { name: 'deleteBrandKit', method: 'DELETE', path: '/api/studio/brand-kits/{brandKitId}' },
] as const satisfies readonly OperationDef[];

/** The poster composer: typeset text, layout, brand kit and referral QR over one of the caller's images. Free of credits. */
export class Posters {
  constructor(private readonly http: HttpCore) {
    registerOperations(postersOperations);
  }

  /** Renders a poster (server-side) and saves it as a creation; `text_does_not_fit` (422) names the field to shorten. */
  create(body: CreatePosterRequest, opts?: RequestOptions): StudioPromise<CreatePosterResponse> {
    return this.http.call('createPoster', { body }, opts);
  }

  get(posterId: string, opts?: RequestOptions): StudioPromise<GetPosterResponse> {
    return this.http.call('getPoster', { params: { posterId } }, opts);
  }
}

/** The caller's brand kits (colours, font, logo) and the partner's default kit. */
export class BrandKits {
  constructor(private readonly http: HttpCore) {
    registerOperations(postersOperations);
  }

  /** `logo`: `{ contentType: 'image/png' | 'image/svg+xml', data: base64 }`, at most 1 MB. */
  create(body: CreateBrandKitRequest, opts?: RequestOptions): StudioPromise<CreateBrandKitResponse> {
    return this.http.call('createBrandKit', { body }, opts);
  }

  list(opts?: RequestOptions): StudioPromise<ListBrandKitsResponse> {
    return this.http.call('listBrandKits', {}, opts);
  }

  get(brandKitId: string, opts?: RequestOptions): StudioPromise<GetBrandKitResponse> {
    return this.http.call('getBrandKit', { params: { brandKitId } }, opts);
  }

  delete(brandKitId: string, opts?: RequestOptions): StudioPromise<void> {
    return this.http.call('deleteBrandKit', { params: { brandKitId } }, opts);
  }
}
