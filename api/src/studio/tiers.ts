import type { TenantConfig, TierName } from '../tenants/tenant-config.js';

/** Current cost of a tier in millicredits, after any running campaign discount (the largest one applies). */
export function tierCost(config: TenantConfig, tier: TierName, now = new Date()): number {
  const base = config.tiers[tier].credits;
  let discount = 0;
  for (const c of config.campaigns) {
    if (!c.tierDiscountPercent) continue;
    if (new Date(c.startsAt) <= now && now < new Date(c.endsAt) && (!c.tiers || c.tiers.includes(tier))) discount = Math.max(discount, c.tierDiscountPercent);
  }
  return Math.max(0, Math.round((base * (100 - discount)) / 100));
}
