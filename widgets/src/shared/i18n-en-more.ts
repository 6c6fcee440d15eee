/**
 * English strings that two or more widgets use but the studio does not (relative times, edit, share, load more…):
 * added by those widgets' modules (`addEnglish(enMore)`), so a page with only the studio does not download them. The
 * rest of the shared strings are in i18n-en-common.ts.
 */
export const enMore = {
  saved: 'Saved',
  edit: 'Edit',
  loadMore: 'Load more',
  justNow: 'just now',
  minutesAgo: '{n} min ago',
  hoursAgo: '{n} h ago',
  daysAgo: '{n} d ago',
  remix: 'Remix',
  share: 'Share',
  refresh: 'Refresh',
  reason: 'Reason',
};
