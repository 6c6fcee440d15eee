import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import type {
  EraseMeResponse, ExportMyDataResponse, GetMyErasureResponse, GetMyExportResponse, GiveConsentRequest, GiveConsentResponse, ListMyConsentsResponse,
} from '../types.js';

/** The caller's own data: export, erasure, consents (docs/privacy.md). */
export class Me {
  constructor(private readonly http: HttpCore) {}

  /** Everything stored about the caller; a large account answers the status of an export job instead (poll `getExport`). */
  export(opts?: RequestOptions): StudioPromise<ExportMyDataResponse> {
    return this.http.call('exportMyData', {}, opts) as StudioPromise<ExportMyDataResponse>;
  }

  getExport(requestId: string, opts?: RequestOptions): StudioPromise<GetMyExportResponse> {
    return this.http.call('getMyExport', { params: { requestId } }, opts);
  }

  /** Erases the caller's account (a job); asking again answers the same erasure. */
  erase(opts?: RequestOptions): StudioPromise<EraseMeResponse> {
    return this.http.call('eraseMe', {}, opts);
  }

  erasure(opts?: RequestOptions): StudioPromise<GetMyErasureResponse> {
    return this.http.call('getMyErasure', {}, opts);
  }

  consents(opts?: RequestOptions): StudioPromise<ListMyConsentsResponse> {
    return this.http.call('listMyConsents', {}, opts);
  }

  giveConsent(body: GiveConsentRequest, opts?: RequestOptions): StudioPromise<GiveConsentResponse> {
    return this.http.call('giveConsent', { body }, opts);
  }
}
