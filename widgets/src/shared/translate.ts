/**
 * The widgets' own small localisation mechanism (docs/decisions.md says why not @lit/localize): message tables
 * per locale tag, looked up along a fallback chain, with partner overrides that need no rebuild.
 *
 * Lookup for `pt-BR`: the element's `strings['pt-BR']`, then `strings.pt`, then strings the page registered
 * with `AisWidgets.configure({strings})` (same order), then the built-in tables, then English.
 */
import type { MessageKey } from './i18n.js';
import { enCommon } from './i18n-en-common.js';

/** Any BCP 47 tag; `en` and `hi` are built in, others come from the partner's `strings`. */
export type Locale = string;
export type Messages = Record<MessageKey, string>;
/** Partial overrides per locale tag: `{ hi: { generate: 'बनाएँ · {cost}' }, ta: { … } }`. */
export type StringOverrides = Record<string, Partial<Record<MessageKey, string>>>;

/**
 * Tables loaded so far: English (the fallback) always, others once chosen. English starts with the common strings;
 * each widget adds its own with `addEnglish` when its module loads, so a page carries only its widgets' strings.
 */
const en: Partial<Messages> = { ...enCommon };
const builtIn: Record<string, Partial<Messages>> = { en };

/** Adds a widget's English strings (its `i18n-en.ts`) to the built-in English table; called at module load. */
export function addEnglish(table: Partial<Messages>): void {
  Object.assign(en, table);
}
/**
 * Built-in locales shipped as chunks of their own (code splitting): imported the first time a widget renders in
 * that locale, so a page in English never downloads them. A new built-in locale is one line here and one file.
 */
const lazyTables: Record<string, () => Promise<Partial<Messages>>> = {
  hi: () => import('./i18n-hi.js').then((m) => m.hi),
};
const loading = new Map<string, Promise<void>>();

/** Whether the built-in strings `locale` may need are loaded (always true for English and partner-only locales). */
export function localeReady(locale: Locale): boolean {
  return chain(canonical(locale)).every((t) => !lazyTables[t] || builtIn[t] !== undefined);
}

/**
 * Loads the built-in strings of `locale` when they come as a lazy chunk; resolves once they are in (at once when
 * nothing is to load). Widgets call it when they render in a locale that is not ready, then render again.
 */
export function loadLocale(locale: Locale): Promise<void> {
  const pending = chain(canonical(locale)).filter((t) => lazyTables[t] && !builtIn[t]).map((t) => {
    let p = loading.get(t);
    if (!p) {
      p = lazyTables[t]!().then((table) => { builtIn[t] = table; }, (error: unknown) => {
        loading.delete(t); // a failed download (offline) is retried on the next render; English shows meanwhile
        throw error;
      });
      loading.set(t, p);
    }
    return p;
  });
  return Promise.all(pending).then(() => undefined);
}
const registered: StringOverrides = {};

/** Adds or overrides strings for any locale, page-wide (also reachable as `AisWidgets.configure({strings})`). */
export function registerStrings(strings: StringOverrides): void {
  for (const [tag, table] of Object.entries(strings ?? {})) {
    if (!table || typeof table !== 'object') continue;
    const key = canonical(tag);
    registered[key] = { ...(registered[key] ?? {}), ...table };
  }
}

/** Test helper: forgets page-wide registrations. */
export function resetRegisteredStrings(): void {
  for (const k of Object.keys(registered)) delete registered[k];
}

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag.toLowerCase();
  }
}

/** `pt-BR` -> [`pt-BR`, `pt`]. */
function chain(tag: string): string[] {
  const out = [tag];
  const base = tag.split('-')[0]!;
  if (base !== tag) out.push(base);
  return out;
}

const known = (tag: string, overrides?: StringOverrides) => !!(builtIn[tag] || lazyTables[tag] || registered[tag] || overrides?.[tag]);

/**
 * Normalises a locale attribute or `navigator.language` to a locale the widgets have strings for: the tag itself,
 * or its language, else `en`. A region is kept when known (`pt-BR`), so Intl formats numbers and dates for it.
 */
export function pickLocale(value: string | null | undefined, overrides?: StringOverrides): Locale {
  if (!value) return 'en';
  const tag = canonical(value.trim());
  for (const t of chain(tag)) if (known(t, overrides)) return t;
  // A built-in language with a region the page did not name (hi-IN): keep the region for Intl.
  const base = tag.split('-')[0]!;
  return known(base, overrides) ? base : 'en';
}

/** The message for `key` in `locale`, with `{placeholders}` filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>, overrides?: StringOverrides): string {
  let text: string | undefined;
  for (const t of chain(canonical(locale))) {
    text = overrides?.[t]?.[key] ?? registered[t]?.[key] ?? builtIn[t]?.[key];
    if (text !== undefined) break;
  }
  text ??= overrides?.en?.[key] ?? registered.en?.[key] ?? en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Whether `locale` (or its language) has its own string for `key`, rather than the English fallback. */
export function hasString(locale: Locale, key: MessageKey, overrides?: StringOverrides): boolean {
  return chain(canonical(locale)).some((t) => (overrides?.[t]?.[key] ?? registered[t]?.[key] ?? builtIn[t]?.[key]) !== undefined);
}

/** The tag Intl formats with: the Indian English/Hindi conventions for the built-in languages, else the tag. */
export function intlLocale(locale: Locale): string {
  if (locale === 'en') return 'en-IN';
  if (locale === 'hi') return 'hi-IN';
  return locale;
}
