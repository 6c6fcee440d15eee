/**
 * Verifies a delivery of the studio's outbound webhooks (Standard Webhooks): the `webhook-signature` header holds one or
 * more `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the
 * `whsec_...` secret. Uses Web Crypto, so it runs in Node 20+, browsers' service workers, Deno and edge runtimes alike.
 * Pass the body exactly as received (the raw text), not a re-serialised object.
 */
export type WebhookEventType =
  | 'generation.succeeded' | 'generation.failed' | 'credits.purchased' | 'credits.granted' | 'credits.refunded' | 'referral.held'
  | 'referral.rewarded' | 'post.published' | 'post.moderated' | 'remix.rewarded' | 'user.erased' | 'webhook.test';

export interface WebhookEvent<T extends string = WebhookEventType> {
  type: T;
  /** ISO 8601 time of the change. */
  timestamp: string;
  /** Always carries the user's `sub` when the event is about a user; never an email or a secret. */
  data: Record<string, string | number | boolean | null>;
}

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export class WebhookVerificationError extends Error {
  constructor(message: string, readonly reason: 'missing_headers' | 'bad_timestamp' | 'stale' | 'bad_signature' | 'bad_secret' | 'bad_body') {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** Signatures older or newer than this are refused (replay protection). */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

function header(h: WebhookHeaders, name: string): string | undefined {
  if (typeof (h as Headers).get === 'function') return (h as Headers).get(name) ?? undefined;
  const rec = h as Record<string, string | string[] | undefined>;
  const key = Object.keys(rec).find((k) => k.toLowerCase() === name);
  const v = key === undefined ? undefined : rec[key];
  return Array.isArray(v) ? v[0] : v;
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
function toBase64(bytes: ArrayBuffer): string {
  let bin = '';
  for (const b of new Uint8Array(bytes)) bin += String.fromCharCode(b);
  return btoa(bin);
}
/** Compares in time independent of where the strings differ. */
function equal(a: string, b: string) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks the signature and the timestamp (within 5 minutes of `now`) and answers the parsed event; rejects with a
 * WebhookVerificationError otherwise. `body` is the raw request body (string, or bytes decoded as UTF-8).
 */
export async function verifyWebhook(body: string | Uint8Array, headers: WebhookHeaders, secret: string,
  opts: { now?: Date; toleranceSeconds?: number } = {}): Promise<WebhookEvent> {
  const id = header(headers, 'webhook-id'), ts = header(headers, 'webhook-timestamp'), sigs = header(headers, 'webhook-signature');
  if (!id || !ts || !sigs) throw new WebhookVerificationError('missing webhook-id, webhook-timestamp or webhook-signature header', 'missing_headers');
  const timestamp = Number(ts);
  if (!/^\d{1,12}$/.test(ts) || !Number.isSafeInteger(timestamp)) throw new WebhookVerificationError('webhook-timestamp is not a unix time', 'bad_timestamp');
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (opts.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) {
    throw new WebhookVerificationError('the webhook timestamp is too old or too new', 'stale');
  }
  let key: Uint8Array;
  try {
    key = fromBase64(secret.startsWith('whsec_') ? secret.slice(6) : secret);
  } catch {
    throw new WebhookVerificationError('the secret is not a whsec_ secret', 'bad_secret');
  }
  if (!key.length) throw new WebhookVerificationError('the secret is empty', 'bad_secret');
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  const cryptoKey = await globalThis.crypto.subtle.importKey('raw', key.buffer as ArrayBuffer, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const expected = toBase64(await globalThis.crypto.subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(`${id}.${ts}.${text}`)));
  const ok = sigs.split(' ').some((s) => {
    const [version, sig] = s.split(',');
    return version === 'v1' && sig !== undefined && equal(sig, expected);
  });
  if (!ok) throw new WebhookVerificationError('no matching signature', 'bad_signature');
  try {
    return JSON.parse(text) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError('the body is not JSON', 'bad_body');
  }
}
