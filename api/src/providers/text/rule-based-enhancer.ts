import { lookupCategoryStyle, type CategoryStyle } from './category-styles.js';
import { MAX_PROMPT_CHARS, type EnhanceInput, type EnhanceResult, type PromptEnhancer } from './types.js';

const has = (re: RegExp) => (text: string) => re.test(text);

/** Each detector answers "does the prompt already say this?". */
const DETECT = {
  style: has(
    /\b(photo\w*|realistic|illustrat\w*|vector|flat design|flat|watercolou?r|oil painting|painting|paint|sketch\w*|3d|render\w*|anime|manga|cartoon|comic|cinematic|minimalis\w*|minimal|pixel art|line art|isometric|low poly|poster design|typograph\w*|collage|retro|vintage|claymation|clay|papercut|paper cut|digital art|concept art|studio ghibli|art deco|pop art|infographic)\b/i,
  ),
  lighting: has(
    /\b(light\w*|lit|sunlight|sunset|sunrise|golden hour|blue hour|neon|glow\w*|backlit|shadows?|dramatic|ambient|moonlight|candlelight|softbox|rim light|bright|dim)\b/i,
  ),
  composition: has(
    /\b(close-?up|wide(-angle| shot| view)?|aerial|top-down|overhead|bird'?s-eye|portrait orientation|landscape orientation|centr(ed|e)|center(ed)?|symmetr\w*|rule of thirds|negative space|copy space|flat lay|full body|headline space|layout|foreground|background|framed|framing|composition|macro|panoram\w*)\b/i,
  ),
  colour: has(
    /\b(colou?rs?|colou?rful|palette|monochrome|black and white|pastel|vibrant|neon|red|orange|yellow|gold(en)?|green|teal|turquoise|cyan|blue|navy|purple|violet|lavender|pink|magenta|brown|beige|cream|black|white|gr[ae]y|silver|coral|maroon|crimson|emerald|(earth|warm|cool|muted|pastel|jewel) tones?)\b/i,
  ),
  mood: has(
    /\b(calm|serene|peaceful|cheerful|happy|joyful|festive|moody|dramatic|playful|elegant|luxur\w*|energetic|cozy|cosy|friendly|inspiring|motivational|mysterious|romantic|nostalgic|whimsical|bold|minimal|professional|fun|warm|cool)\b/i,
  ),
  audience: has(/\b(for (kids|children|students|beginners|teens|parents|professionals|developers|families|women|men|customers|clients|teachers|learners|business\w*|small business\w*|first-year|young)|audience|aimed at|targeting)\b/i),
  headline: has(/["“”]|\b(headline|title|text|caption|tagline|slogan|words?|lettering|typograph\w*)\b/i),
  textual: has(/\b(poster|promo|banner|flyer|thumbnail|ad|advert\w*|announcement|invitation|invite|card|cover|sale|offer|webinar|course|event)\b/i),
  photoSubject: has(/\b(product|food|dish|meal|portrait|headshot|person|people|model|interior|house|room|car|shoe|bottle|watch|jewell?ery)\b/i),
  night: has(/\b(night|midnight|space|galaxy|stars|moon)\b/i),
};

const FILLER =
  /^(please\s+)?((can|could|would) you\s+)?((generate|create|make|draw|design|render|produce|give me|i want|i need)\s+(me\s+)?)?((an?\s+)?(image|picture|pic)\s+(of|showing|with)\s+)?/i;

/** Words too common to count as saying anything about the subject. */
const LIGHT_WORDS = new Set('a an the and or of in on at to for with by from into over under very some this that its their it is are be'.split(' '));

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !LIGHT_WORDS.has(w));
}

/** Trims, collapses whitespace, drops "please generate an image of" and repeated words. */
export function normalise(prompt: string): string {
  let text = prompt.replace(/\s+/g, ' ').trim();
  text = text.replace(FILLER, '');
  text = text.replace(/\b(\p{L}+)(\s+\1\b)+/giu, '$1');
  text = text.replace(/\s+([,.;:!?])/g, '$1').replace(/([,;:])(?=\S)/g, '$1 ');
  return text.replace(/[\s,.;:]+$/g, '');
}

const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
/** Lower-cases the first letter unless the word looks like a name or acronym ("AI", "iPhone"). */
const decapitalise = (t: string) => (/^\p{Lu}\p{Ll}/u.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t);

function mergeTemplate(user: string, template: string | undefined): string {
  const t = template ? normalise(template) : '';
  if (!t) return user;
  if (/\{\{?\s*(prompt|subject)\s*\}?\}|\[(prompt|subject)\]/i.test(t)) {
    return t.replace(/\{\{?\s*(prompt|subject)\s*\}?\}|\[(prompt|subject)\]/gi, () => decapitalise(user) || 'the subject');
  }
  return user ? `${user}, ${decapitalise(t)}` : t;
}

/**
 * Keeps fragments in order, dropping any whose meaningful words all appeared
 * earlier ("soft lighting" after "soft natural lighting"). `seen` carries the
 * words across calls so additions are checked against the user's own text.
 */
export function dedupeFragments(fragments: string[], seen = new Set<string>()): string[] {
  const out: string[] = [];
  for (const raw of fragments) {
    const f = raw.trim();
    const ws = contentWords(f);
    if (!f || (ws.length > 0 && ws.every((w) => seen.has(w)))) continue;
    ws.forEach((w) => seen.add(w));
    out.push(f);
  }
  return out;
}

/** The user's words come first and are cut only if they alone overflow; additions fill what room is left. */
function assemble(coreFragments: string[], additions: string[]): string {
  const reserve = additions.length ? Math.min(200, additions.join(', ').length + 2) : 0;
  let text = coreFragments.join(', ');
  if (text.length > MAX_PROMPT_CHARS - reserve) {
    text = text.slice(0, MAX_PROMPT_CHARS - reserve).replace(/[\s,]+\S*$/, '');
  }
  for (const add of additions) {
    if (text.length + add.length + 2 > MAX_PROMPT_CHARS) break;
    text = text ? `${text}, ${add}` : add;
  }
  return capitalise(text);
}

export interface PromptAnalysis {
  style: boolean;
  lighting: boolean;
  composition: boolean;
  colour: boolean;
  mood: boolean;
  audience: boolean;
  headline: boolean;
  textual: boolean;
  thinSubject: boolean;
}

export function analysePrompt(text: string, category?: CategoryStyle): PromptAnalysis {
  return {
    style: DETECT.style(text),
    lighting: DETECT.lighting(text),
    composition: DETECT.composition(text),
    colour: DETECT.colour(text),
    mood: DETECT.mood(text),
    audience: DETECT.audience(text),
    headline: DETECT.headline(text),
    textual: DETECT.textual(text) || !!category?.needsHeadline,
    thinSubject: contentWords(text).length < 3,
  };
}

function suggestionsFor(a: PromptAnalysis, category?: CategoryStyle): string[] {
  const out: string[] = [];
  if (a.thinSubject) out.push('Describe the main subject: who or what it is, and what it is doing.');
  if (a.textual && !a.headline) out.push('Put the exact headline in quotes, e.g. "Learn Python in 30 Days".');
  if (!a.colour) out.push("Add a colour palette, e.g. 'teal and coral' or 'warm earth tones'.");
  if (!a.audience) out.push(`Name the audience, e.g. '${category?.audience ?? 'for small-business owners'}'.`);
  if (!a.mood) out.push("Set a mood, e.g. 'calm', 'festive' or 'energetic'.");
  if (!a.composition) out.push('Say how it is framed: close-up, wide shot, flat lay or centred.');
  if (!a.lighting) out.push('Describe the light: golden hour, soft studio light or neon glow.');
  if (!a.style) out.push('Name a style: flat vector, watercolour, 3D render or photo.');
  const generic = [
    'Add one distinctive detail (a prop, a texture or a setting) to make it yours.',
    'Mention where it will be used (Instagram post, YouTube thumbnail, banner) so the layout fits.',
    'Say what to leave out, e.g. "no text" or "no people".',
  ];
  for (const g of generic) if (out.length < 3) out.push(g);
  return out.slice(0, 5);
}

/** The offline default: improves a prompt with deterministic rules, no network. */
export class RuleBasedEnhancer implements PromptEnhancer {
  readonly name = 'rules';

  async enhance(input: EnhanceInput): Promise<EnhanceResult> {
    return this.enhanceSync(input);
  }

  enhanceSync(input: EnhanceInput): EnhanceResult {
    const user = normalise(input.prompt ?? '');
    const category = input.categoryStyle ? lookupCategoryStyle(input.categoryStyle) : undefined;
    const freeStyle = input.categoryStyle && !category ? normalise(input.categoryStyle).slice(0, 120).toLowerCase() : '';
    const core = mergeTemplate(user, input.templatePrompt);
    const own = analysePrompt(core, category);

    const styleAdds = category ? [category.style, ...category.extras] : freeStyle ? [freeStyle] : [];
    // Gaps are judged on the user's words plus the category style, so a
    // category that already names colours or a mood is not padded again.
    const withStyle = analysePrompt([core, ...styleAdds].join(', '), category);
    const flat = /\b(flat(?! lay)|vector|minimal\w*|typograph\w*|graphic|poster design)\b/i.test([core, ...styleAdds].join(' '));
    const additions = [...styleAdds];
    if (!withStyle.style) additions.push(DETECT.photoSubject(core) ? 'professional photography, sharp focus' : 'detailed digital illustration');
    if (!withStyle.lighting) additions.push(flat ? 'even soft shading' : DETECT.night(core) ? 'soft ambient glow' : 'soft natural lighting');
    if (!withStyle.composition) additions.push('balanced composition with a clear focal point');
    if (!withStyle.colour) additions.push('harmonious colour palette');
    if (withStyle.textual && !withStyle.headline) additions.push('clear space for headline text');
    if (!/\bdetail(ed|s)?\b/i.test(core)) additions.push('crisp details');

    const seen = new Set<string>();
    const coreFragments = dedupeFragments(core.split(/\s*,\s*/), seen);
    const extra = dedupeFragments(additions.flatMap((f) => f.split(/\s*,\s*/)), seen);
    return { enhancedPrompt: assemble(coreFragments, extra), suggestions: suggestionsFor(own, category) };
  }
}
