/**
 * Strings of the studio's format and count pickers (issue 14), kept apart from i18n.ts; i18n.ts spreads them into
 * `en` and `hi`.
 */
export const enStudio = {
  formatLabel: 'Format',
  fmt_square: 'Square',
  fmt_portrait: 'Portrait',
  fmt_story: 'Story',
  fmt_landscape: 'Landscape',
  fmt_banner: 'Banner',
  countLabel: 'Images',
  totalCost: '{count} × {each} = {total}',
  variationOf: 'Image {i} of {n}',
  someFailed: '{n} of {total} images could not be made; their credits were refunded.',
  fallbackDrawn: 'Made by the backup renderer; the price difference was refunded.',
} as const;

export const hiStudio: Record<keyof typeof enStudio, string> = {
  formatLabel: 'आकार',
  fmt_square: 'चौकोर',
  fmt_portrait: 'पोर्ट्रेट',
  fmt_story: 'स्टोरी',
  fmt_landscape: 'लैंडस्केप',
  fmt_banner: 'बैनर',
  countLabel: 'इमेज',
  totalCost: '{count} × {each} = {total}',
  variationOf: 'इमेज {i} / {n}',
  someFailed: '{total} में से {n} इमेज नहीं बन सकीं; उनके क्रेडिट लौटा दिए गए।',
  fallbackDrawn: 'बैकअप रेंडरर से बनी; कीमत का अंतर लौटा दिया गया।',
};
