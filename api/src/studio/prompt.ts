import { invalid } from '../errors.js';
import type { TenantConfig } from '../tenants/tenant-config.js';

/** A prompt is a non-empty string within the partner's length limit; inner whitespace is collapsed. */
export function validatePrompt(prompt: unknown, config: TenantConfig): string {
  if (typeof prompt !== 'string') throw invalid('prompt', 'must be a string');
  const p = prompt.trim().replace(/\s+/g, ' ');
  if (!p) throw invalid('prompt', 'must not be empty');
  if (p.length > config.limits.promptMaxLength) throw invalid('prompt', `must be at most ${config.limits.promptMaxLength} characters`);
  return p;
}
