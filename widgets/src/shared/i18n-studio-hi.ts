/** Hindi strings, one part of the lazily loaded Hindi chunk (i18n-hi.ts), never in the main bundle; English: see i18n.ts. */
export const hiStudio = {
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
