import { services } from '../../context.js';
import { applyMovement, isDuplicateMovement } from '../../ledger/ledger.js';
import { emitUserEvent } from '../../webhooks/events.js';
import { LedgerEntry } from '../../models/index.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import type { CampaignConfig, TenantConfig } from '../../tenants/tenant-config.js';
import { track } from '../../analytics/track.js';
import { processSet } from '../../util/process-cache.js';

/**
 * Bonus campaigns with an extra-credit grant pay each user once, the first time the user checks the
 * balance or generates while the campaign runs (called by those two operations, after authentication). The ledger's unique (bonus, campaign, campaignId:userId)
 * makes a second payment impossible, across processes and races; the memo only saves the queries.
 */
const paid = processSet<string>();
const MAX_MEMO = 100_000;

export function runningGrants(config: TenantConfig, now = new Date()): CampaignConfig[] {
  return config.campaigns.filter((c) => (c.grantMilli ?? 0) > 0 && new Date(c.startsAt) <= now && now < new Date(c.endsAt));
}

export async function payCampaignGrants(tenantId: string, userId: string, config?: TenantConfig): Promise<number> {
  const cfg = config ?? (await getTenantConfig(tenantId));
  let total = 0;
  // Cheap when no campaign runs: the config is cached, so this loop is the whole cost on the hot path.
  for (const c of runningGrants(cfg)) {
    const refId = `${c.id}:${userId}`;
    const memo = `${tenantId}:${refId}`;
    if (paid.has(memo)) continue;
    const exists = await LedgerEntry.findOne({ where: { reason: 'bonus', refType: 'campaign', refId }, attributes: ['id'] });
    if (!exists) {
      try {
        await services().db.tx(async (t) => {
          await applyMovement(t, { tenantId, userId, delta: c.grantMilli!, reason: 'bonus', refType: 'campaign', refId, note: `Campaign bonus: ${c.name}`.slice(0, 500) });
          await track(tenantId, userId, 'campaign_bonus_credited', { campaignId: c.id, credits: c.grantMilli! / 1000 }, t);
          await emitUserEvent(t, tenantId, userId, 'credits.granted', { source: 'campaign', campaignId: c.id, credits: c.grantMilli! / 1000 });
        });
        total += c.grantMilli!;
      } catch (err) {
        if (!isDuplicateMovement(err)) throw err;
      }
    }
    if (paid.size > MAX_MEMO) paid.clear();
    paid.add(memo);
  }
  return total;
}
