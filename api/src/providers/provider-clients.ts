import OpenAI from 'openai';
import { services } from '../context.js';
import type { ProviderKey } from '../models/index.js';
import { decryptSecret, encryptSecret } from '../util/secrets.js';
import { OpenAIImageProvider, StabilityImageProvider, ScrubbingImageProvider, scrubSecret, type ImageProvider } from './images/index.js';
import { OpenAIChatEnhancer, type PromptEnhancer } from './text/index.js';
import { guardedFetch } from '../admin/ssrf.js';
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

/** One scrubber for every key: the same one wraps the operator's providers (providers/images/scrubbing-provider.ts). */
export const scrub = scrubSecret;

const retry = () => ({ baseDelayMs: services().config.providerRetryBaseMs });

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
