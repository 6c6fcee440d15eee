/** What each well-known category adds to a prompt. Keys are matched loosely (case, punctuation, plural). */
export interface CategoryStyle {
  style: string;
  extras: string[];
  /** A category whose images carry text, so the prompt should leave room for it. */
  needsHeadline?: boolean;
  /** Audience example used in suggestions. */
  audience?: string;
}

const STYLES: Record<string, CategoryStyle> = {
  'course promo': {
    style: 'clean flat vector illustration',
    extras: ['bold headline space', 'modern educational look', 'friendly approachable tone'],
    needsHeadline: true,
    audience: "for first-year students",
  },
  festival: {
    style: 'vibrant festive illustration',
    extras: ['warm celebratory colours', 'decorative ornaments', 'joyful mood'],
    audience: 'for family and friends',
  },
  greeting: { style: 'warm greeting card illustration', extras: ['soft decorative border', 'space for a short message'], needsHeadline: true },
  'social post': {
    style: 'eye-catching social media graphic',
    extras: ['bold simple shapes', 'scroll-stopping contrast', 'square-friendly layout'],
    needsHeadline: true,
    audience: 'for young professionals',
  },
  product: {
    style: 'professional studio product photography',
    extras: ['soft diffused shadows', 'clean seamless background', 'sharp focus on the product'],
    audience: 'for online shoppers',
  },
  poster: { style: 'bold modern poster design', extras: ['strong typographic hierarchy', 'high contrast'], needsHeadline: true },
  event: { style: 'bold modern event poster', extras: ['clear space for date and venue', 'energetic composition'], needsHeadline: true },
  webinar: { style: 'clean professional webinar banner', extras: ['space for title and speaker', 'calm corporate palette'], needsHeadline: true },
  quote: { style: 'minimal textured background', extras: ['generous space for quote text', 'calm muted tones'], needsHeadline: true },
  thumbnail: { style: 'high-impact video thumbnail', extras: ['expressive focal subject', 'large headline area', 'punchy colours'], needsHeadline: true },
  business: { style: 'polished corporate illustration', extras: ['clean layout', 'trustworthy professional tone'] },
  food: { style: 'appetising food photography', extras: ['natural daylight', 'shallow depth of field'] },
  'real estate': { style: 'bright architectural photography', extras: ['wide-angle view', 'natural light'] },
  portrait: { style: 'stylised portrait illustration', extras: ['centred subject', 'soft rim light'] },
  avatar: { style: 'stylised avatar illustration', extras: ['centred head and shoulders', 'simple background'] },
  wallpaper: { style: 'rich detailed digital artwork', extras: ['immersive depth', 'no text'] },
};

const ALIASES: Record<string, string> = {
  course: 'course promo',
  'course promotion': 'course promo',
  education: 'course promo',
  festive: 'festival',
  'festival greeting': 'festival',
  celebration: 'festival',
  greeting: 'greeting',
  'social media': 'social post',
  instagram: 'social post',
  'product shot': 'product',
  ecommerce: 'product',
  'youtube thumbnail': 'thumbnail',
  corporate: 'business',
  motivational: 'quote',
};

function key(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\b(\w+[^s\s])s\b/g, '$1');
}

/** Returns the known style for a category name, or undefined for free text. */
export function lookupCategoryStyle(name: string): CategoryStyle | undefined {
  const k = key(name);
  if (STYLES[k]) return STYLES[k];
  if (ALIASES[k]) return STYLES[ALIASES[k]!];
  // "Diwali Festival Greetings" -> festival; "Summer Course Promo" -> course promo.
  for (const candidate of [...Object.keys(STYLES), ...Object.keys(ALIASES)]) {
    if (new RegExp(`\\b${candidate}\\b`).test(k)) return STYLES[ALIASES[candidate] ?? candidate];
  }
  return undefined;
}
