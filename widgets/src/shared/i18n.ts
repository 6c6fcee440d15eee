/**
 * The full English key set: every widget's strings joined, for the `MessageKey` type, the Hindi table's check
 * (i18n-hi.ts must have every key) and the tests. Widget code imports only the type from here: at run time each
 * widget adds its own English table when its module loads (translate.ts `addEnglish`), so a page with only
 * <ais-studio> does not download the wallet's, the feed's or the admin's strings. Tables:
 * - shared/i18n-en-common.ts  the shared code's strings (errors, loading, retry…) and those of two or more widgets
 * - studio/, creations/, feed/, wallet/, referral/, admin/ `i18n-en.ts`  strings only that widget uses
 * A new string goes into the table of the one widget that uses it, or into the common one when several do. Other
 * built-in locales live in their own files (i18n-hi.ts), each a chunk loaded only when that locale is chosen.
 * `{name}` placeholders are filled by `translate`, which also takes a partner's overrides and extra locales. Every
 * English key must have a Hindi entry (widgets/test/i18n.test.ts).
 */
import { enCommon } from './i18n-en-common.js';
import { enMore } from './i18n-en-more.js';
import { enStudio } from '../studio/i18n-en.js';
import { enCreations } from '../creations/i18n-en.js';
import { enFeed } from '../feed/i18n-en.js';
import { enWallet } from '../wallet/i18n-en.js';
import { enReferral } from '../referral/i18n-en.js';
import { enAdmin } from '../admin/i18n-en.js';

export const en = {
  ...enCommon,
  ...enMore,
  ...enStudio,
  ...enCreations,
  ...enFeed,
  ...enWallet,
  ...enReferral,
  ...enAdmin,
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
