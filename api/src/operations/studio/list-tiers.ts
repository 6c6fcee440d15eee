import { getTenantConfig } from '../../tenants/config-store.js';
import { TIERS } from '../../tenants/tenant-config.js';
import { tierCost } from '../../studio/tiers.js';

export interface TierView { tier: 'standard' | 'premium2' | 'premium4'; credits: number; width: number; height: number; label: string }

/** The tiers with their current cost (campaign discounts applied) and output size. */
export async function listTiers(tenantId: string): Promise<{ items: TierView[] }> {
  const config = await getTenantConfig(tenantId);
  return { items: TIERS.map((t) => ({ tier: t, credits: tierCost(config, t) / 1000, width: config.tiers[t].width, height: config.tiers[t].height, label: config.tiers[t].label })) };
}
