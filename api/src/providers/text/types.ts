export interface EnhanceInput {
  prompt: string;
  /** The category's name ("Course Promo") or a free-text style for it. */
  categoryStyle?: string;
  /** A template's prompt; `{prompt}` / `{subject}` placeholders receive the user's words. */
  templatePrompt?: string;
  locale?: string;
}

export interface EnhanceResult {
  enhancedPrompt: string;
  suggestions: string[];
}

export interface PromptEnhancer {
  readonly name: string;
  enhance(input: EnhanceInput): Promise<EnhanceResult>;
}

/** Longest prompt we hand to an image provider. */
export const MAX_PROMPT_CHARS = 1000;
