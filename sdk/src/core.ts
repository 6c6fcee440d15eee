import { AbortError, NetworkError, RateLimitedError, StudioError, errorFromResponse } from './errors.js';
import { buildPath, lookupOperation } from './operations-core.js';
import type { OperationName } from './operations.js';
import { StudioPromise, rateLimitOf, type RateLimitInfo, type WithResponse } from './response.js';

export type TokenProvider = (context: { forceRefresh: boolean }) => string | null | undefined | Promise<string | null | undefined>;
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** What `onRequest` sees before each attempt. */
export interface RequestEvent {
  operation: OperationName;
  method: string;
  url: string;
  /** The headers about to be sent; a hook may add or change some (tracing ids). Holds the bearer token: redact before logging. */
  headers: Record<string, string>;
  /** 0 for the first attempt, 1 for the first retry ... */
  attempt: number;
}

/** What `onResponse` sees after each attempt that got an HTTP answer, retried ones included. */
export interface ResponseEvent {
  operation: OperationName;
  method: string;
  url: string;
  attempt: number;
  status: number;
  /** The raw Response; read its body with `response.clone()` only. */
  response: Response;
  requestId: string | undefined;
  rateLimit: RateLimitInfo;
  durationMs: number;
}

export interface ClientOptions {
  /** Where the API lives, e.g. `https://studio.example.com` (no `/api`). */
  baseUrl: string;
  /** A partner-issued JWT. Use `getToken` instead when tokens expire. */
  token?: string;
  /** Called before every request; called again with `forceRefresh: true` once after a 401. */
  getToken?: TokenProvider;
  /** The partner's publishable key, for anonymous calls (`X-Partner-Key`). */
  partnerKey?: string;
  /** A stable id of this device (`X-Device-Id`), used by referral fraud checks. */
  deviceId?: string;
  /** Sent as `Accept-Language`. */
  locale?: string;
  /** Defaults to the platform's global fetch. */
  fetch?: FetchLike;
  /** Automatic retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Per-attempt timeout (default 60 000 ms). */
  timeoutMs?: number;
  /** Extra headers sent on every request. */
  headers?: Record<string, string>;
  /** First backoff step (default 500 ms); doubles each retry, with jitter. */
  retryBaseDelayMs?: number;
  /** Backoff ceiling (default 8 000 ms). */
  retryMaxDelayMs?: number;
  /** A 429 asking to wait longer than this is thrown instead of waited out (default 60 s). */
  maxRetryAfterMs?: number;
  /** Injectable for tests. */
  sleep?: Sleep;
  /** Called before every attempt (retries included), e.g. for logging; awaited, and an error it throws fails the call. */
  onRequest?: (event: RequestEvent) => void | Promise<void>;
  /** Called after every attempt that got an HTTP response, before the SDK reads it; awaited like `onRequest`. */
  onResponse?: (event: ResponseEvent) => void | Promise<void>;
}

/** Options every SDK method accepts as its last argument. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the generated key on spending calls; makes any call retryable. */
  idempotencyKey?: string;
  timeoutMs?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

export interface CallSpec {
  params?: Record<string, string>;
  query?: object;
  body?: unknown;
  /** `text` returns the body as a string (CSV exports), `blob` as a Blob (PDF receipts). */
  responseType?: 'json' | 'text' | 'blob';
  accept?: string;
}

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError(signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function randomKey(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  // Older browsers on plain http lack randomUUID; getRandomValues is everywhere.
  const b = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function buildQuery(query?: object): string {
  if (!query) return '';
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) value.forEach((v) => qs.append(key, String(v)));
    else qs.append(key, String(value));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/** Transport: auth, headers, timeouts, retries, idempotency and error mapping. */
export class HttpCore {
  readonly options: Readonly<ClientOptions>;
  readonly sleep: Sleep;
  private readonly baseUrl: string;

  constructor(options: ClientOptions) {
    if (!options || !options.baseUrl) throw new TypeError('StudioClient: baseUrl is required');
    this.options = { ...options };
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Calls an operation; await the result for the data, or use `.withResponse()` for the Response as well. */
  call<T>(name: OperationName, spec: CallSpec = {}, opts: RequestOptions = {}): StudioPromise<T> {
    return new StudioPromise<T>(this.request<T>(name, spec, opts));
  }

  private async request<T>(name: OperationName, spec: CallSpec, opts: RequestOptions): Promise<WithResponse<T>> {
    const op = lookupOperation(name);
    const url = this.baseUrl + buildPath(op.path, spec.params) + buildQuery(spec.query);
    const idempotencyKey = opts.idempotencyKey ?? (op.idempotencyKey ? randomKey() : undefined);
    // Without a key, repeating a POST such as `like` or `publish` could apply it twice,
    // so those are retried only on 429, which the API answers before doing anything.
    const repeatable = op.method === 'GET' || op.method === 'DELETE' || op.method === 'PUT' || !!op.repeatable || !!idempotencyKey;
    const maxRetries = Math.max(0, opts.maxRetries ?? this.options.maxRetries ?? 2);

    let attempt = 0;
    let refreshed = false;
    let forceRefresh = false;
    for (;;) {
      const headers = await this.headers(spec, idempotencyKey, forceRefresh, opts);
      forceRefresh = false;
      const event = { operation: name, method: op.method, url, attempt };
      await this.options.onRequest?.({ ...event, headers });
      const started = Date.now();
      let response: Response;
      try {
        response = await this.send(url, { method: op.method, headers, body: spec.body === undefined ? undefined : JSON.stringify(spec.body) }, opts);
      } catch (err) {
        if (err instanceof AbortError || !repeatable || attempt >= maxRetries) throw err;
        await this.sleep(this.backoff(attempt++), opts.signal);
        continue;
      }
      const requestId = response.headers.get('x-request-id') ?? undefined;
      const rateLimit = rateLimitOf(response.headers);
      await this.options.onResponse?.({ ...event, status: response.status, response, requestId, rateLimit, durationMs: Date.now() - started });

      if (response.ok) return { data: (await this.parse(response, spec)) as T, response, requestId, rateLimit };

      const error = errorFromResponse(response.status, await readBody(response), response.headers);
      if (response.status === 401 && !refreshed && this.options.getToken) {
        refreshed = true;
        forceRefresh = true;
        continue;
      }
      const delay = this.retryDelay(error, attempt, repeatable);
      if (delay === undefined || attempt >= maxRetries) throw error;
      attempt++;
      await this.sleep(delay, opts.signal);
    }
  }

  /** Milliseconds to wait before retrying, or undefined when the error is final. */
  private retryDelay(error: StudioError, attempt: number, repeatable: boolean): number | undefined {
    if (error instanceof RateLimitedError || error.status === 429) {
      const retryAfter = (error as RateLimitedError).retryAfter;
      if (retryAfter === undefined) return this.backoff(attempt);
      const ms = Math.ceil(retryAfter * 1000);
      return ms > (this.options.maxRetryAfterMs ?? 60_000) ? undefined : ms;
    }
    if (error.status >= 500 && repeatable) return this.backoff(attempt);
    return undefined;
  }

  private backoff(attempt: number): number {
    const base = this.options.retryBaseDelayMs ?? 500;
    const cap = this.options.retryMaxDelayMs ?? 8_000;
    const step = Math.min(cap, base * 2 ** attempt);
    // Jitter spreads out clients that failed together so they do not retry together.
    return Math.round(step * (0.75 + Math.random() * 0.25));
  }

  private async headers(spec: CallSpec, idempotencyKey: string | undefined, forceRefresh: boolean, opts: RequestOptions): Promise<Record<string, string>> {
    const o = this.options;
    const h: Record<string, string> = {
      Accept: spec.accept ?? 'application/json, application/problem+json',
      ...o.headers,
    };
    const token = o.getToken ? await o.getToken({ forceRefresh }) : o.token;
    if (token) h['Authorization'] = `Bearer ${token}`;
    if (o.partnerKey) h['X-Partner-Key'] = o.partnerKey;
    if (o.deviceId) h['X-Device-Id'] = o.deviceId;
    if (o.locale) h['Accept-Language'] = o.locale;
    if (idempotencyKey) h['Idempotency-Key'] = idempotencyKey;
    if (spec.body !== undefined) h['Content-Type'] = 'application/json';
    return { ...h, ...opts.headers };
  }

  private async send(url: string, init: RequestInit, opts: RequestOptions): Promise<Response> {
    if (opts.signal?.aborted) throw new AbortError(opts.signal.reason);
    // Combined by hand: AbortSignal.any is missing from older Safari.
    const controller = new AbortController();
    const timeoutMs = opts.timeoutMs ?? this.options.timeoutMs ?? 60_000;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(opts.signal?.reason);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const fetchImpl = this.options.fetch;
      return fetchImpl ? await fetchImpl(url, { ...init, signal: controller.signal }) : await globalThis.fetch(url, { ...init, signal: controller.signal });
    } catch (err) {
      if (opts.signal?.aborted) throw new AbortError(opts.signal.reason);
      if (timedOut) throw new NetworkError(`Request timed out after ${timeoutMs} ms`, err, 'timeout');
      throw new NetworkError(err instanceof Error ? err.message : String(err), err);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  private async parse(response: Response, spec: CallSpec): Promise<unknown> {
    if (response.status === 204 || response.status === 205) return undefined;
    if (spec.responseType === 'blob') return response.blob();
    const text = await response.text();
    if (spec.responseType === 'text') return text;
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new StudioError({
        status: response.status,
        code: 'invalid_response',
        title: 'Invalid response',
        detail: 'The API answered with a body that is not JSON',
        requestId: response.headers.get('x-request-id') ?? undefined,
        cause: err,
      });
    }
  }
}

async function readBody(response: Response): Promise<unknown> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
