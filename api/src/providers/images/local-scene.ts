import type { Palette } from './local-palette.js';

export type Composition = 'sunset' | 'ocean' | 'city' | 'forest' | 'space' | 'poster' | 'abstract';

const KEYWORDS: Record<Composition, string[]> = {
  sunset: ['sunset', 'sunrise', 'dawn', 'dusk', 'mountain', 'mountains', 'landscape', 'hills', 'desert', 'valley', 'horizon'],
  ocean: ['ocean', 'sea', 'beach', 'wave', 'waves', 'surf', 'lake', 'river', 'water', 'coast', 'island', 'underwater'],
  city: ['city', 'skyline', 'urban', 'street', 'building', 'buildings', 'downtown', 'cyberpunk', 'town', 'metropolis'],
  forest: ['forest', 'tree', 'trees', 'jungle', 'woods', 'garden', 'park', 'pine', 'nature', 'camping'],
  space: ['space', 'galaxy', 'night', 'star', 'stars', 'moon', 'planet', 'cosmic', 'astronaut', 'universe', 'nebula'],
  poster: ['poster', 'promo', 'course', 'sale', 'event', 'webinar', 'flyer', 'banner', 'launch', 'announcement', 'offer', 'workshop', 'class'],
  abstract: ['abstract', 'pattern', 'geometric', 'shapes', 'circles', 'texture', 'gradient', 'minimal', 'modern'],
};
const ORDER = Object.keys(KEYWORDS) as Composition[];

/** First scene keyword in the prompt decides; otherwise the hash picks one. */
export function chooseComposition(ws: string[], rng: () => number): Composition {
  for (const w of ws) {
    for (const kind of ORDER) if (KEYWORDS[kind].includes(w)) return kind;
  }
  const fallbacks: Composition[] = ['abstract', 'poster', 'sunset', 'ocean'];
  return fallbacks[Math.floor(rng() * fallbacks.length)]!;
}

export interface SceneInput {
  width: number;
  height: number;
  palette: Palette;
  words: string[];
  rng: () => number;
  /** 0 standard, 1 premium2, 2 premium4: more layers and effects. */
  richness: number;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function sun({ width: w, height: h, palette, rng }: SceneInput, glow: boolean): string {
  const cx = r1(w * (0.3 + rng() * 0.4));
  const cy = r1(h * (0.34 + rng() * 0.12));
  const rad = r1(Math.min(w, h) * (0.11 + rng() * 0.06));
  const halo = glow ? `<circle cx="${cx}" cy="${cy}" r="${r1(rad * 2.4)}" fill="url(#glow)"/>` : '';
  return `${halo}<circle cx="${cx}" cy="${cy}" r="${rad}" fill="${palette.accent}"/>`;
}

function ridge(s: SceneInput, baseY: number, amp: number, colour: string, opacity: number): string {
  const { width: w, height: h, rng } = s;
  const steps = 5 + Math.floor(rng() * 4);
  let d = `M0 ${r1(baseY)}`;
  for (let i = 1; i <= steps; i++) {
    const x = (w * i) / steps;
    const peak = baseY - amp * (0.35 + rng() * 0.65);
    d += ` L${r1(x - w / steps / 2)} ${r1(peak)} L${r1(x)} ${r1(baseY - amp * rng() * 0.3)}`;
  }
  return `<path d="${d} L${w} ${h} L0 ${h} Z" fill="${colour}" fill-opacity="${opacity}"/>`;
}

function mountains(s: SceneInput): string {
  const { height: h, palette } = s;
  const ranges = 2 + s.richness;
  let out = '';
  for (let i = 0; i < ranges; i++) {
    const t = i / Math.max(1, ranges - 1);
    out += ridge(s, h * (0.58 + t * 0.16), h * (0.22 - t * 0.08), i === ranges - 1 ? palette.deep : palette.accent2, 0.55 + t * 0.45);
  }
  return out;
}

function waves(s: SceneInput): string {
  const { width: w, height: h, palette, rng } = s;
  const count = 4 + s.richness * 2;
  let out = `<rect x="0" y="${r1(h * 0.6)}" width="${w}" height="${r1(h * 0.4)}" fill="${palette.deep}" fill-opacity="0.55"/>`;
  for (let i = 0; i < count; i++) {
    const y = h * (0.6 + (i / count) * 0.4);
    const amp = h * (0.012 + rng() * 0.02);
    const len = w / (3 + Math.floor(rng() * 3));
    let d = `M0 ${r1(y)}`;
    for (let x = 0; x < w; x += len) d += ` q${r1(len / 4)} ${r1(-amp)} ${r1(len / 2)} 0 t${r1(len / 2)} 0`;
    const colour = i % 2 ? palette.accent2 : palette.skyTop;
    out += `<path d="${d}" fill="none" stroke="${colour}" stroke-opacity="${r1(0.35 + (i / count) * 0.5)}" stroke-width="${r1(h * 0.008)}" stroke-linecap="round"/>`;
  }
  return out;
}

function skyline(s: SceneInput): string {
  const { width: w, height: h, palette, rng } = s;
  let out = '';
  for (let layer = 0; layer < 1 + s.richness; layer++) {
    let x = -rng() * w * 0.05;
    const colour = layer === s.richness ? palette.deep : palette.accent2;
    while (x < w) {
      const bw = w * (0.05 + rng() * 0.07);
      const bh = h * (0.18 + rng() * (0.3 - layer * 0.05));
      const top = h * 0.78 - bh + layer * h * 0.04;
      out += `<rect x="${r1(x)}" y="${r1(top)}" width="${r1(bw)}" height="${r1(h - top)}" fill="${colour}" fill-opacity="${0.6 + layer * 0.2}"/>`;
      if (layer === s.richness) {
        for (let wy = top + bw * 0.25; wy < h * 0.78; wy += bw * 0.35) {
          if (rng() < 0.45) out += `<rect x="${r1(x + bw * 0.25)}" y="${r1(wy)}" width="${r1(bw * 0.18)}" height="${r1(bw * 0.14)}" fill="${palette.accent}" fill-opacity="0.85"/>`;
          if (rng() < 0.45) out += `<rect x="${r1(x + bw * 0.6)}" y="${r1(wy)}" width="${r1(bw * 0.18)}" height="${r1(bw * 0.14)}" fill="${palette.accent}" fill-opacity="0.85"/>`;
        }
      }
      x += bw + w * 0.008;
    }
  }
  return out;
}

function trees(s: SceneInput): string {
  const { width: w, height: h, palette, rng } = s;
  let out = `<rect x="0" y="${r1(h * 0.74)}" width="${w}" height="${r1(h * 0.26)}" fill="${palette.deep}"/>`;
  for (let row = 0; row < 2 + s.richness; row++) {
    const count = 7 + row * 3;
    const colour = row % 2 ? palette.accent2 : palette.deep;
    for (let i = 0; i < count; i++) {
      const cx = (w * (i + rng())) / count;
      const th = h * (0.16 + rng() * 0.14) * (1 - row * 0.15);
      const tw = th * 0.42;
      const base = h * (0.74 + row * 0.045);
      out += `<path d="M${r1(cx)} ${r1(base - th)} L${r1(cx + tw / 2)} ${r1(base)} L${r1(cx - tw / 2)} ${r1(base)} Z" fill="${colour}" fill-opacity="${0.75 + row * 0.08}"/>`;
    }
  }
  return out;
}

function stars(s: SceneInput): string {
  const { width: w, height: h, palette, rng } = s;
  let out = '';
  for (let i = 0; i < 40 + s.richness * 40; i++) {
    out += `<circle cx="${r1(rng() * w)}" cy="${r1(rng() * h * 0.7)}" r="${r1(0.6 + rng() * Math.min(w, h) * 0.003)}" fill="#ffffff" fill-opacity="${r1(0.4 + rng() * 0.6)}"/>`;
  }
  const mx = w * (0.6 + rng() * 0.25);
  const my = h * (0.18 + rng() * 0.1);
  const mr = Math.min(w, h) * 0.08;
  out += `<circle cx="${r1(mx)}" cy="${r1(my)}" r="${r1(mr)}" fill="${palette.accent}"/>`;
  out += `<circle cx="${r1(mx + mr * 0.35)}" cy="${r1(my - mr * 0.2)}" r="${r1(mr * 0.9)}" fill="${palette.skyTop}"/>`;
  return out + ridge(s, h * 0.8, h * 0.08, palette.deep, 1);
}

function grid(s: SceneInput): string {
  const { width: w, height: h, palette, rng } = s;
  const cells = 6 + s.richness * 2;
  let out = '';
  for (let i = 1; i < cells; i++) {
    out += `<line x1="${r1((w * i) / cells)}" y1="0" x2="${r1((w * i) / cells)}" y2="${h}" stroke="${palette.ink}" stroke-opacity="0.08" stroke-width="1"/>`;
    out += `<line x1="0" y1="${r1((h * i) / cells)}" x2="${w}" y2="${r1((h * i) / cells)}" stroke="${palette.ink}" stroke-opacity="0.08" stroke-width="1"/>`;
  }
  const blocks = 3 + s.richness * 2;
  for (let i = 0; i < blocks; i++) {
    const bw = (w / cells) * (1 + Math.floor(rng() * 3));
    const bh = (h / cells) * (1 + Math.floor(rng() * 2));
    const x = (w / cells) * Math.floor(rng() * (cells - 1));
    const y = (h / cells) * Math.floor(rng() * (cells * 0.55));
    const colour = i % 2 ? palette.accent : palette.accent2;
    out += rng() < 0.5
      ? `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(bw)}" height="${r1(bh)}" fill="${colour}" fill-opacity="0.8"/>`
      : `<circle cx="${r1(x + bw / 2)}" cy="${r1(y + bh / 2)}" r="${r1(Math.min(bw, bh) / 2)}" fill="${colour}" fill-opacity="0.85"/>`;
  }
  return out + `<rect x="0" y="${r1(h * 0.72)}" width="${w}" height="${r1(h * 0.28)}" fill="${palette.deep}" fill-opacity="0.7"/>`;
}

function circles(s: SceneInput): string {
  const { width: w, height: h, palette, rng } = s;
  const colours = [palette.accent, palette.accent2, palette.skyTop, palette.deep];
  let out = '';
  for (let i = 0; i < 7 + s.richness * 5; i++) {
    const rad = Math.min(w, h) * (0.05 + rng() * 0.22);
    out += `<circle cx="${r1(rng() * w)}" cy="${r1(rng() * h * 0.8)}" r="${r1(rad)}" fill="${colours[i % colours.length]}" fill-opacity="${r1(0.35 + rng() * 0.5)}"/>`;
  }
  return out + `<rect x="0" y="${r1(h * 0.74)}" width="${w}" height="${r1(h * 0.26)}" fill="${palette.deep}" fill-opacity="0.6"/>`;
}

/** Soft out-of-focus dots: a cheap way to make premium images feel richer. */
function bokeh(s: SceneInput): string {
  const { width: w, height: h, palette, rng } = s;
  let out = '';
  for (let i = 0; i < 10 * s.richness; i++) {
    out += `<circle cx="${r1(rng() * w)}" cy="${r1(rng() * h * 0.65)}" r="${r1(Math.min(w, h) * (0.01 + rng() * 0.03))}" fill="${palette.accent}" fill-opacity="${r1(0.12 + rng() * 0.2)}"/>`;
  }
  return out;
}

export function sceneLayers(kind: Composition, s: SceneInput): string {
  const has = (...ws: string[]) => ws.some((w) => s.words.includes(w));
  switch (kind) {
    case 'sunset':
      return sun(s, true) + mountains(s);
    case 'ocean':
      return (has('night', 'moon') ? stars(s) : sun(s, has('sunset', 'sunrise', 'summer', 'beach'))) + waves(s);
    case 'city':
      return (has('night', 'neon', 'cyberpunk') ? stars(s) : sun(s, false)) + skyline(s);
    case 'forest':
      return sun(s, has('sunset', 'sunrise', 'golden')) + mountains({ ...s, richness: 0 }) + trees(s);
    case 'space':
      return stars(s);
    case 'poster':
      return grid(s);
    case 'abstract':
      return circles(s);
  }
}

export function buildSvg(kind: Composition, s: SceneInput, textSvg: string): string {
  const { width: w, height: h, palette } = s;
  const premium = s.richness > 0;
  const defs =
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${palette.skyTop}"/><stop offset="1" stop-color="${palette.skyBottom}"/></linearGradient>` +
    `<radialGradient id="glow"><stop offset="0" stop-color="${palette.accent}" stop-opacity="0.55"/><stop offset="1" stop-color="${palette.accent}" stop-opacity="0"/></radialGradient>` +
    `<radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="${0.25 + s.richness * 0.12}"/></radialGradient>`;
  const frame = s.richness >= 2
    ? `<rect x="${r1(w * 0.03)}" y="${r1(h * 0.03)}" width="${r1(w * 0.94)}" height="${r1(h * 0.94)}" fill="none" stroke="${palette.ink}" stroke-opacity="0.55" stroke-width="${r1(Math.max(2, w * 0.004))}"/>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs>${defs}</defs>` +
    `<rect width="${w}" height="${h}" fill="url(#sky)"/>` +
    (premium ? bokeh(s) : '') +
    sceneLayers(kind, s) +
    (premium ? `<rect width="${w}" height="${h}" fill="url(#vignette)"/>` : '') +
    frame +
    textSvg +
    `</svg>`
  );
}
