import { parseRetryAfter } from './errors.js';

/** Rate-limit figures from a response; each is undefined when the API did not send it. */
export interface RateLimitInfo {
  /** Requests allowed in the current window. */
  limit?: number;
  /** Requests left in the current window. */
  remaining?: number;
  /** Seconds until the window resets. */
  reset?: number;
  /** Seconds the API asks to wait (`Retry-After`, on 429). */
  retryAfter?: number;
}

/** What `.withResponse()` resolves to: the parsed body and what came with it. */
export interface WithResponse<T> {
  data: T;
  /** The raw Response; its body has already been read. */
  response: Response;
  /** The API's `X-Request-Id`, to quote when reporting a problem. */
  requestId: string | undefined;
  rateLimit: RateLimitInfo;
}

const num = (v: string | null): number | undefined => {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v.split(/[;,]/)[0]);
  return Number.isFinite(n) ? n : undefined;
};

/** Reads both the IETF `RateLimit-*` fields and the older `X-RateLimit-*` ones. */
export function rateLimitOf(headers: Headers): RateLimitInfo {
  const pick = (name: string) => num(headers.get(`ratelimit-${name}`)) ?? num(headers.get(`x-ratelimit-${name}`));
  return { limit: pick('limit'), remaining: pick('remaining'), reset: pick('reset'), retryAfter: parseRetryAfter(headers.get('retry-after')) };
}

/**
 * The promise every SDK call returns: awaiting it gives the data, as before; `.withResponse()` gives the data
 * with the raw Response, request id and rate-limit figures (the shape openai-node partners know).
 * The body is fetched and parsed once, whichever of the two is used.
 */
export class StudioPromise<T> extends Promise<T> {
  private readonly full: Promise<WithResponse<T>>;
  private dataPromise?: Promise<T>;

  constructor(full: Promise<WithResponse<T>>) {
    // The base promise is a placeholder: then/catch/finally below answer from `full`.
    super((resolve) => resolve(undefined as T));
    this.full = full;
  }

  // Derived promises (from then/catch) are plain Promises, not StudioPromises without a `full`.
  static override get [Symbol.species]() {
    return Promise;
  }

  withResponse(): Promise<WithResponse<T>> {
    return this.full;
  }

  private data(): Promise<T> {
    return (this.dataPromise ??= this.full.then((r) => r.data));
  }

  override then<A = T, B = never>(onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.data().then(onfulfilled, onrejected);
  }

  override catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.data().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.data().finally(onfinally);
  }
}
