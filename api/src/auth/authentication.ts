import crypto, { type KeyObject } from 'node:crypto';
import type { Request } from 'express';
import jwt, { type JwtHeader, type JwtPayload } from 'jsonwebtoken';
import { AppError } from '../errors.js';
import { DEFAULT_TENANT_ID, loadTenants, type TenantAuth } from '../tenants/tenants.js';
import { originAllowedFor } from '../tenants/origins.js';
import { jwksKey } from './key-set.js';
import { checkPlatformKey } from './platform-key.js';
import { resolveUser, type Claims } from './users.js';
import type { Principal, Visitor } from './principal.js';
import { requestContext } from '../request-context.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { processCache } from '../util/process-cache.js';
import { limitCaller } from './route-limits.js';
import { roleAllows, roleOf, roleScopes } from './roles.js';
import { refuseSuspended } from './suspension.js';

const unauthorized = (detail: string) => new AppError('unauthorized', detail);
/** A token that was sent and refused for anything but expiry: the widgets say "We could not sign you in". */
const invalidToken = (detail: string) => new AppError('unauthorized', detail, { reason: 'token_invalid' });

/**
 * Which partner a call belongs to: X-Partner-Key, else the token's issuer, else the only/default partner.
 * A disabled partner's key and tokens are refused here, on every route; a browser call from an origin the partner
 * did not list is refused too (a call without Origin is a server's, and CORS does not apply to it).
 */
async function findTenant(req: Request, payload?: JwtPayload): Promise<TenantAuth> {
  const t = await namedTenant(req, payload);
  if (t.status !== 'active') throw unauthorized('This partner is disabled.');
  const origin = req.header('origin');
  if (origin && !originAllowedFor(t, origin)) throw new AppError('origin_not_allowed', `The origin ${origin.slice(0, 200)} is not allowed for this partner.`);
  return t;
}

async function namedTenant(req: Request, payload?: JwtPayload): Promise<TenantAuth> {
  const tenants = await loadTenants();
  const key = req.header('x-partner-key');
  if (key) {
    const t = tenants.byKey.get(key);
    if (!t) throw unauthorized('Unknown partner key.');
    return t;
  }
  if (payload?.iss && tenants.byIssuer.has(payload.iss)) return tenants.byIssuer.get(payload.iss)!;
  const def = tenants.byId.get(DEFAULT_TENANT_ID) ?? (tenants.byId.size === 1 ? [...tenants.byId.values()][0] : undefined);
  if (!def) throw unauthorized('No partner could be determined for this call.');
  return def;
}

/**
 * HS256 secrets as KeyObjects: given a string, jsonwebtoken first tries it as a PEM public key, which throws
 * (with a stack trace) on every call; a KeyObject skips that and was a tenth of the CPU of a generate request.
 */
const secretKeys = processCache<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let k = secretKeys.get(secret);
  if (!k) {
    if (secretKeys.size > 1000) secretKeys.clear();
    k = crypto.createSecretKey(Buffer.from(secret, 'utf8'));
    secretKeys.set(secret, k);
  }
  return k;
}

async function verificationKey(t: TenantAuth, header: JwtHeader): Promise<string | KeyObject> {
  if (t.algorithm === 'HS256') {
    if (!t.secret) throw invalidToken('The partner has no shared secret configured.');
    return secretKey(t.secret);
  }
  if (t.publicKey) return t.publicKey;
  if (t.jwksUri) {
    const key = await jwksKey(t.jwksUri, t.algorithm, typeof header.kid === 'string' ? header.kid : undefined);
    if (!key) throw invalidToken('The token is signed with an unknown key.');
    return key;
  }
  throw invalidToken('The partner has no verification key configured.');
}

const CLOCK_TOLERANCE_S = 30;

/**
 * A stolen long-lived token is a long-lived account: tokens may live at most the partner's maximum (24 h by default),
 * counted from iat, or from now when there is none; an iat in the future (beyond the clock tolerance) is a forged
 * or badly clocked token that would stretch that window.
 */
function checkLifetime(payload: JwtPayload, tenant: TenantAuth) {
  const now = Math.floor(Date.now() / 1000);
  if (payload.iat !== undefined && typeof payload.iat !== 'number') throw invalidToken('The iat claim must be a number.');
  if (typeof payload.iat === 'number' && payload.iat > now + CLOCK_TOLERANCE_S) throw invalidToken('The token was issued in the future (iat).');
  const from = typeof payload.iat === 'number' ? payload.iat : now;
  if (payload.exp! - from > tenant.maxTokenLifetime) {
    throw invalidToken(`The token lives longer than this partner allows (${tenant.maxTokenLifetime} s from iat).`);
  }
}

const hasControl = (v: string) => [...v].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/**
 * Tokens this process verified, so a widget's every call does not pay the signature check and the decoding again
 * (token string -> its decoded parts and claims). An entry answers only while everything its verification depended
 * on is unchanged: the same partner object (tenants.ts builds new ones when any partner setting changes: secret,
 * keys, issuer, audience, lifetime, status) and the same verification key object (a rotated secret or JWKS key is a
 * new object), and only until the token's exp (with the same clock tolerance as jsonwebtoken). Everything that
 * depends on the request (partner key header, origin, partner status, crit and alg against the partner's settings)
 * is checked on every call as before. Only verified tokens are kept; bounded, least recently used first out.
 */
interface VerifiedToken { header: JwtHeader; payload: JwtPayload; tenant: TenantAuth; key: string | KeyObject; claims: Claims; exp: number }
const verifiedTokens = processCache<string, VerifiedToken>();
export const VERIFIED_TOKENS_MAX = 10_000;

export async function verifyToken(req: Request, token: string): Promise<{ tenant: TenantAuth; claims: Claims }> {
  const hit = verifiedTokens.get(token);
  const decoded = hit ?? jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') throw invalidToken('The bearer token is not a JWT.');
  const tenant = await findTenant(req, decoded.payload);
  // RFC 7515 4.1.11: a crit header names extensions the verifier must understand; we understand none.
  if ((decoded.header as { crit?: unknown }).crit !== undefined) throw invalidToken('Tokens with a crit header are not accepted.');
  // The algorithm is pinned by the partner's settings, never taken from the token (no alg:none, no HS/RS confusion).
  if (decoded.header.alg !== tenant.algorithm) throw invalidToken(`Tokens must be signed with ${tenant.algorithm}.`);
  const key = await verificationKey(tenant, decoded.header);
  if (hit) {
    if (hit.tenant === tenant && hit.key === key && Math.floor(Date.now() / 1000) < hit.exp + CLOCK_TOLERANCE_S) {
      verifiedTokens.delete(token); // most recently used goes last
      verifiedTokens.set(token, hit);
      return { tenant, claims: { ...hit.claims } };
    }
    verifiedTokens.delete(token); // expired, or verified under settings that changed since: verify afresh
  }
  let payload: JwtPayload;
  try {
    payload = jwt.verify(token, key, {
      algorithms: [tenant.algorithm],
      issuer: tenant.issuer || undefined,
      audience: tenant.audience || undefined,
      clockTolerance: CLOCK_TOLERANCE_S,
    }) as JwtPayload;
  } catch (err) {
    const name = (err as Error).name;
    // `reason` lets a widget tell "sign in again" (expired) from "the partner's sign-in is broken" (invalid).
    if (name === 'TokenExpiredError') throw new AppError('unauthorized', 'The token has expired.', { reason: 'token_expired' });
    throw invalidToken('The token signature or claims are not valid.');
  }
  if (typeof payload.exp !== 'number') throw invalidToken('The token must carry an exp claim.');
  checkLifetime(payload, tenant);
  // Control characters are no user id; a NUL also cut SQLite's statement short (a 500 before this check).
  if (typeof payload.sub !== 'string' || !payload.sub.trim() || payload.sub.length > 191 || hasControl(payload.sub)) {
    throw invalidToken('The token must carry a sub claim of 1 to 191 printable characters.');
  }
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.split('\u0000').join('').slice(0, max) : undefined);
  const claims: Claims = {
    ...payload,
    sub: payload.sub,
    name: text(payload.name, 191),
    email: text(payload.email, 191),
    role: typeof payload.role === 'string' ? payload.role : undefined,
    ref: text(payload.ref, 32),
  };
  if (verifiedTokens.size >= VERIFIED_TOKENS_MAX) verifiedTokens.delete(verifiedTokens.keys().next().value!);
  verifiedTokens.set(token, { header: decoded.header, payload: decoded.payload as JwtPayload, tenant, key, claims: { ...claims }, exp: payload.exp });
  return { tenant, claims };
}

export function clientIp(req: Request) { return (req.ip || req.socket.remoteAddress || '').replace(/^::ffff:/, '') || undefined; }
export function deviceId(req: Request) {
  const d = req.header('x-device-id');
  return d && /^[\w.:-]{1,128}$/.test(d) ? d : undefined;
}

export async function authenticatePrincipal(req: Request): Promise<Principal> {
  const header = req.header('authorization');
  if (!header) throw unauthorized('This call needs a bearer token.');
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw unauthorized('The Authorization header must be "Bearer <token>".');
  const { tenant, claims } = await verifyToken(req, m[1]!);
  const ctx = { ip: clientIp(req), deviceId: deviceId(req) };
  const { id } = await resolveUser(tenant.id, claims, ctx);
  const p: Principal = { tenantId: tenant.id, userId: id, sub: claims.sub, name: claims.name ?? null, role: roleOf(claims.role), ...ctx };
  const store = requestContext.getStore();
  if (store) { store.tenantId = p.tenantId; store.userId = p.userId; }
  return p;
}

/**
 * tsoa's authentication hook. Security schemes: `jwt` (a valid partner token; scopes naming staff roles mean "any of
 * these roles", and admin may call them all: auth/roles.ts) and `visitor` (no token: an anonymous caller of a partner,
 * for the public reads the controller then allows or not; scope `public` for the few anonymous writes, like takedowns).
 * A suspended user is refused every write here (auth/suspension.ts), whichever route it is.
 */
export async function expressAuthentication(req: Request, securityName: string, scopes?: string[]): Promise<Principal | Visitor | { platform: true }> {
  if (securityName === 'platform') {
    checkPlatformKey(req.header('authorization'));
    return { platform: true };
  }
  if (securityName === 'jwt') {
    const p = await authenticatePrincipal(req);
    if (!roleAllows(p.role, scopes)) throw new AppError('forbidden', `This needs one of the roles ${roleScopes(scopes).join(', ')} of the partner.`);
    await refuseSuspended(req, p);
    await limitCaller(req, p);
    return p;
  }
  if (securityName === 'visitor') {
    if (req.header('authorization')) throw unauthorized('Use the jwt scheme when a token is sent.');
    const tenant = await findTenant(req);
    // One switch for every anonymous read (feed, posts, catalogue), as docs/admin.md documents feed.publicVisitors.
    // The `settings` scope marks the partner's public settings, which the widgets need before anyone signs in.
    if (!scopes?.includes('settings') && !scopes?.includes('public') && !(await getTenantConfig(tenant.id)).feed.publicVisitors) throw unauthorized('This partner shows its content to signed-in users only.');
    const store = requestContext.getStore();
    if (store) store.tenantId = tenant.id;
    const visitor: Visitor = { tenantId: tenant.id, anonymous: true, deviceId: deviceId(req), ip: clientIp(req) };
    await limitCaller(req, visitor);
    return visitor;
  }
  throw unauthorized('Unknown security scheme.');
}
