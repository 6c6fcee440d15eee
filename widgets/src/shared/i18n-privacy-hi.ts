/** Hindi for i18n-privacy.ts: part of the lazily loaded Hindi chunk (i18n-hi.ts), never in the main bundle. */
import type { enPrivacy } from './i18n-privacy.js';

export const hiPrivacy: Record<keyof typeof enPrivacy, string> = {
  consentPrompt: 'यहाँ इमेज बनाने के लिए कृपया इनसे सहमति दें: {list}. आप इन्हें इस साइट पर पढ़ सकते हैं।',
  consentAgree: 'मैं सहमत हूँ',
};
