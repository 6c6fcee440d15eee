import crypto, { type KeyObject } from 'node:crypto';
import { guardedFetch } from '../admin/ssrf.js';
import { logger } from '../logger.js';
import { onResetForTests, processCache } from '../util/process-cache.js';

/**
 * A partner's JWKS, cached per URL. Replaces jwks-rsa's cache and rate limiter, whose budget (10 lookups a minute)
 * was shared by every kid of a partner: a dozen tokens with made-up kids locked every real user out for a minute.
 * Here the network is asked at most once per REFRESH_MIN_MS per URL, whatever kids arrive; a kid that is not in the
 * set fetched last is answered "unknown" from memory until the next refresh may run (the negative cache), and the
 * keys already known keep verifying while a refresh runs or fails.
 */
let REFRESH_MIN_MS = 30_000;
/** Known keys are re-read this often (in the background), so a key the partner withdrew stops working. */
const MAX_AGE_MS = 10 * 60_000;
const FETCH_TIMEOUT_MS = 5000;
const MAX_BODY_BYTES = 256 * 1024;
const MAX_KEYS = 100;

interface KeySet {
  keys: Map<string, KeyObject>;
  /** Keys without a kid, usable only when the set holds exactly one key. */
  anonymous: KeyObject[];
  fetchedAt: number;
  attemptedAt: number;
  inflight?: Promise<void>;
}

const sets = processCache<string, KeySet>();
let fetchCount = 0;
onResetForTests(() => { fetchCount = 0; REFRESH_MIN_MS = 30_000; });

/** For tests: how many times a JWKS was requested over the network. */
export function jwksFetchCount() { return fetchCount; }
export function forgetKeySets() { sets.clear(); }
/** For tests: a shorter refresh interval, so picking up a newly published key needs no 30 s wait. */
export function setKeySetRefreshInterval(ms = 30_000) { REFRESH_MIN_MS = ms; }

interface Jwk { kid?: unknown; kty?: unknown; use?: unknown; alg?: unknown; [k: string]: unknown }

function parseKeys(body: unknown, algorithm: string): { keys: Map<string, KeyObject>; anonymous: KeyObject[] } {
  const list = (body as { keys?: unknown })?.keys;
  if (!Array.isArray(list)) throw new Error('the JWKS has no keys array');
  const keys = new Map<string, KeyObject>(), anonymous: KeyObject[] = [];
  const kty = algorithm === 'ES256' ? 'EC' : 'RSA';
  for (const jwk of list.slice(0, MAX_KEYS) as Jwk[]) {
    if (!jwk || typeof jwk !== 'object' || jwk.kty !== kty) continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    if (jwk.alg !== undefined && jwk.alg !== algorithm) continue;
    let key: KeyObject;
    try {
      // Only the public members: a JWKS that (wrongly) carries private parts must not yield a private key.
      const { kty: t, n, e, crv, x, y } = jwk;
      key = crypto.createPublicKey({ key: { kty: t, n, e, crv, x, y } as crypto.JsonWebKey, format: 'jwk' });
    } catch {
      continue;
    }
    if (typeof jwk.kid === 'string' && jwk.kid) keys.set(jwk.kid, key);
    else anonymous.push(key);
  }
  return { keys, anonymous };
}

async function fetchSet(url: string, algorithm: string, set: KeySet) {
  set.attemptedAt = Date.now();
  fetchCount += 1;
  try {
    const res = await guardedFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    if (text.length > MAX_BODY_BYTES) throw new Error('the JWKS is too large');
    const parsed = parseKeys(JSON.parse(text), algorithm);
    set.keys = parsed.keys;
    set.anonymous = parsed.anonymous;
    set.fetchedAt = Date.now();
  } catch (err) {
    // The keys fetched before stay in use; the next attempt waits REFRESH_MIN_MS.
    logger().warn({ jwksUrl: url, err: (err as Error).message }, 'JWKS refresh failed');
  }
}

function refresh(url: string, algorithm: string, set: KeySet): Promise<void> | undefined {
  if (set.inflight) return set.inflight;
  if (Date.now() - set.attemptedAt < REFRESH_MIN_MS) return undefined;
  set.inflight = fetchSet(url, algorithm, set).finally(() => { set.inflight = undefined; });
  return set.inflight;
}

function pick(set: KeySet, kid: string | undefined): KeyObject | undefined {
  if (kid) return set.keys.get(kid);
  const all = [...set.keys.values(), ...set.anonymous];
  return all.length === 1 ? all[0] : undefined;
}

/** The public key for a token's kid, or undefined when the partner's key set does not hold it. */
export async function jwksKey(url: string, algorithm: string, kid: string | undefined): Promise<KeyObject | undefined> {
  const cacheKey = `${algorithm} ${url}`;
  let set = sets.get(cacheKey);
  if (!set) {
    set = { keys: new Map(), anonymous: [], fetchedAt: 0, attemptedAt: 0 };
    sets.set(cacheKey, set);
  }
  const known = pick(set, kid);
  if (known) {
    // Serve the cached key now; an old set is re-read behind the request.
    if (Date.now() - set.fetchedAt > MAX_AGE_MS) void refresh(url, algorithm, set);
    return known;
  }
  // An unknown kid may be a key the partner just published: wait for a refresh, but only one per REFRESH_MIN_MS.
  const pending = refresh(url, algorithm, set);
  if (pending) await pending;
  return pick(set, kid);
}
