import crypto from 'node:crypto';
import { AppError, type FieldError } from '../../errors.js';
import { assertSafeEndpoint, UnsafeEndpointError } from '../../admin/ssrf.js';

/**
 * Validation of the platform API's partner bodies, shared by the HTTP controller and `npm run partner`. It reads
 * the raw body (tsoa drops unknown members silently; an operator's typo must be refused instead) and collects every
 * problem before anything is written.
 */
export type PartnerAlgorithm = 'HS256' | 'RS256' | 'ES256';
export interface PartnerAuthInput { algorithm: PartnerAlgorithm; secret?: string; jwksUrl?: string; publicKey?: string }
export interface PartnerFields {
  name?: string; slug?: string; auth?: PartnerAuthInput; issuer?: string | null; audience?: string | null;
  allowedOrigins?: string[]; siteUrl?: string | null; maxTokenLifetimeSeconds?: number | null; status?: 'active' | 'disabled';
}

const CREATE_FIELDS = ['name', 'slug', 'auth', 'issuer', 'audience', 'allowedOrigins', 'siteUrl', 'maxTokenLifetimeSeconds'];
const UPDATE_FIELDS = [...CREATE_FIELDS, 'status'];
const AUTH_FIELDS: Record<PartnerAlgorithm, string[]> = { HS256: ['algorithm', 'secret'], RS256: ['algorithm', 'jwksUrl', 'publicKey'], ES256: ['algorithm', 'jwksUrl', 'publicKey'] };
export const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const MAX_ORIGINS = 50;
export const MIN_SECRET = 32;
const MAX_LIFETIME = 7 * 24 * 3600;

export const validationFailed = (errors: FieldError[]) =>
  new AppError('validation_error', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });

const hasControl = (v: string) => [...v].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A partner's slug from its name when none is given: "Skill Hub!" -> "skill-hub". */
export function slugFromName(name: string): string {
  const s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '');
  return s || 'partner';
}

/** An origin exactly as browsers send it: scheme, host and optional port; no path, query, credentials or wildcard. */
export function asOrigin(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > 300) return undefined;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  return u.origin === v ? v : undefined;
}

function text(body: Record<string, unknown>, field: string, max: number, errors: FieldError[], nullable: boolean): string | null | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (v === null && nullable) return null;
  if (typeof v !== 'string' || !v.trim() || v.length > max || hasControl(v)) {
    errors.push({ field, message: `must be text of 1 to ${max} printable characters${nullable ? ', or null' : ''}` });
    return undefined;
  }
  return v.trim();
}

function publicKeyPem(pem: string, algorithm: PartnerAlgorithm, errors: FieldError[]): string | undefined {
  if (/PRIVATE KEY/.test(pem)) {
    errors.push({ field: 'auth.publicKey', message: 'is a private key; send only the public key (PEM)' });
    return undefined;
  }
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey(pem);
  } catch {
    errors.push({ field: 'auth.publicKey', message: 'is not a PEM public key' });
    return undefined;
  }
  const d = key.asymmetricKeyDetails;
  if (algorithm === 'RS256' && !(key.asymmetricKeyType === 'rsa' && (d?.modulusLength ?? 0) >= 2048)) {
    errors.push({ field: 'auth.publicKey', message: 'must be an RSA public key of at least 2048 bits for RS256' });
    return undefined;
  }
  if (algorithm === 'ES256' && !(key.asymmetricKeyType === 'ec' && d?.namedCurve === 'prime256v1')) {
    errors.push({ field: 'auth.publicKey', message: 'must be an EC P-256 public key for ES256' });
    return undefined;
  }
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

async function parseAuth(v: unknown, errors: FieldError[]): Promise<PartnerAuthInput | undefined> {
  if (!isObject(v)) {
    errors.push({ field: 'auth', message: 'must be {algorithm: "HS256", secret} or {algorithm: "RS256" | "ES256", jwksUrl | publicKey}' });
    return undefined;
  }
  const algorithm = v.algorithm as PartnerAlgorithm;
  if (!['HS256', 'RS256', 'ES256'].includes(algorithm)) {
    errors.push({ field: 'auth.algorithm', message: 'must be HS256, RS256 or ES256' });
    return undefined;
  }
  const unknown = Object.keys(v).filter((k) => !AUTH_FIELDS[algorithm].includes(k));
  if (unknown.length) {
    errors.push({ field: 'auth', message: `unknown or misplaced members for ${algorithm}: ${unknown.join(', ')}` });
    return undefined;
  }
  if (algorithm === 'HS256') {
    if (typeof v.secret !== 'string' || v.secret.length < MIN_SECRET || v.secret.length > 512) {
      errors.push({ field: 'auth.secret', message: `must be a string of ${MIN_SECRET} to 512 characters` });
      return undefined;
    }
    return { algorithm, secret: v.secret };
  }
  if ((v.jwksUrl === undefined) === (v.publicKey === undefined)) {
    errors.push({ field: 'auth', message: `${algorithm} needs exactly one of jwksUrl and publicKey` });
    return undefined;
  }
  if (v.publicKey !== undefined) {
    if (typeof v.publicKey !== 'string' || v.publicKey.length > 10000) {
      errors.push({ field: 'auth.publicKey', message: 'must be a PEM public key' });
      return undefined;
    }
    const pem = publicKeyPem(v.publicKey, algorithm, errors);
    return pem ? { algorithm, publicKey: pem } : undefined;
  }
  if (typeof v.jwksUrl !== 'string' || v.jwksUrl.length > 500) {
    errors.push({ field: 'auth.jwksUrl', message: 'must be a URL of at most 500 characters' });
    return undefined;
  }
  try {
    // The same guard as provider endpoints: https on a public address, unless the operator allowed the host.
    return { algorithm, jwksUrl: (await assertSafeEndpoint(v.jwksUrl)).href };
  } catch (err) {
    if (!(err instanceof UnsafeEndpointError)) throw err;
    errors.push({ field: 'auth.jwksUrl', message: `refused: ${err.message}` });
    return undefined;
  }
}

/** Parses a create (every required field) or update (any field, plus status) body; throws validation_error with every problem. */
export async function parsePartnerBody(body: unknown, mode: 'create' | 'update'): Promise<PartnerFields> {
  if (!isObject(body)) throw validationFailed([{ field: 'body', message: 'must be a JSON object' }]);
  const errors: FieldError[] = [];
  const allowed = mode === 'create' ? CREATE_FIELDS : UPDATE_FIELDS;
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  for (const k of unknown) errors.push({ field: k.slice(0, 64), message: 'is not a field of this request' });
  const out: PartnerFields = {};

  const name = text(body, 'name', 191, errors, false);
  if (name) out.name = name;
  else if (mode === 'create' && body.name === undefined) errors.push({ field: 'name', message: 'is required' });

  if (body.slug !== undefined) {
    if (typeof body.slug !== 'string' || !SLUG_RE.test(body.slug)) errors.push({ field: 'slug', message: 'must be 1 to 64 lowercase letters, digits or inner hyphens' });
    else out.slug = body.slug;
  }

  if (body.auth !== undefined) out.auth = await parseAuth(body.auth, errors);
  else if (mode === 'create') errors.push({ field: 'auth', message: 'is required' });

  for (const f of ['issuer', 'audience'] as const) {
    const v = text(body, f, 191, errors, true);
    if (v !== undefined) out[f] = v;
  }

  if (body.allowedOrigins !== undefined) {
    const list = body.allowedOrigins;
    if (!Array.isArray(list) || list.length > MAX_ORIGINS) errors.push({ field: 'allowedOrigins', message: `must be a list of at most ${MAX_ORIGINS} origins` });
    else {
      const origins: string[] = [];
      list.forEach((o, i) => {
        const origin = asOrigin(o);
        if (!origin) errors.push({ field: `allowedOrigins[${i}]`, message: 'must be an origin like https://app.example.com (scheme, host, optional port; no path or trailing slash)' });
        else if (!origins.includes(origin)) origins.push(origin);
      });
      out.allowedOrigins = origins;
    }
  }

  if (body.siteUrl !== undefined) {
    const v = body.siteUrl;
    if (v === null) out.siteUrl = null;
    else {
      let ok = false;
      try { ok = typeof v === 'string' && v.length <= 500 && /^https?:$/.test(new URL(v).protocol); } catch { /* reported below */ }
      if (ok) out.siteUrl = (v as string).replace(/\/+$/, '');
      else errors.push({ field: 'siteUrl', message: 'must be an http(s) URL of at most 500 characters, or null' });
    }
  }

  if (body.maxTokenLifetimeSeconds !== undefined) {
    const v = body.maxTokenLifetimeSeconds;
    if (v === null) out.maxTokenLifetimeSeconds = null;
    else if (!Number.isInteger(v) || (v as number) < 60 || (v as number) > MAX_LIFETIME) {
      errors.push({ field: 'maxTokenLifetimeSeconds', message: `must be an integer from 60 to ${MAX_LIFETIME}, or null for the 24 h default` });
    } else out.maxTokenLifetimeSeconds = v as number;
  }

  if (mode === 'update' && body.status !== undefined) {
    if (body.status !== 'active' && body.status !== 'disabled') errors.push({ field: 'status', message: 'must be active or disabled' });
    else out.status = body.status;
  }

  if (errors.length) throw validationFailed(errors);
  return out;
}
