import { services } from '../context.js';
import { createImageProvider, LocalImageProvider, type ImageProvider } from './images/index.js';

/**
 * Which image provider draws a tenant's images. The admin module may install a resolver that reads the
 * partner's encrypted provider keys; without one, the process configuration decides (local by default).
 */
type Resolver = (tenantId: string) => Promise<ImageProvider | undefined>;
let tenantResolver: Resolver | undefined;
export function setImageProviderResolver(r: Resolver | undefined) { tenantResolver = r; }

let fromEnv: ImageProvider | undefined;
export async function imageProviderFor(tenantId: string): Promise<ImageProvider> {
  const custom = tenantResolver ? await tenantResolver(tenantId) : undefined;
  if (custom) return custom;
  if (!fromEnv) {
    const { config } = services();
    fromEnv = config.imageProvider === 'openai' && config.openai
      ? createImageProvider({ provider: 'openai', apiKey: config.openai.apiKey, baseURL: config.openai.baseUrl, model: config.openai.imageModel })
      : config.imageProvider === 'stability' && config.stability
        ? createImageProvider({ provider: 'stability', apiKey: config.stability.apiKey })
        : new LocalImageProvider();
  }
  return fromEnv;
}
export function resetImageProviders() { fromEnv = undefined; }
