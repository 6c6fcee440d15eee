import OpenAI from 'openai';
import { services } from '../context.js';
import type { ProviderKey } from '../models/index.js';
import { decryptSecret, encryptSecret } from '../util/secrets.js';
import { OpenAIImageProvider, StabilityImageProvider, ProviderError, type ImageProvider, type ImageRequest, type GenerateOptions } from '../providers/images/index.js';
import { OpenAIChatEnhancer, type PromptEnhancer } from '../providers/text/index.js';
import { guardedFetch } from './ssrf.js';
import { logger } from '../logger.js';

export type ProviderKind = 'openai' | 'stability' | 'openai-compatible';
export type ProviderPurpose = 'image' | 'chat';
export const PROVIDER_KINDS: { provider: ProviderKind; purposes: ProviderPurpose[]; defaultEndpoint?: string; keyRequired: boolean }[] = [
  { provider: 'openai', purposes: ['image', 'chat'], defaultEndpoint: 'https://api.openai.com/v1', keyRequired: true },
  { provider: 'stability', purposes: ['image'], defaultEndpoint: 'https://api.stability.ai', keyRequired: true },
  { provider: 'openai-compatible', purposes: ['image', 'chat'], keyRequired: false },
];

/** The AES-GCM context binds a sealed key to its row: a ciphertext copied to another row does not open. */
export const keyContext = (id: string) => `provider-key:${id}`;
export const sealKey = (id: string, apiKey: string) => encryptSecret(services().config.masterKey, apiKey, keyContext(id));
export const openKey = (row: Pick<ProviderKey, 'id' | 'encryptedValue'>) => decryptSecret(services().config.masterKey, row.encryptedValue, keyContext(row.id));

export function endpointOf(row: Pick<ProviderKey, 'providerName' | 'endpoint'>) {
  return row.endpoint ?? PROVIDER_KINDS.find((k) => k.provider === row.providerName)?.defaultEndpoint;
}

/** Removes a secret (and its common masked forms) from any text that may reach a response, log or job row. */
export function scrub(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 6) return text;
  let out = text.split(secret).join('[redacted]');
  // Vendors echo keys as "sk-abc***...wxyz": hide the visible head too.
  const head = secret.slice(0, Math.min(8, secret.length - 4));
  if (head.length >= 4) out = out.split(head).join('[redacted]');
  return out;
}

/** Keeps the key out of every error message a provider lets escape (job rows, logs). */
class ScrubbingImageProvider implements ImageProvider {
  readonly name: string;
  constructor(private readonly inner: ImageProvider, private readonly secret: string) { this.name = inner.name; }
  async generate(req: ImageRequest, opts?: GenerateOptions) {
    try {
      return await this.inner.generate(req, opts);
    } catch (err) {
      if (err instanceof ProviderError) {
        const clean = new ProviderError(err.code, scrub(err.message, this.secret), err.retryable, err.status);
        clean.retryAfterMs = err.retryAfterMs;
        throw clean;
      }
      throw new ProviderError('provider_unavailable', scrub(String((err as Error)?.message ?? err), this.secret), true);
    }
  }
}

const retry = () => ({ baseDelayMs: Number(process.env.PROVIDER_RETRY_BASE_MS || 500) });

export function buildImageProvider(row: ProviderKey): ImageProvider {
  const apiKey = openKey(row) || 'unused';
  const baseURL = endpointOf(row);
  let p: ImageProvider;
  if (row.providerName === 'stability') {
    p = new StabilityImageProvider({ apiKey, baseURL, service: (row.model as 'core' | 'ultra' | 'sd3' | null) ?? undefined, fetch: guardedFetch, retry: retry() });
  } else {
    const client = new OpenAI({ apiKey, baseURL, maxRetries: 0, timeout: 120_000, fetch: guardedFetch });
    p = new OpenAIImageProvider({ apiKey, baseURL, model: row.model ?? undefined, client, retry: retry() });
  }
  return new ScrubbingImageProvider(p, apiKey);
}

export function buildEnhancer(row: ProviderKey): PromptEnhancer {
  const apiKey = openKey(row) || 'unused';
  const baseURL = endpointOf(row);
  const client = new OpenAI({ apiKey, baseURL, maxRetries: 0, timeout: 15_000, fetch: guardedFetch });
  return new OpenAIChatEnhancer({
    apiKey, baseURL, model: row.model ?? undefined, client,
    onError: (err) => logger().warn({ providerKeyId: row.id, error: scrub(String((err as Error)?.message ?? err), apiKey) }, 'prompt enhancer failed; rules used'),
  });
}
