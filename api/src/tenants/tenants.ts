import { QueryTypes, literal, type Transaction } from 'sequelize';
import { Tenant } from '../models/index.js';
import { decryptSecret, encryptSecret } from '../util/secrets.js';
import { services } from '../context.js';
import { onResetForTests } from '../util/process-cache.js';

export const DEFAULT_TENANT_ID = 'tnt_default';

export interface TenantAuth {
  id: string; slug: string; name: string; publishableKey: string; algorithm: 'HS256' | 'RS256' | 'ES256';
  secret?: string; publicKey?: string; jwksUri?: string; issuer?: string; audience?: string; siteUrl?: string;
  status: 'active' | 'disabled';
  /** Browser origins the partner's widgets run on (exact `scheme://host[:port]`). */
  allowedOrigins: string[];
  /** Longest accepted token lifetime in seconds (exp minus iat, or minus now without iat). */
  maxTokenLifetime: number;
}

export const DEFAULT_MAX_TOKEN_LIFETIME = 24 * 3600;

interface TenantCache {
  checkedAt: number; version: string;
  byId: Map<string, TenantAuth>; byKey: Map<string, TenantAuth>; byIssuer: Map<string, TenantAuth>;
  /** Origins listed by any active partner: what a CORS preflight may be allowed for. */
  activeOrigins: Set<string>;
}

/**
 * Tenants change rarely, so their decrypted verification settings stay in memory. Another process may disable a
 * partner or rotate its publishable key at any time, and the old key must stop working at once: at most every
 * VERSION_CHECK_MS each process asks the database for the tenants' version (row count, sum of the revisions that
 * every platform change bumps, newest updated_at: one cheap query) and reloads only when it moved. Changes made by this process drop the cache immediately.
 */
const VERSION_CHECK_MS = 1000;
let cache: TenantCache | undefined;
let loading: Promise<TenantCache> | undefined;
/** Bumped by invalidateTenants, so a reload that started before a local change never installs what it read. */
let generation = 0;

async function tenantsVersion(): Promise<string> {
  const [row] = await services().db.sequelize.query('SELECT COUNT(*) AS n, SUM(revision) AS r, MAX(updated_at) AS u FROM tenants', { type: QueryTypes.SELECT }) as
    { n: number | string; r: number | string | null; u: Date | string | null }[];
  const u = row?.u instanceof Date ? row.u.toISOString() : String(row?.u ?? '');
  return `${Number(row?.n ?? 0)}|${Number(row?.r ?? 0)}|${u}`;
}

async function reload(): Promise<TenantCache> {
  const gen = generation;
  const version = await tenantsVersion();
  if (cache && cache.version === version) {
    cache.checkedAt = Date.now();
    return cache;
  }
  const rows = await Tenant.findAll();
  const { masterKey } = services().config;
  const byId = new Map<string, TenantAuth>(), byKey = new Map<string, TenantAuth>(), byIssuer = new Map<string, TenantAuth>();
  const activeOrigins = new Set<string>();
  for (const r of rows) {
    const t: TenantAuth = {
      id: r.id, slug: r.slug, name: r.name, publishableKey: r.publishableKey, algorithm: r.jwtAlgorithm as TenantAuth['algorithm'],
      secret: r.jwtSecretEnc ? decryptSecret(masterKey, r.jwtSecretEnc, `tenant-jwt:${r.id}`) : undefined,
      publicKey: r.jwtPublicKey ?? undefined, jwksUri: r.jwksUri ?? undefined, issuer: r.jwtIssuer ?? undefined,
      audience: r.jwtAudience ?? undefined, siteUrl: r.siteUrl ?? undefined, status: r.status === 'disabled' ? 'disabled' : 'active',
      allowedOrigins: Array.isArray(r.allowedOrigins) ? r.allowedOrigins : [], maxTokenLifetime: r.maxTokenLifetime ?? DEFAULT_MAX_TOKEN_LIFETIME,
    };
    byId.set(t.id, t);
    byKey.set(t.publishableKey, t);
    // An issuer names an active partner only; a disabled one keeps its issuer so its tokens still land on it (and get 401).
    if (t.issuer && (t.status === 'active' || !byIssuer.has(t.issuer))) byIssuer.set(t.issuer, t);
    if (t.status === 'active') for (const o of t.allowedOrigins) activeOrigins.add(o);
  }
  const fresh = { checkedAt: Date.now(), version, byId, byKey, byIssuer, activeOrigins };
  if (gen === generation) cache = fresh;
  return fresh;
}

export async function loadTenants(force = false): Promise<TenantCache> {
  if (!force && cache && Date.now() - cache.checkedAt < VERSION_CHECK_MS) return cache;
  if (!loading) {
    const p = reload().finally(() => { if (loading === p) loading = undefined; });
    loading = p;
  }
  return loading;
}

/**
 * The tenants' version this process last read (checked at most every second). Caches that must follow a change made
 * by another process (auth/users.ts: which account a sub names, after an erasure) remember it and drop what they
 * kept under an older one.
 */
export function tenantsVersionSeen(): string | undefined { return cache?.version; }

/**
 * The attribute change that bumps a partner's revision, i.e. the tenants' version every process checks: in SQL, never
 * read-modify-write, so concurrent changes each count and other processes' caches notice them.
 */
export const bumpRevision = () => ({ revision: literal('revision + 1') });

/** Bumps a partner's revision on its own (no other change): every process drops what it cached under the old version. */
export async function bumpTenantRevision(tenantId: string, t: Transaction): Promise<void> {
  await Tenant.update(bumpRevision(), { where: { id: tenantId }, transaction: t });
}

export function invalidateTenants() {
  cache = undefined;
  loading = undefined;
  generation += 1;
}
onResetForTests(invalidateTenants);

export async function tenantById(id: string) { return (await loadTenants()).byId.get(id); }

/** The default partner of the embedded setup; its HS256 secret is AUTH_JWT_SECRET (kept encrypted in the row). */
export async function ensureDefaultTenant() {
  const { config } = services();
  const enc = encryptSecret(config.masterKey, config.authJwtSecret, `tenant-jwt:${DEFAULT_TENANT_ID}`);
  const existing = await Tenant.findByPk(DEFAULT_TENANT_ID);
  if (!existing) {
    await Tenant.create({
      id: DEFAULT_TENANT_ID, slug: 'default', name: 'Affiliate Learning Platform', publishableKey: config.defaultPartnerKey,
      jwtAlgorithm: 'HS256', jwtSecretEnc: enc, siteUrl: config.defaultPartnerSiteUrl ?? config.publicUrl,
    });
  } else {
    const current = existing.jwtSecretEnc ? safeDecrypt(config.masterKey, existing.jwtSecretEnc) : undefined;
    if (current !== config.authJwtSecret || existing.publishableKey !== config.defaultPartnerKey) {
      await existing.update({ jwtSecretEnc: enc, publishableKey: config.defaultPartnerKey });
    }
    // The embedded partner's site is this server (the example site): follow PUBLIC_URL/PORT changes for share links.
    if (!config.defaultPartnerSiteUrl && existing.siteUrl !== config.publicUrl) await existing.update({ siteUrl: config.publicUrl });
  }
  invalidateTenants();
}

function safeDecrypt(key: Buffer, sealed: string) {
  try {
    return decryptSecret(key, sealed, `tenant-jwt:${DEFAULT_TENANT_ID}`);
  } catch {
    return undefined;
  }
}

/** Creates another partner (used by tests and by operators through a script). */
export async function createTenant(input: { id: string; slug: string; name: string; publishableKey: string; secret?: string;
  algorithm?: TenantAuth['algorithm']; publicKey?: string; jwksUri?: string; issuer?: string; audience?: string }) {
  const { config } = services();
  await Tenant.create({
    id: input.id, slug: input.slug, name: input.name, publishableKey: input.publishableKey, jwtAlgorithm: input.algorithm ?? 'HS256',
    jwtSecretEnc: input.secret ? encryptSecret(config.masterKey, input.secret, `tenant-jwt:${input.id}`) : null,
    jwtPublicKey: input.publicKey ?? null, jwksUri: input.jwksUri ?? null, jwtIssuer: input.issuer ?? null, jwtAudience: input.audience ?? null,
  });
  invalidateTenants();
}
