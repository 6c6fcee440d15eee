import { Tenant } from '../models/index.js';
import { decryptSecret, encryptSecret } from '../util/secrets.js';
import { services } from '../context.js';
import { onResetForTests } from '../util/process-cache.js';

export const DEFAULT_TENANT_ID = 'tnt_default';

export interface TenantAuth {
  id: string; slug: string; name: string; publishableKey: string; algorithm: 'HS256' | 'RS256' | 'ES256';
  secret?: string; publicKey?: string; jwksUri?: string; issuer?: string; audience?: string; siteUrl?: string;
}

/**
 * Tenants change rarely: keep their decrypted verification settings in memory, refreshed every 5 s. A change is
 * invalidated at once only in the process that made it; the others (API_PROCESSES, more instances) see it within
 * the refresh, so a disabled partner or rotated key stays usable there that long at most.
 */
const TENANTS_TTL_MS = 5000;
let cache: { at: number; byId: Map<string, TenantAuth>; byKey: Map<string, TenantAuth>; byIssuer: Map<string, TenantAuth> } | undefined;

export async function loadTenants(force = false) {
  if (!force && cache && Date.now() - cache.at < TENANTS_TTL_MS) return cache;
  const rows = await Tenant.findAll();
  const { masterKey } = services().config;
  const byId = new Map<string, TenantAuth>(), byKey = new Map<string, TenantAuth>(), byIssuer = new Map<string, TenantAuth>();
  for (const r of rows) {
    const t: TenantAuth = {
      id: r.id, slug: r.slug, name: r.name, publishableKey: r.publishableKey, algorithm: r.jwtAlgorithm as TenantAuth['algorithm'],
      secret: r.jwtSecretEnc ? decryptSecret(masterKey, r.jwtSecretEnc, `tenant-jwt:${r.id}`) : undefined,
      publicKey: r.jwtPublicKey ?? undefined, jwksUri: r.jwksUri ?? undefined, issuer: r.jwtIssuer ?? undefined,
      audience: r.jwtAudience ?? undefined, siteUrl: r.siteUrl ?? undefined,
    };
    byId.set(t.id, t);
    byKey.set(t.publishableKey, t);
    if (t.issuer) byIssuer.set(t.issuer, t);
  }
  cache = { at: Date.now(), byId, byKey, byIssuer };
  return cache;
}

export function invalidateTenants() { cache = undefined; }
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
