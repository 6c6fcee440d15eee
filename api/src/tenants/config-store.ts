import { TenantConfigRow } from '../models/index.js';
import { DEFAULT_CONFIG, mergeConfig, type TenantConfig } from './tenant-config.js';
import { processCache } from '../util/process-cache.js';
import { services } from '../context.js';
import { DEFAULT_TENANT_ID } from './tenants.js';

/**
 * The defaults a tenant's stored config is merged over. The embedded default partner (the example site's) also
 * grants new users DEFAULT_PARTNER_WELCOME_CREDITS (5), so its getting-started tour ends in an image; other
 * partners start at CONTRACT.md's welcome grant of 0. An admin overrides either in the configuration.
 */
export function tenantDefaults(tenantId: string): TenantConfig {
  if (tenantId !== DEFAULT_TENANT_ID) return DEFAULT_CONFIG;
  return { ...DEFAULT_CONFIG, welcomeGrantMilli: services().config.defaultPartnerWelcomeCredits * 1000 };
}

/**
 * Current config per tenant, cached briefly so hot paths do not query it on every request while a
 * change made on any process still applies to new requests within a second.
 */
const TTL_MS = 1000;
const cache = processCache<string, { at: number; version: number; config: TenantConfig }>();

export async function getTenantConfig(tenantId: string): Promise<TenantConfig> {
  return (await getTenantConfigVersioned(tenantId)).config;
}

export async function getTenantConfigVersioned(tenantId: string): Promise<{ version: number; config: TenantConfig }> {
  const hit = cache.get(tenantId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit;
  const row = await TenantConfigRow.findOne({ where: { tenantId }, order: [['version', 'DESC']] });
  const config = mergeConfig(tenantDefaults(tenantId), row?.config ?? {});
  const entry = { at: Date.now(), version: row?.version ?? 0, config };
  cache.set(tenantId, entry);
  return entry;
}

export function invalidateTenantConfig(tenantId?: string) {
  if (tenantId) cache.delete(tenantId);
  else cache.clear();
}
