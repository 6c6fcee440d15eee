import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import type { OpenRemixResponse, RecordRemixRequest, RecordRemixResponse } from '../types.js';

export class Remix {
  constructor(private readonly http: HttpCore) {}

  /** The prompt to prefill the Studio with when remixing a post. */
  open(postId: string, opts?: RequestOptions): StudioPromise<OpenRemixResponse> {
    return this.http.call('openRemix', { params: { postId } }, opts);
  }

  /** Tells the API a remix was generated, so the post's creator may be rewarded. */
  record(postId: string, body: RecordRemixRequest, opts?: RequestOptions): StudioPromise<RecordRemixResponse> {
    return this.http.call('recordRemix', { params: { postId }, body }, opts);
  }
}
