import { setImageProviderResolver, setEnhancerResolver } from '../providers/resolve.js';
import { resolveEnhancer, resolveImageProvider, forgetProviderClients } from '../providers/tenant-clients.js';
import { forgetCampaignMemo } from '../operations/credits/pay-campaign-grants.js';

/** Admin module: per-partner providers for generation and enhancement, and campaign grants. Safe to call on every boot. */
export async function initAdmin() {
  forgetProviderClients();
  forgetCampaignMemo();
  setImageProviderResolver(resolveImageProvider);
  setEnhancerResolver(resolveEnhancer);
}
