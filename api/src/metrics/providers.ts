import { providerRequests } from './registry.js';
import { ProviderError } from '../providers/errors.js';
import type { ImageProvider } from '../providers/images/types.js';

/**
 * Counts what a generation's provider answered. Success is labelled with the provider that actually drew the
 * image (result.provider, so a fallback's success counts for the fallback); the primary's own failure before a
 * fallback is counted by FallbackImageProvider as outcome "fallback".
 */
export function instrumentProvider(p: ImageProvider): ImageProvider {
  return {
    name: p.name,
    async generate(req, opts) {
      try {
        const result = await p.generate(req, opts);
        providerRequests.inc({ provider: result.provider || p.name, outcome: 'success' });
        return result;
      } catch (err) {
        const refused = err instanceof ProviderError && err.code === 'content_policy_violation';
        providerRequests.inc({ provider: p.name, outcome: refused ? 'refused' : 'error' });
        throw err;
      }
    },
  };
}

export function countFallback(primary: string) {
  providerRequests.inc({ provider: primary, outcome: 'fallback' });
}

/** For providers that count themselves (the chat enhancer, whose failures are hidden behind its rule-based fallback). */
export function countProviderRequest(provider: string, outcome: 'success' | 'error' | 'refused' | 'fallback') {
  providerRequests.inc({ provider, outcome });
}
