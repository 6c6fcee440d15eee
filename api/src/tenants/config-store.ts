import { TenantConfigRow } from '../models/index.js';
import { DEFAULT_CONFIG, mergeConfig, type TenantConfig } from './tenant-config.js';
import { processCache } from '../util/process-cache.js';

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
  const config = mergeConfig(DEFAULT_CONFIG, row?.config ?? {});
  const entry = { at: Date.now(), version: row?.version ?? 0, config };
  cache.set(tenantId, entry);
  return entry;
}

export function invalidateTenantConfig(tenantId?: string) {
  if (tenantId) cache.delete(tenantId);
  else cache.clear();
}
