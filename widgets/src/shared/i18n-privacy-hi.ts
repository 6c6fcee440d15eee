/** Hindi strings, one part of the lazily loaded Hindi chunk (i18n-hi.ts), never in the main bundle; English: see i18n.ts. */
export const hiPrivacy = {
  consentPrompt: 'यहाँ इमेज बनाने के लिए कृपया इनसे सहमति दें: {list}. आप इन्हें इस साइट पर पढ़ सकते हैं।',
  consentAgree: 'मैं सहमत हूँ',
};
