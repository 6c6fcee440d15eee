/**
 * Prompt -> colours for the offline renderer. Colour words win, then scene and
 * mood words, then a stable hash of the prompt so every prompt still gets its
 * own look.
 */

export interface Hsl { h: number; s: number; l: number }

export interface Palette {
  /** Background gradient, top to bottom. */
  skyTop: string;
  skyBottom: string;
  /** Main and secondary shape colours. */
  accent: string;
  accent2: string;
  /** Darkest tone, for silhouettes and ground. */
  deep: string;
  /** Text colour chosen for contrast against the lower background. */
  ink: string;
  /** Which words decided the palette (for debugging and tests). */
  source: string[];
}

const COLOUR_WORDS: Record<string, Hsl> = {
  red: { h: 0, s: 75, l: 50 },
  crimson: { h: 348, s: 80, l: 42 },
  scarlet: { h: 5, s: 85, l: 48 },
  maroon: { h: 0, s: 60, l: 28 },
  orange: { h: 28, s: 90, l: 55 },
  coral: { h: 14, s: 85, l: 65 },
  peach: { h: 24, s: 90, l: 78 },
  yellow: { h: 50, s: 95, l: 55 },
  gold: { h: 45, s: 85, l: 50 },
  golden: { h: 42, s: 85, l: 52 },
  amber: { h: 38, s: 95, l: 50 },
  green: { h: 130, s: 55, l: 42 },
  emerald: { h: 145, s: 70, l: 38 },
  lime: { h: 85, s: 75, l: 50 },
  olive: { h: 65, s: 45, l: 35 },
  mint: { h: 155, s: 55, l: 75 },
  teal: { h: 178, s: 65, l: 38 },
  turquoise: { h: 174, s: 70, l: 50 },
  cyan: { h: 188, s: 85, l: 50 },
  aqua: { h: 182, s: 80, l: 55 },
  blue: { h: 215, s: 75, l: 50 },
  azure: { h: 205, s: 85, l: 55 },
  navy: { h: 225, s: 65, l: 22 },
  indigo: { h: 250, s: 55, l: 35 },
  purple: { h: 275, s: 55, l: 45 },
  violet: { h: 270, s: 65, l: 55 },
  lavender: { h: 265, s: 60, l: 78 },
  magenta: { h: 310, s: 80, l: 50 },
  pink: { h: 335, s: 80, l: 68 },
  rose: { h: 345, s: 70, l: 60 },
  brown: { h: 25, s: 45, l: 32 },
  beige: { h: 38, s: 45, l: 80 },
  cream: { h: 45, s: 70, l: 90 },
  black: { h: 230, s: 15, l: 8 },
  white: { h: 210, s: 20, l: 96 },
  grey: { h: 215, s: 8, l: 55 },
  gray: { h: 215, s: 8, l: 55 },
  silver: { h: 210, s: 10, l: 75 },
};

/** Scene and mood words carry an implied palette (base hues + adjustments). */
const MOOD_WORDS: Record<string, { hues: number[]; s?: number; l?: number }> = {
  sunset: { hues: [20, 330, 265] },
  sunrise: { hues: [35, 15, 200] },
  dawn: { hues: [30, 340, 210] },
  dusk: { hues: [280, 20, 240] },
  night: { hues: [230, 260, 50], l: -18 },
  space: { hues: [250, 280, 190], l: -22 },
  galaxy: { hues: [265, 300, 200], l: -18 },
  ocean: { hues: [200, 185, 215] },
  sea: { hues: [195, 180, 210] },
  beach: { hues: [195, 45, 30], l: 8 },
  forest: { hues: [125, 95, 40], s: -10 },
  jungle: { hues: [120, 80, 50] },
  desert: { hues: [35, 20, 200], s: -5, l: 5 },
  snow: { hues: [205, 215, 190], s: -35, l: 22 },
  winter: { hues: [205, 220, 190], s: -25, l: 15 },
  autumn: { hues: [25, 40, 10] },
  spring: { hues: [110, 330, 55], l: 10 },
  summer: { hues: [48, 195, 15] },
  city: { hues: [220, 280, 40], l: -8 },
  neon: { hues: [300, 185, 265], s: 25 },
  cyberpunk: { hues: [300, 185, 250], s: 25, l: -10 },
  retro: { hues: [25, 175, 345], s: -10 },
  vintage: { hues: [35, 15, 180], s: -30, l: 5 },
  pastel: { hues: [340, 200, 160], s: -25, l: 25 },
  calm: { hues: [200, 170, 230], s: -20, l: 10 },
  serene: { hues: [195, 165, 240], s: -20, l: 10 },
  peaceful: { hues: [190, 150, 220], s: -20, l: 10 },
  warm: { hues: [25, 45, 5] },
  cozy: { hues: [25, 35, 10], s: -10, l: -5 },
  cool: { hues: [200, 220, 180] },
  dark: { hues: [240, 270, 200], l: -25 },
  moody: { hues: [230, 260, 20], s: -15, l: -18 },
  mysterious: { hues: [260, 230, 290], l: -18 },
  vibrant: { hues: [320, 45, 190], s: 20 },
  energetic: { hues: [5, 45, 200], s: 20 },
  happy: { hues: [48, 20, 195], s: 10, l: 8 },
  cheerful: { hues: [50, 330, 190], s: 10, l: 8 },
  joyful: { hues: [45, 320, 180], s: 10, l: 8 },
  romantic: { hues: [340, 10, 290], l: 5 },
  love: { hues: [345, 0, 320] },
  festive: { hues: [0, 45, 140], s: 10 },
  diwali: { hues: [40, 20, 300], s: 15 },
  christmas: { hues: [0, 140, 45] },
  halloween: { hues: [28, 270, 90], l: -10 },
  minimal: { hues: [210, 30, 0], s: -45, l: 20 },
  elegant: { hues: [45, 230, 0], s: -20, l: -5 },
  luxury: { hues: [45, 250, 0], s: -5, l: -10 },
  corporate: { hues: [215, 200, 30], s: -15 },
  professional: { hues: [215, 195, 35], s: -15 },
  tech: { hues: [210, 190, 260] },
  nature: { hues: [120, 190, 45] },
  fire: { hues: [10, 35, 0], s: 15 },
};

export function hashString(text: string): number {
  // FNV-1a: tiny, stable across runs and platforms.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a deterministic PRNG seeded from the prompt hash. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function words(prompt: string): string[] {
  return prompt.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? [];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function hslToHex({ h, s, l }: Hsl): string {
  const sat = clamp(s, 0, 100) / 100;
  const lig = clamp(l, 0, 100) / 100;
  const k = (n: number) => (n + ((h % 360) + 360) % 360 / 30) % 12;
  const a = sat * Math.min(lig, 1 - lig);
  const f = (n: number) => lig - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  const hex = (x: number) => Math.round(x * 255).toString(16).padStart(2, '0');
  return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`;
}

function shift(c: Hsl, dh: number, ds: number, dl: number): Hsl {
  return { h: (c.h + dh + 360) % 360, s: clamp(c.s + ds, 0, 100), l: clamp(c.l + dl, 4, 97) };
}

export function buildPalette(prompt: string, seed = ''): Palette {
  const ws = words(prompt);
  const colours: Hsl[] = [];
  const source: string[] = [];
  let ds = 0;
  let dl = 0;
  const moodHues: number[] = [];
  for (const w of ws) {
    const colour = COLOUR_WORDS[w];
    if (colour && colours.length < 3) {
      colours.push(colour);
      source.push(w);
      continue;
    }
    const mood = MOOD_WORDS[w];
    if (mood) {
      source.push(w);
      if (moodHues.length < 3) moodHues.push(...mood.hues);
      ds += mood.s ?? 0;
      dl += mood.l ?? 0;
    }
  }
  ds = clamp(ds, -45, 30);
  dl = clamp(dl, -30, 25);
  const rng = makeRng(hashString(`${prompt}|${seed}|palette`));
  if (colours.length === 0 && moodHues.length === 0) source.push('hash');

  // Fill up to three base colours: named colours first, then mood hues, then hash hues.
  const base: Hsl[] = [...colours];
  for (const h of moodHues) {
    if (base.length >= 3) break;
    base.push({ h, s: 65, l: 52 });
  }
  const anchor = base[0]?.h ?? Math.floor(rng() * 360);
  const scheme = [0, 35, 180, 150, 210];
  while (base.length < 3) {
    const offset = scheme[1 + Math.floor(rng() * (scheme.length - 1))]!;
    base.push({ h: (anchor + offset * (base.length === 0 ? 0 : 1)) % 360, s: 60 + rng() * 20, l: 50 });
  }
  const [c1, c2, c3] = base.map((c) => shift(c, 0, ds, dl)) as [Hsl, Hsl, Hsl];
  // Sky runs from the second colour into the first; the first colour, made
  // light, is the sun/highlight so it glows against its own sky.
  const skyTop = shift(c2, 0, -5, 10);
  const skyBottom = shift(c1, 0, 0, 0);
  const accent = { h: c1.h, s: clamp(c1.s + 10, 0, 100), l: clamp(c1.l + 28, 68, 88) };
  const accent2 = shift(c3, 0, 0, -4);
  const deep = { h: c2.h, s: clamp(c2.s - 15, 10, 70), l: clamp(Math.min(c1.l, c2.l) - 30, 6, 20) };
  // Every composition puts a dark band (ground, sea, a panel) under the
  // headline, so white ink with a dark shadow always reads.
  const ink = '#ffffff';
  return {
    skyTop: hslToHex(skyTop),
    skyBottom: hslToHex(skyBottom),
    accent: hslToHex(accent),
    accent2: hslToHex(accent2),
    deep: hslToHex(deep),
    ink,
    source,
  };
}
