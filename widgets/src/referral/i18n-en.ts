/**
 * English strings used only by <ais-referral>. The widget that uses them adds them to the English table when its module loads
 * (`addEnglish`, shared/translate.ts), so a page only downloads the strings of the widgets it embeds. The full key set
 * (MessageKey) and the Hindi table are assembled in shared/i18n.ts and shared/i18n-hi.ts.
 */
export const enReferral = {
  shareEmail: 'Email',
  referralTitle: 'Invite friends, earn credits',
  referralIntro: 'Friends who join with your link get bonus credits, and you earn credits when they create their first image.',
  yourLink: 'Your invite link',
  copy: 'Copy',
  copied: 'Copied!',
  shareText: 'Create stunning AI images with me — join with my link:',
  qrLabel: 'QR code for your invite link',
  signups: 'Sign-ups',
  qualified: 'Qualified',
  pending: 'Under review',
  earned: 'Credits earned',
  nextMilestone: '{n} more qualified sign-ups to earn {reward} bonus credits',
  yourCode: 'Code: {code}',
};
