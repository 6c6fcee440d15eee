import type { AppConfig } from '../config.js';
import { createImageProvider, LocalImageProvider, type ImageProvider } from './images/index.js';
import { OpenAIChatEnhancer, RuleBasedEnhancer, type PromptEnhancer } from './text/index.js';
import { TenantProviderClients } from './tenant-clients.js';
import { PooledLocalImageProvider, RenderPool } from './render/render-pool.js';

type ImageProviderOverride = (tenantId: string) => Promise<ImageProvider | undefined>;

/**
 * Which image provider draws a partner's images and which enhancer improves its prompts: the partner's own
 * selection and keys (admin providers API; tenant-clients.ts), else the process configuration (IMAGE_PROVIDER,
 * ENHANCER; the local renderer and the rule-based enhancer by default). One instance per boot, in the AppContext.
 */
export class Providers {
  readonly tenantClients = new TenantProviderClients(() => this.localRenderer());
  private fromConfig?: ImageProvider;
  /** Render threads of a process that draws (ROLE=all/worker, RENDER_THREADS > 0), started on the first image. */
  private renderPool?: RenderPool;
  private enhancerFromConfig?: PromptEnhancer;
  private imageOverride?: ImageProviderOverride;

  constructor(private readonly config: AppConfig) {}

  async imageFor(tenantId: string): Promise<ImageProvider> {
    const chosen = this.imageOverride ? await this.imageOverride(tenantId) : await this.tenantClients.imageProvider(tenantId);
    if (chosen) return chosen;
    this.fromConfig ??= this.imageFromConfig();
    return this.fromConfig;
  }

  async enhancerFor(tenantId: string): Promise<PromptEnhancer> {
    const chosen = await this.tenantClients.enhancer(tenantId);
    if (chosen) return chosen;
    const { enhancer, openai } = this.config;
    this.enhancerFromConfig ??= enhancer === 'openai' && openai
      ? new OpenAIChatEnhancer({ apiKey: openai.apiKey, baseURL: openai.baseUrl, model: openai.chatModel })
      : new RuleBasedEnhancer();
    return this.enhancerFromConfig;
  }

  /** The local renderer: through the render threads when this process has them, else on this thread. */
  localRenderer(): ImageProvider {
    const threads = this.config.role === 'api' ? 0 : this.config.renderThreads;
    if (threads <= 0) return new LocalImageProvider();
    this.renderPool ??= new RenderPool(threads);
    return new PooledLocalImageProvider(this.renderPool);
  }

  /** The render threads, when started (tests, bench). */
  get renderThreads(): RenderPool | undefined { return this.renderPool; }

  async close() {
    await this.renderPool?.close();
    this.renderPool = undefined;
  }

  /** Tests (and the crash-test worker) draw every partner's images with a scripted provider; undefined restores. */
  replaceImageProviderForTests(fn: ImageProviderOverride | undefined) {
    this.imageOverride = fn;
  }

  private imageFromConfig(): ImageProvider {
    const { imageProvider, openai, stability } = this.config;
    if (imageProvider === 'openai' && openai) {
      return createImageProvider({ provider: 'openai', apiKey: openai.apiKey, baseURL: openai.baseUrl, model: openai.imageModel, local: this.localRenderer() });
    }
    if (imageProvider === 'stability' && stability) {
      return createImageProvider({ provider: 'stability', apiKey: stability.apiKey, local: this.localRenderer() });
    }
    return this.localRenderer();
  }
}
