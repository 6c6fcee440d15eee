import type { StudioClient } from '../../../sdk/src/client.js';
import type { confirmIn } from './confirm.js';

/** The prompt's dialog comes as a chunk the first time consent is missing: most generations never need it. */
const lazyConfirm: typeof confirmIn = (...args) => import('./confirm.js').then((m) => m.confirmIn(...args));

/**
 * The consent prompt (docs/privacy.md): before a user's first generation, asks for the consent versions the partner
 * requires and the user has not given, and records them (POST /api/me/consents). Resolves true when nothing is missing
 * (any more). Texts: `consentPrompt` ({list}: the purposes and versions), `consentAgree`, `cancel`; a partner words
 * them through its string overrides. A failed download of the dialog rejects like a failed request (the studio shows
 * its error state with a retry).
 */
export async function ensureConsents(client: StudioClient, root: Node, text: { prompt(list: string): string; agree: string; cancel: string },
  signal?: AbortSignal, ask: typeof confirmIn = lazyConfirm): Promise<boolean> {
  const mine = await client.me.consents({ signal });
  const missing = mine.required.filter((r) => !r.given);
  if (!missing.length) return true;
  const list = missing.map((m) => `${m.purpose.replace(/[_-]/g, ' ')} (${m.version})`).join(', ');
  if (!(await ask(root, text.prompt(list), text.agree, text.cancel))) return false;
  for (const m of missing) await client.me.giveConsent({ purpose: m.purpose, version: m.version }, { signal });
  return true;
}
