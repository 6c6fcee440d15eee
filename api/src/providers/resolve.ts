import { services } from '../context.js';
import { createImageProvider, LocalImageProvider, type ImageProvider } from './images/index.js';
import { RuleBasedEnhancer, OpenAIChatEnhancer, type PromptEnhancer } from './text/index.js';

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
      : config.imageProvider === 'stability' && process.env.STABILITY_API_KEY
        ? createImageProvider({ provider: 'stability', apiKey: process.env.STABILITY_API_KEY })
        : new LocalImageProvider();
  }
  return fromEnv;
}
export function resetImageProviders() { fromEnv = undefined; }

type EnhancerResolver = (tenantId: string) => Promise<PromptEnhancer | undefined>;
let tenantEnhancerResolver: EnhancerResolver | undefined;
/** The admin module installs a resolver that reads the partner's chat provider key. */
export function setEnhancerResolver(r: EnhancerResolver | undefined) { tenantEnhancerResolver = r; }

let enhancerFromEnv: PromptEnhancer | undefined;
export async function enhancerFor(tenantId: string): Promise<PromptEnhancer> {
  const custom = tenantEnhancerResolver ? await tenantEnhancerResolver(tenantId) : undefined;
  if (custom) return custom;
  if (!enhancerFromEnv) {
    const { config } = services();
    enhancerFromEnv = config.enhancer === 'openai' && config.openai
      ? new OpenAIChatEnhancer({ apiKey: config.openai.apiKey, baseURL: config.openai.baseUrl, model: config.openai.chatModel })
      : new RuleBasedEnhancer();
  }
  return enhancerFromEnv;
}
