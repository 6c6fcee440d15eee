import { OpenAIChatEnhancer } from './openai-chat-enhancer.js';
import { RuleBasedEnhancer } from './rule-based-enhancer.js';
import type { PromptEnhancer } from './types.js';

export * from './types.js';
export { RuleBasedEnhancer, analysePrompt, normalise as normalisePromptText } from './rule-based-enhancer.js';
export { OpenAIChatEnhancer, type OpenAIChatEnhancerOptions } from './openai-chat-enhancer.js';
export { lookupCategoryStyle, type CategoryStyle } from './category-styles.js';

export interface PromptEnhancerConfig {
  /** 'rules' (default) or 'openai' for any OpenAI-compatible chat endpoint. */
  provider?: 'rules' | 'openai';
  apiKey?: string;
  baseURL?: string;
  model?: string;
  timeoutMs?: number;
  onError?: (err: unknown) => void;
}

export function createPromptEnhancer(cfg: PromptEnhancerConfig = {}): PromptEnhancer {
  // A keyless local server (Ollama, vLLM) still needs some string for the SDK.
  if (cfg.provider === 'openai' && (cfg.apiKey || cfg.baseURL)) {
    return new OpenAIChatEnhancer({ apiKey: cfg.apiKey ?? 'unused', baseURL: cfg.baseURL, model: cfg.model, timeoutMs: cfg.timeoutMs, onError: cfg.onError });
  }
  return new RuleBasedEnhancer();
}
