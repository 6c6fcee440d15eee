/**
 * English strings used only by <ais-my-creations>. The widget that uses them adds them to the English table when its module loads
 * (`addEnglish`, shared/translate.ts), so a page only downloads the strings of the widgets it embeds. The full key set
 * (MessageKey) and the Hindi table are assembled in shared/i18n.ts and shared/i18n-hi.ts.
 */
export const enCreations = {
  posterBadge: 'Poster',
  posterSource: 'Made from',
  delete: 'Delete',
  creationsTitle: 'My Creations',
  creationsEmpty: 'You have not created any images yet.',
  creationsEmptyHint: 'Open the studio and make your first one.',
  deleteConfirm: 'Delete this image? This cannot be undone.',
  deleted: 'Image deleted',
  reopenStudio: 'Re-open in studio',
  detailPrompt: 'Prompt',
  detailTier: 'Quality',
  detailCreated: 'Created',
  detailCost: 'Cost',
  statusQueued: 'Queued',
  statusRunning: 'In progress',
  statusFailed: 'Failed',
  statusPublished: 'Published',
};
