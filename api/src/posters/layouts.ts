import type { TextField } from './text.js';

export interface Rect { x: number; y: number; w: number; h: number }
export const LAYOUTS = ['headline-top', 'bottom-band', 'split', 'centred-card', 'price-burst', 'minimal-corner'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export const isLayout = (v: unknown): v is LayoutName => typeof v === 'string' && (LAYOUTS as readonly string[]).includes(v);

export interface BrandStyle { primary: string; secondary: string; text: string; headlineWeight: string }

/** A block of stacked fields fitted together into one rectangle. */
export interface TextRegion {
  fields: TextField[]; rect: Rect; align: 'left' | 'centre'; valign: 'top' | 'middle' | 'bottom'; color: string;
  /** Upper bound of the headline size (px) in this region; fitting shrinks from here. */
  maxSize: number;
  /** The call-to-action pill on this region (default: the brand's secondary colour). */
  pill?: string;
}
export interface LayoutPlan { safe: Rect; decorations: string; regions: TextRegion[]; qr?: Rect; logo?: Rect }

export interface Canvas {
  width: number; height: number;
  /** Pixels at the bottom the watermark badge takes (0 without a watermark). */
  bottomReserve: number;
  qr: boolean; logo: boolean;
}

const r = Math.round;
const bottom = (a: Rect) => a.y + a.h;
const right = (a: Rect) => a.x + a.w;

/** The safe area: a margin of 5% of the shorter side, and above the watermark badge. */
export function safeArea(c: Canvas): Rect {
  const m = r(Math.min(c.width, c.height) * 0.05);
  const b = Math.max(m, c.bottomReserve);
  return { x: m, y: m, w: c.width - 2 * m, h: c.height - m - b };
}

export const qrSide = (c: Canvas) => r(Math.min(300, Math.max(120, Math.min(c.width, c.height) * 0.2)));
export const logoBox = (c: Canvas) => { const h = r(Math.max(48, Math.min(c.width, c.height) * 0.1)); return { w: h * 3, h }; };

// ---- colour helpers ---------------------------------------------------------------------------------------
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
export function luminance(hex: string) {
  const [R, G, B] = rgb(hex).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
}
export const contrast = (a: string, b: string) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number]; return (x + 0.05) / (y + 0.05); };
/** Of the candidates, the colour that reads best on `bg`. */
export const readableOn = (bg: string, ...candidates: string[]) => candidates.reduce((best, c) => (contrast(c, bg) > contrast(best, bg) ? c : best));

/** A scrim behind text over the photo: dark for light text, light for dark text. */
function scrim(id: string, color: string, x1: number, y1: number, x2: number, y2: number, rect: Rect, opacity = 0.7) {
  const shade = luminance(color) > 0.4 ? '#000000' : '#ffffff';
  return `<defs><linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"><stop offset="0" stop-color="${shade}" stop-opacity="${opacity}"/>` +
    `<stop offset="0.65" stop-color="${shade}" stop-opacity="${(opacity * 0.55).toFixed(2)}"/><stop offset="1" stop-color="${shade}" stop-opacity="0"/></linearGradient></defs>` +
    `<rect x="${rect.x}" y="${rect.y}" width="${rect.w}" height="${rect.h}" fill="url(#${id})"/>`;
}

function burst(cx: number, cy: number, rad: number, fill: string) {
  const pts: string[] = [];
  for (let i = 0; i < 32; i++) {
    const a = (Math.PI * 2 * i) / 32 - Math.PI / 2;
    const d = i % 2 ? rad * 0.86 : rad;
    pts.push(`${(cx + Math.cos(a) * d).toFixed(1)},${(cy + Math.sin(a) * d).toFixed(1)}`);
  }
  return `<polygon points="${pts.join(' ')}" fill="${fill}"/>`;
}

/** Takes `block` out of `region` by cutting the region's right or bottom side (whichever keeps more room). */
function cut(region: Rect, block: Rect | undefined, gap: number): Rect {
  if (!block) return region;
  const overlaps = block.x < right(region) && right(block) > region.x && block.y < bottom(region) && bottom(block) > region.y;
  if (!overlaps) return region;
  const options: Rect[] = [];
  if (block.x - gap > region.x) options.push({ ...region, w: block.x - gap - region.x });
  if (block.y - gap > region.y) options.push({ ...region, h: block.y - gap - region.y });
  if (bottom(block) + gap < bottom(region)) options.push({ ...region, y: bottom(block) + gap, h: bottom(region) - bottom(block) - gap });
  if (right(block) + gap < right(region)) options.push({ ...region, x: right(block) + gap, w: right(region) - right(block) - gap });
  if (!options.length) return { ...region, w: 0, h: 0 };
  return options.reduce((a, b) => (b.w * b.h > a.w * a.h ? b : a));
}

/** Geometry and decorations of a layout on a canvas. Every text rectangle lies inside the safe area. */
export function planLayout(layout: LayoutName, c: Canvas, brand: BrandStyle): LayoutPlan {
  const { width: W, height: H } = c;
  const S = safeArea(c);
  const min = Math.min(W, H);
  const m = S.x;
  const gap = r(min * 0.025);
  const tall = H > W * 1.1;
  const wide = W > H * 1.4;
  const q = qrSide(c);
  const qr = c.qr ? { x: right(S) - q, y: bottom(S) - q, w: q, h: q } : undefined;
  const lb = logoBox(c);
  const logo = c.logo ? { x: S.x, y: S.y, w: lb.w, h: lb.h } : undefined;
  const maxSize = r(min * 0.13);
  let decorations = '';
  const regions: TextRegion[] = [];
  const fit = (rect: Rect) => cut(cut(rect, qr, gap), logo, gap);

  switch (layout) {
    case 'headline-top': {
      decorations = scrim('s', brand.text, 0, 0, 0, 1, { x: 0, y: 0, w: W, h: r(H * (wide ? 0.8 : 0.6)) });
      regions.push({ fields: ['headline', 'subline', 'price', 'cta'], rect: fit({ ...S, h: r(S.h * (wide ? 0.7 : 0.5)) }), align: 'centre', valign: 'top', color: brand.text, maxSize });
      break;
    }
    case 'bottom-band': {
      const bandH = r(H * (tall ? 0.44 : wide ? 0.55 : 0.5));
      const y0 = H - bandH;
      decorations = `<rect x="0" y="${y0}" width="${W}" height="${bandH}" fill="${brand.primary}" fill-opacity="0.92"/>`;
      const top = y0 + r(m * 0.6);
      regions.push({ fields: ['headline', 'subline', 'price', 'cta'], rect: fit({ x: S.x, y: top, w: S.w, h: bottom(S) - top }), align: 'centre', valign: 'middle', color: readableOn(brand.primary, brand.text, '#ffffff', '#111111'), maxSize });
      break;
    }
    case 'split': {
      const color = readableOn(brand.primary, brand.text, '#ffffff', '#111111');
      if (!tall) {
        const pw = r(W * (wide ? 0.5 : 0.52));
        decorations = `<rect x="0" y="0" width="${pw}" height="${H}" fill="${brand.primary}"/>`;
        regions.push({ fields: ['headline', 'subline', 'price', 'cta'], rect: fit({ x: S.x, y: S.y, w: pw - S.x - r(m * 0.8), h: S.h }), align: 'left', valign: 'middle', color, maxSize });
      } else {
        const y0 = r(H * 0.5);
        decorations = `<rect x="0" y="${y0}" width="${W}" height="${H - y0}" fill="${brand.primary}"/>`;
        const top = y0 + r(m * 0.8);
        regions.push({ fields: ['headline', 'subline', 'price', 'cta'], rect: fit({ x: S.x, y: top, w: S.w, h: bottom(S) - top }), align: 'left', valign: 'middle', color, maxSize });
      }
      break;
    }
    case 'centred-card': {
      const cw = r(S.w * (wide ? 0.62 : 0.86));
      const ch = r(S.h * (wide ? 0.86 : tall ? 0.5 : 0.62));
      const card = { x: r(S.x + (S.w - cw) / 2), y: r(S.y + (S.h - ch) / 2), w: cw, h: ch };
      const pad = r(Math.min(cw, ch) * 0.08);
      decorations = `<rect x="${card.x}" y="${card.y}" width="${cw}" height="${ch}" rx="${r(min * 0.03)}" fill="${brand.secondary}" fill-opacity="0.94"/>`;
      const inner = { x: card.x + pad, y: card.y + pad, w: cw - 2 * pad, h: ch - 2 * pad };
      regions.push({ fields: ['headline', 'subline', 'price', 'cta'], rect: fit(inner), align: 'centre', valign: 'middle', color: readableOn(brand.secondary, brand.text, brand.primary, '#111111'), maxSize, pill: brand.primary });
      break;
    }
    case 'price-burst': {
      let cx: number, cy: number, rad: number, head: Rect, foot: Rect | undefined;
      if (wide) {
        rad = r(Math.min(S.w * 0.17, S.h * 0.46));
        cx = right(S) - rad; cy = r(S.y + S.h / 2);
        if (qr) cy = r(S.y + Math.min(S.h / 2, rad)); // keep the burst above the QR in the corner
        head = { x: S.x, y: S.y, w: cx - rad - gap - S.x, h: S.h };
        decorations = scrim('s', brand.text, 0, 0, 1, 0, { x: 0, y: 0, w: r(W * 0.75), h: H });
      } else {
        head = { ...S, h: r(S.h * 0.36) };
        rad = r(Math.min(S.w * 0.26, S.h * (tall ? 0.17 : 0.2)));
        cx = r(S.x + S.w / 2); cy = r(S.y + S.h * 0.36 + gap + rad);
        const fy = cy + rad + gap;
        foot = { x: S.x, y: fy, w: S.w, h: bottom(S) - fy };
        decorations = scrim('s', brand.text, 0, 0, 0, 1, { x: 0, y: 0, w: W, h: r(H * 0.5) }) +
          scrim('b', brand.text, 0, 1, 0, 0, { x: 0, y: r(H * 0.6), w: W, h: H - r(H * 0.6) });
      }
      decorations += burst(cx, cy, rad, brand.secondary);
      const side = r(rad * 1.15);
      regions.push({ fields: wide ? ['headline', 'subline', 'cta'] : ['headline', 'subline'], rect: fit(head), align: wide ? 'left' : 'centre', valign: wide ? 'middle' : 'top', color: brand.text, maxSize });
      regions.push({ fields: ['price'], rect: { x: r(cx - side / 2), y: r(cy - side / 2), w: side, h: side }, align: 'centre', valign: 'middle', color: readableOn(brand.secondary, brand.primary, brand.text, '#111111'), maxSize: r(side * 0.5) });
      if (foot) regions.push({ fields: ['cta'], rect: fit(foot), align: 'centre', valign: 'middle', color: brand.text, maxSize });
      break;
    }
    case 'minimal-corner': {
      decorations = scrim('s', brand.text, 0, 0, 1, 1, { x: 0, y: 0, w: W, h: H }, 0.75);
      regions.push({ fields: ['headline', 'subline', 'price', 'cta'], rect: fit({ x: S.x, y: S.y, w: r(S.w * (wide ? 0.5 : 0.72)), h: r(S.h * (wide ? 0.8 : 0.42)) }), align: 'left', valign: 'top', color: brand.text, maxSize: r(min * 0.09) });
      break;
    }
  }
  return { safe: S, decorations, regions, qr, logo };
}
