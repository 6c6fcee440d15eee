import { setImageProviderResolver } from '../providers/resolve.js';
import { setEnhancerResolver } from '../operations/enhance-prompt.js';
import { resolveEnhancer, resolveImageProvider, forgetProviderClients } from './provider-resolver.js';
import { forgetCampaignMemo } from './campaigns.js';

/** Admin module: per-partner providers for generation and enhancement, and campaign grants. Safe to call on every boot. */
export async function initAdmin() {
  forgetProviderClients();
  forgetCampaignMemo();
  setImageProviderResolver(resolveImageProvider);
  setEnhancerResolver(resolveEnhancer);
}
