/**
 * Brand-safety check run on every prompt before any credit is spent or any
 * provider is called. It is a blocklist, not a classifier: cheap, predictable
 * and explainable to a partner. Vendors still run their own moderation; their
 * refusals arrive as ProviderError('content_policy_violation').
 *
 * Choices (see docs/providers.md):
 * - Whole-word matching on a normalised copy of the prompt, so "Scunthorpe",
 *   "assessment", "method", "cocktail" and "raccoon" never match.
 * - Ambiguous words are listed only inside phrases: "shooting" is blocked as
 *   "school/mass shooting", not in "shooting star"; "kill" and "killer" are
 *   not listed ("killer deal"), "bomb" only as bomb-making ("bath bomb" is fine);
 *   bare "sex" only in explicit phrases so "sex education" passes.
 * - A few well-known innocent phrases are removed before matching (ALLOWED_PHRASES).
 * - Obfuscation handled: case, accents, zero-width characters, leetspeak inside
 *   words (p0rn, h3roin, c0c@ine), letters spaced or dotted out (p o r n,
 *   n.u.d.e), and stretched letters (pornnn).
 */

import { processCache } from '../util/process-cache.js';

export type PolicyCategory = 'sexual' | 'violence' | 'hate' | 'self_harm' | 'weapons' | 'drugs' | 'profanity' | 'partner';

/** Each entry is a lowercase regex fragment matched as whole words; spaces match any whitespace. */
export const BLOCKLIST: Readonly<Record<Exclude<PolicyCategory, 'partner'>, readonly string[]>> = {
  sexual: [
    'porn(o|s|ography|ographic)?', 'pr0n', 'nsfw', 'xxx', 'hentai', 'nude(s)?', 'nudity', 'naked', 'topless', 'erotic(a)?',
    'fetish(es)?', 'bdsm', 'orgasm(s)?', 'genital(s|ia)?', 'penis(es)?', 'vagina(s)?', 'boobs', 'blowjob(s)?', 'handjob(s)?',
    'sex (scene|act|tape|video)s?', 'having sex', 'sexual(ly)? (intercourse|act|explicit)', 'explicit sex', 'onlyfans', 'loli(con)?',
    'child porn', 'camgirl(s)?',
  ],
  violence: [
    'gore', 'gory', 'gruesome', 'dismember(ed|ing|ment)?', 'decapitat(e|ed|ion|ing)', 'behead(ed|ing)?', 'mutilat(e|ed|ion|ing)',
    'disembowel(ed|ing|ment)?', 'bloodbath', 'blood bath', 'blood (splatter|spatter)', 'massacre(d)?', 'torture(d)?', 'stabbing(s)?',
    '(school|mass) shooting(s)?', 'shot in the head', 'slit (his|her|their) throat', 'execution video', 'snuff (film|video)',
  ],
  hate: [
    'nigg(er|a|ers|as)', 'fag(got)?s?', 'kike(s)?', 'spic(s)?', 'chink(s)?', 'gook(s)?', 'wetback(s)?', 'raghead(s)?', 'tranny',
    'retard(s)?', 'coon(s)?', 'nazi(s)?', 'neo nazi(s)?', 'swastika(s)?', 'heil hitler', 'white power', 'kkk', 'ku klux klan',
    'ethnic cleansing', 'gas the jews', 'master race',
  ],
  self_harm: [
    'suicide', 'suicidal', 'kill (myself|yourself|himself|herself)', 'self harm(ing)?', 'selfharm', 'cutting myself',
    'slit(ting)? (my|your) wrists?', 'hang(ing)? myself', 'end my life', 'pro ana', 'thinspo',
  ],
  weapons: [
    '(make|making|build|building|how to make|assemble) (a |an )?(bomb|explosive|pipe bomb|ied|nail bomb|molotov)(s)?',
    'bomb making', 'pipe bomb(s)?', 'nail bomb(s)?', 'molotov( cocktail)?(s)?', 'ied(s)?', 'homemade (explosive|bomb|gun|firearm)s?',
    '3d printed (gun|firearm)s?', 'ghost gun(s)?', 'napalm recipe', 'untraceable (gun|firearm)s?',
  ],
  drugs: [
    'cocaine', 'heroin', 'meth', 'methamphetamine', 'crystal meth', 'fentanyl', 'mdma', 'lsd', 'crack (pipe|cocaine)',
    'snort(ing)? (coke|lines)', 'lines of coke', 'drug dealer(s)?', 'cook(ing)? meth', 'inject(ing)? drugs',
  ],
  profanity: [
    'fuck(s|ed|er|ers|ing)?', 'motherfuck(er|ers|ing)', 'cunt(s)?', 'asshole(s)?', 'bitch(es)?',
    // Hinglish (Hindi written in Latin letters), with the common spellings.
    // Words that are also names or everyday words are left out ("lund", "laura", "randi", "chodo" = let it go).
    // "( )?" is an optional space (a space in a fragment means one or more whitespace characters).
    'madar( )?chod', 'maa( )?d?ar( )?chod', 'b(e|a)h?e?n( )?chod', 'bhen( )?chod', 'ch(u|oo)t(i|iy|y)(a|e|ya|yapa)', 'bhosd(i|ike|iwale|a)', 'bhosri( )?ke',
    'gaand', 'gaa?ndu', 'gaand mar(a|o|ao)', 'lavda', 'lawda', 'jhaa?tu', 'randi(yan|baaz)', 'randi khana', 'harami', 'haraam( )?zaa?d(a|e|i)', 'kamina', 'kamine',
    'chudai', 'chudwa(na|o)?',
  ],
};

/**
 * Hindi in Devanagari. Matched on a Unicode-normalised copy (NFC, nukta and chandrabindu folded), whole words only.
 * Kept to words that are offensive or explicit in any context; partners add their own terms in any script.
 */
export const BLOCKLIST_DEVANAGARI: Readonly<Partial<Record<PolicyCategory, readonly string[]>>> = {
  sexual: ['अश्लील', 'नंगी', 'नंगा', 'चुदाई', 'पोर्न', 'सेक्स वीडियो'],
  violence: ['बलात्कार', 'सामूहिक हत्या', 'सिर कलम'],
  self_harm: ['आत्महत्या', 'ख़ुदकुशी', 'खुदकुशी'],
  drugs: ['हेरोइन', 'कोकीन', 'चरस बेचना'],
  profanity: ['मादरचोद', 'बहनचोद', 'बहनचोद', 'भेनचोद', 'चूतिया', 'चुतिया', 'भोसड़ी', 'भोसड़ीके', 'गांड', 'गाँडू', 'गांडू', 'लंड', 'लौड़ा', 'लोड़ा',
    'रंडी', 'हरामी', 'हरामज़ादा', 'हरामजादा', 'कमीना', 'कमीने', 'झाँट', 'झांट'],
};

/** Innocent phrases containing a listed word; removed before matching. */
export const ALLOWED_PHRASES: readonly string[] = [
  'al gore', 'suicide prevention', 'suicide awareness', 'sex education', 'naked eye', 'nude colou?r', 'nude lipstick',
  'nude (tone|shade|palette|heels)s?', 'naked cake', 'molotov ribbentrop',
];

/** Innocent Devanagari phrases containing a listed word ("नंगा पर्बत", the mountain). */
export const ALLOWED_PHRASES_DEVANAGARI: readonly string[] = ['नंगा पर्बत', 'नंगा पर्वत', 'आत्महत्या रोकथाम'];

const CATEGORY_LABEL: Record<PolicyCategory, string> = {
  sexual: 'sexual content',
  violence: 'graphic violence',
  hate: 'hate speech',
  self_harm: 'self-harm',
  weapons: 'weapons making',
  drugs: 'illegal drugs',
  profanity: 'profanity',
  partner: 'terms this site does not allow',
};

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' };

const toRegex = (src: string) => new RegExp(`(?<![a-z0-9])(?:${src.replace(/ /g, '\\s+')})(?![a-z0-9])`, 'g');

const COMPILED = (Object.entries(BLOCKLIST) as [PolicyCategory, readonly string[]][]).flatMap(([category, terms]) =>
  terms.map((src) => ({ category, src, re: toRegex(src) })),
);
const ALLOWED = ALLOWED_PHRASES.map(toRegex);
/**
 * Every built-in term in one alternation, asked first: most prompts match none, and one pass over the text then
 * replaces a hundred. Only a prompt it matches is scanned term by term (for the terms and categories to report); a
 * term that matches somewhere makes the alternation match there too, so nothing is skipped that would have matched.
 */
const ANY_BUILT_IN = new RegExp(`(?<![a-z0-9])(?:${Object.values(BLOCKLIST).flat().map((src) => `(?:${src.replace(/ /g, '\\s+')})`).join('|')})(?![a-z0-9])`);

/** Lowercase, strip accents and invisible characters, undo leetspeak inside words. */
export function normalisePrompt(prompt: string): string {
  let text = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase();
  // A leet character counts only beside a letter, so "2024" stays; "!" and "|"
  // only between two letters, so "wow!" stays.
  text = text.replace(/[013457@$!|]/g, (c, i: number) => {
    const prev = /[a-z]/.test(text[i - 1] ?? '');
    const next = /[a-z]/.test(text[i + 1] ?? '');
    const inside = c === '!' || c === '|' ? prev && next : prev || next;
    return inside ? (LEET[c] ?? c) : c;
  });
  // Stretched letters: "pornnnn" -> "porn", "nuuude" -> "nude" ("xxx" is a term itself).
  text = text.replace(/([a-wyz])\1{2,}/g, '$1');
  text = text.replace(/[^a-z0-9\s]+/g, (m) => (/[-_.*+'’]/.test(m) && m.length <= 2 ? m : ' '));
  // Letters spaced or dotted out ("p o r n", "n.u.d.e") are joined back into a word.
  text = text.replace(/(?<![a-z])[a-z](?:[\s.\-_*+]+[a-z](?![a-z])){2,}/g, (run) => run.replace(/[^a-z]/g, ''));
  return text.replace(/[-_.*+'’]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The Unicode copy used for Devanagari and for a partner's own terms in any script: NFC, lower case, zero-width
 * characters removed, the nukta dropped and chandrabindu written as anusvara (people type both ways), punctuation to
 * spaces. Matching is whole-word on letters and marks of every script.
 */
export function normaliseUnicode(text: string): string {
  return text.normalize('NFC').toLowerCase()
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\u093c/g, '').replace(/\u0901/g, '\u0902')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const toUnicodeRegex = (phrase: string) => {
  const words = normaliseUnicode(phrase).split(' ').filter(Boolean).map(escapeRe);
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
};

const COMPILED_DEVANAGARI = (Object.entries(BLOCKLIST_DEVANAGARI) as [PolicyCategory, readonly string[]][]).flatMap(([category, terms]) =>
  terms.map((src) => ({ category, src, re: toUnicodeRegex(src) })),
);
const ALLOWED_DEVANAGARI = ALLOWED_PHRASES_DEVANAGARI.map(toUnicodeRegex);

type Compiled = { category: PolicyCategory; re: RegExp }[];
/** A partner's terms compiled once per list (the list comes from its cached configuration). */
const partnerCompiled = processCache<string, { latin: Compiled; unicode: Compiled }>();

/** A partner's own blocked terms: Latin ones get the obfuscation handling of the built-in list, every term the Unicode match. */
function compilePartnerTerms(terms: readonly string[]) {
  const key = terms.join('\u0000');
  let c = partnerCompiled.get(key);
  if (!c) {
    c = { latin: [], unicode: [] };
    for (const term of terms) {
      const latin = normalisePrompt(term);
      if (latin && /^[a-z0-9 ]+$/.test(latin)) c.latin.push({ category: 'partner', re: toRegex(escapeRe(latin)) });
      if (normaliseUnicode(term)) c.unicode.push({ category: 'partner', re: toUnicodeRegex(term) });
    }
    if (partnerCompiled.size > 500) partnerCompiled.clear();
    partnerCompiled.set(key, c);
  }
  return c;
}

export type PolicyResult = { ok: true } | { ok: false; reason: string; terms: string[] };

/**
 * Checks a prompt, a title or a tag against the built-in lists (English, Hinglish and Devanagari Hindi) and the
 * partner's own `moderation.blockedTerms`.
 */
export function checkPrompt(prompt: string, partnerTerms: readonly string[] = []): PolicyResult {
  let text = normalisePrompt(prompt);
  for (const re of ALLOWED) text = text.replace(re, ' ');
  let utext = normaliseUnicode(prompt);
  for (const re of ALLOWED_DEVANAGARI) utext = utext.replace(re, ' ');
  const terms = new Set<string>();
  const categories = new Set<PolicyCategory>();
  const scan = (list: Compiled, on: string) => {
    for (const { category, re } of list) {
      re.lastIndex = 0;
      for (const m of on.matchAll(re)) {
        terms.add(m[0].replace(/\s+/g, ' '));
        categories.add(category);
      }
    }
  };
  if (ANY_BUILT_IN.test(text)) scan(COMPILED, text);
  // Devanagari only matters when the text has some; the regexes are skipped for the usual Latin prompt.
  if (/[\u0900-\u097f]/.test(utext)) scan(COMPILED_DEVANAGARI, utext);
  if (partnerTerms.length) {
    const c = compilePartnerTerms(partnerTerms);
    scan(c.latin, text);
    scan(c.unicode, utext);
  }
  if (terms.size === 0) return { ok: true };
  const labels = [...categories].map((c) => CATEGORY_LABEL[c]).join(', ');
  return { ok: false, reason: `The prompt breaks the content policy (${labels}).`, terms: [...terms] };
}
