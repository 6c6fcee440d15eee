import type { HttpCore, RequestOptions } from '../core.js';
import type { StudioPromise } from '../response.js';
import { PageIterator } from '../pagination.js';
import type {
  Card, GetFeedRequest, GetFeedResponse, GetPostResponse, LikePostResponse, PublishRequest, PublishResponse,
  ReportPostRequest, ReportPostResponse, AppealModerationRequest, AppealModerationResponse, RequestTakedownRequest, RequestTakedownResponse,
} from '../types.js';

export class Community {
  constructor(private readonly http: HttpCore) {}

  publish(body: PublishRequest, opts?: RequestOptions): StudioPromise<PublishResponse> {
    return this.http.call('publish', { body }, opts);
  }

  feed(query: GetFeedRequest = {}, opts?: RequestOptions): StudioPromise<GetFeedResponse> {
    return this.http.call('getFeed', { query }, opts);
  }

  iterateFeed(query: GetFeedRequest = {}, opts?: RequestOptions): PageIterator<Card, GetFeedResponse> {
    return new PageIterator((cursor) => this.feed({ ...query, cursor }, opts), query.cursor);
  }

  getPost(postId: string, opts?: RequestOptions): StudioPromise<GetPostResponse> {
    return this.http.call('getPost', { params: { postId } }, opts);
  }

  /** The author takes a post down. */
  unpublish(postId: string, opts?: RequestOptions): StudioPromise<void> {
    return this.http.call('unpublishPost', { params: { postId } }, opts);
  }

  /** Toggles the caller's like. Not retried after a network error, since a repeat would undo it. */
  like(postId: string, opts?: RequestOptions): StudioPromise<LikePostResponse> {
    return this.http.call('likePost', { params: { postId } }, opts);
  }

  report(postId: string, body: ReportPostRequest, opts?: RequestOptions): StudioPromise<ReportPostResponse> {
    return this.http.call('reportPost', { params: { postId }, body }, opts);
  }

  /** The author appeals the moderation action in force on its post, once per action (ConflictError otherwise). */
  appeal(postId: string, body: AppealModerationRequest, opts?: RequestOptions): StudioPromise<AppealModerationResponse> {
    return this.http.call('appealModeration', { params: { postId }, body }, opts);
  }

  /** Asks the partner to take a post down (no token needed); answers a ticket id. */
  requestTakedown(body: RequestTakedownRequest, opts?: RequestOptions): StudioPromise<RequestTakedownResponse> {
    return this.http.call('requestTakedown', { body }, opts);
  }
}
