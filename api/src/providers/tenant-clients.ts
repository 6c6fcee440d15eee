import { ProviderKey } from '../models/index.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { FallbackImageProvider, LocalImageProvider, type ImageProvider } from './images/index.js';
import { RuleBasedEnhancer, type PromptEnhancer } from './text/index.js';
import { buildEnhancer, buildImageProvider } from './provider-clients.js';
import { logger } from '../logger.js';

async function keysById(tenantId: string, ids: string[]) {
  const rows = ids.length ? await ProviderKey.findAll({ where: { tenantId, id: ids } }) : [];
  return new Map(rows.map((r) => [r.id, r]));
}
const stamp = (r: ProviderKey | undefined) => (r ? `${r.id}@${r.updatedAt.getTime()}` : 'missing');

/**
 * Builds each partner's image provider and prompt enhancer from its selection (tenant config
 * `providers.image` / `providers.chat`) and its encrypted keys. The built clients are cached per
 * tenant under a fingerprint of the selection and the keys' update times, so a change made on any
 * process (new key, rotation, other selection) is picked up by the next call, without a restart.
 * 'default' leaves the choice to the process configuration (returns undefined).
 */
export class TenantProviderClients {
  private readonly imageCache = new Map<string, { fp: string; provider: ImageProvider }>();
  private readonly chatCache = new Map<string, { fp: string; enhancer: PromptEnhancer }>();

  constructor(private readonly localRenderer: () => ImageProvider = () => new LocalImageProvider()) {}

  async imageProvider(tenantId: string): Promise<ImageProvider | undefined> {
    const sel = (await getTenantConfig(tenantId)).providers.image;
    if (sel.active === 'default') return undefined;
    const ids = [sel.active, sel.fallback].filter((x): x is string => !!x && x !== 'local');
    const rows = await keysById(tenantId, ids);
    const fp = `${sel.active}|${sel.fallback}|${ids.map((i) => stamp(rows.get(i))).join(',')}`;
    const hit = this.imageCache.get(tenantId);
    if (hit && hit.fp === fp) return hit.provider;
    const make = (id: string | null): ImageProvider | undefined => {
      if (!id) return undefined;
      if (id === 'local') return this.localRenderer();
      const row = rows.get(id);
      if (!row) return undefined;
      try {
        return buildImageProvider(row);
      } catch (err) {
        logger().error({ tenantId, providerKeyId: id, error: (err as Error).name }, 'provider key could not be opened');
        return undefined;
      }
    };
    const active = make(sel.active);
    const fallback = make(sel.fallback);
    let provider: ImageProvider | undefined;
    if (active && fallback) {
      provider = new FallbackImageProvider(active, fallback, {
        onFallback: (err, primary, fb) => logger().warn({ tenantId, primary, fallback: fb, status: err.status }, 'image provider unavailable; fallback used'),
      });
    } else provider = active ?? fallback;
    if (!provider) return undefined;
    this.imageCache.set(tenantId, { fp, provider });
    return provider;
  }

  async enhancer(tenantId: string): Promise<PromptEnhancer | undefined> {
    const active = (await getTenantConfig(tenantId)).providers.chat.active;
    if (active === 'default') return undefined;
    if (active === 'rules') return new RuleBasedEnhancer();
    const row = (await keysById(tenantId, [active])).get(active);
    const fp = stamp(row);
    const hit = this.chatCache.get(tenantId);
    if (hit && hit.fp === fp) return hit.enhancer;
    if (!row) return undefined;
    try {
      const enhancer = buildEnhancer(row);
      this.chatCache.set(tenantId, { fp, enhancer });
      return enhancer;
    } catch (err) {
      logger().error({ tenantId, providerKeyId: active, error: (err as Error).name }, 'provider key could not be opened');
      return undefined;
    }
  }

  /** Drops the built clients of one partner (after its keys or selection changed here), or of all. */
  forget(tenantId?: string) {
    if (tenantId) { this.imageCache.delete(tenantId); this.chatCache.delete(tenantId); } else { this.imageCache.clear(); this.chatCache.clear(); }
  }
}
