/** Strings of the consent prompt (shared/consent.ts), spread into `en` and `hi` by i18n.ts. */
export const enPrivacy = {
  consentPrompt: 'To create images here, please agree to: {list}. You can read them on this site.',
  consentAgree: 'I agree',
} as const;
