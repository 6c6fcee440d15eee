import { addRouter } from '../app.js';
import { setImageProviderResolver } from '../providers/resolve.js';
import { setEnhancerResolver } from '../operations/enhance-prompt.js';
import { resolveEnhancer, resolveImageProvider, forgetProviderClients } from './provider-resolver.js';
import { campaignRouter, forgetCampaignMemo } from './campaigns.js';

let routerAdded = false;

/** Admin module: per-partner providers for generation and enhancement, and campaign grants. Safe to call on every boot. */
export async function initAdmin() {
  forgetProviderClients();
  forgetCampaignMemo();
  setImageProviderResolver(resolveImageProvider);
  setEnhancerResolver(resolveEnhancer);
  if (!routerAdded) {
    addRouter(campaignRouter());
    routerAdded = true;
  }
}
