import OpenAI from 'openai';
import { checkPrompt } from '../content-policy.js';
import { RuleBasedEnhancer } from './rule-based-enhancer.js';
import { MAX_PROMPT_CHARS, type EnhanceInput, type EnhanceResult, type PromptEnhancer } from './types.js';
import { countProviderRequest } from '../../metrics/providers.js';

export interface OpenAIChatEnhancerOptions {
  apiKey: string;
  /** Any OpenAI-compatible chat endpoint, e.g. http://localhost:11434/v1 */
  baseURL?: string;
  model?: string;
  /** The user is waiting on this: keep it short. */
  timeoutMs?: number;
  temperature?: number;
  /** Used whenever the model fails; defaults to the rule-based enhancer. */
  fallback?: RuleBasedEnhancer;
  client?: OpenAI;
  /** Told about every failure that was hidden behind the fallback. */
  onError?: (err: unknown) => void;
}

const SYSTEM_PROMPT = [
  'You improve prompts for an image generator used by small businesses and creators.',
  'Keep the user\'s subject and any quoted text exactly. Add concrete style, lighting, composition and colour details',
  'that fit the category style when one is given. Stay brand-safe. At most 900 characters.',
  'Answer with JSON only: {"enhancedPrompt": string, "suggestions": string[]} where suggestions are 3 to 5 short,',
  'concrete tips the user could act on (e.g. "Add a colour palette", "Name the audience"), written in the user\'s locale.',
].join(' ');

function parseReply(content: string): { enhancedPrompt?: string; suggestions?: unknown } {
  const stripped = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  try {
    const parsed = JSON.parse(stripped) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as { enhancedPrompt?: string; suggestions?: unknown };
  } catch {
    // Some compatible models ignore the JSON instruction: take plain text as the prompt.
  }
  return stripped.startsWith('{') ? {} : { enhancedPrompt: stripped };
}

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= MAX_PROMPT_CHARS ? t : t.slice(0, MAX_PROMPT_CHARS).replace(/[\s,]+\S*$/, '');
}

/**
 * Enhances through an OpenAI-compatible chat model. It never fails the user
 * for a provider problem: any error, timeout, empty or unsafe answer yields the
 * rule-based result instead.
 */
export class OpenAIChatEnhancer implements PromptEnhancer {
  readonly name = 'openai-chat';
  readonly model: string;
  private readonly client: OpenAI;
  private readonly fallback: RuleBasedEnhancer;
  private readonly timeoutMs: number;

  constructor(private readonly options: OpenAIChatEnhancerOptions) {
    this.model = options.model ?? 'gpt-4o-mini';
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fallback = options.fallback ?? new RuleBasedEnhancer();
    // No SDK retries: a slow enhancer is worse than the rule-based answer.
    this.client = options.client ?? new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 0, timeout: this.timeoutMs });
  }

  async enhance(input: EnhanceInput): Promise<EnhanceResult> {
    const rules = this.fallback.enhanceSync(input);
    try {
      const completion = await this.client.chat.completions.create(
        {
          model: this.model,
          temperature: this.options.temperature ?? 0.4,
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            {
              role: 'user',
              content: JSON.stringify({
                prompt: input.prompt,
                categoryStyle: input.categoryStyle,
                templatePrompt: input.templatePrompt,
                locale: input.locale ?? 'en',
              }),
            },
          ],
        },
        { timeout: this.timeoutMs },
      );
      const reply = parseReply(completion.choices[0]?.message?.content ?? '');
      const enhancedPrompt = typeof reply.enhancedPrompt === 'string' ? clip(reply.enhancedPrompt) : '';
      if (!enhancedPrompt) throw new Error('chat model returned no enhancedPrompt');
      // A model must not make a clean prompt unsafe.
      if (!checkPrompt(enhancedPrompt).ok && checkPrompt(input.prompt).ok) throw new Error('chat model answer failed the content policy');
      const own = Array.isArray(reply.suggestions)
        ? reply.suggestions.filter((s): s is string => typeof s === 'string' && s.trim().length > 0).map((s) => s.trim().slice(0, 200))
        : [];
      const suggestions = [...own, ...rules.suggestions.filter((s) => !own.includes(s))].slice(0, Math.max(3, Math.min(5, own.length)));
      countProviderRequest(this.name, 'success');
      return { enhancedPrompt, suggestions };
    } catch (err) {
      countProviderRequest(this.name, 'fallback');
      this.options.onError?.(err);
      return rules;
    }
  }
}
