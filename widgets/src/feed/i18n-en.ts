/**
 * English strings used only by <ais-feed>. The widget that uses them adds them to the English table when its module loads
 * (`addEnglish`, shared/translate.ts), so a page only downloads the strings of the widgets it embeds. The full key set
 * (MessageKey) and the Hindi table are assembled in shared/i18n.ts and shared/i18n-hi.ts.
 */
export const enFeed = {
  sortLabel: 'Sort',
  viewPost: 'Post {id}',
  feedTitle: 'Community',
  trending: 'Trending',
  latest: 'Latest',
  feedEmpty: 'Nothing here yet. Be the first to publish!',
  like: 'Like',
  unlike: 'Unlike',
  likes: '{n} likes',
  remixes: '{n} remixes',
  report: 'Report',
  reportTitle: 'Report this post',
  reportReason: 'Reason',
  reportDetails: 'Details (optional)',
  reportSent: 'Thanks — our moderators will take a look.',
  reason_spam: 'Spam',
  reason_nudity: 'Nudity',
  reason_violence: 'Violence',
  reason_hate: 'Hate',
  reason_copyright: 'Copyright',
  reason_misleading: 'Misleading',
  reason_other: 'Other',
  by: 'by {name}',
  endOfFeed: 'You have reached the end.',
  signInToInteract: 'Sign in to like, remix or report.',
  reason_generation: 'Image generation',
  reason_refund: 'Refund',
  reason_reward: 'Remix reward',
  reason_purchase: 'Purchase',
  reason_referral: 'Referral bonus',
  reason_admin: 'Adjustment',
  reason_bonus: 'Bonus',
};
