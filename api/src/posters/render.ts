import QRCode from 'qrcode';
import sharp from 'sharp';
import { AppError } from '../errors.js';
import { applyWatermark } from '../images/watermark.js';
import { escapeXml } from '../providers/images/local-text.js';
import { ensureFonts, FAMILY } from './fonts.js';
import { POSTER_FORMATS, type PosterFormat } from './formats.js';
import { planLayout, type BrandStyle, type LayoutName, type Rect, type TextRegion } from './layouts.js';
import type { PosterText, TextField } from './text.js';

export interface ComposeInput {
  background: Buffer; format: PosterFormat; layout: LayoutName; text: PosterText; brand: BrandStyle;
  /** PNG of the brand kit's logo (already sanitised). */
  logo?: Buffer;
  /** The link the QR code encodes (the user's referral link). */
  qrUrl?: string;
  /** Free-tier rule: the watermark text, or null for none. */
  watermarkText?: string | null;
  /** Tests: draw only the text (and CTA pills) on a transparent canvas, for pixel analysis. */
  textOnly?: boolean;
}
export interface PlacedBox { field: TextField; rect: Rect; size: number }
export interface ComposeResult { png: Buffer; width: number; height: number; safe: Rect; boxes: PlacedBox[]; qr?: Rect; logo?: Rect; regions: Rect[] }

/** Relative sizes of the fields to the headline. */
const RATIO: Record<TextField, number> = { headline: 1, subline: 0.5, price: 0.78, cta: 0.42 };
const MIN_PX = 12;

interface Set { buf: Buffer; w: number; h: number }

/** Sets one text with Pango (exact measured box: the PNG is the text's size). */
async function setText(text: string, px: number, weight: string, color: string, maxWidth: number, align: 'left' | 'centre'): Promise<Set> {
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${color}">${escapeXml(text)}</span>`, font: `${FAMILY}${weight ? ` ${weight}` : ''} ${px}`, dpi: 72, rgba: true,
      width: Math.max(1, Math.floor(maxWidth)), wrap: 'word', align: align === 'centre' ? 'centre' : 'left',
    },
  }).png().toBuffer({ resolveWithObject: true });
  return { buf: data, w: info.width, h: info.height };
}

interface Piece { field: TextField; w: number; h: number; size: number; draw: () => Promise<sharp.OverlayOptions[]> | sharp.OverlayOptions[]; at?: { x: number; y: number } }

/** Words are never broken: the longest word must fit on a line of its own. */
async function longestWordFits(text: string, px: number, weight: string, maxWidth: number) {
  const longest = text.split(' ').reduce((a, b) => ([...b].length > [...a].length ? b : a), '');
  if ([...longest].length < 6) return true;
  const { info } = await sharp({ text: { text: escapeXml(longest), font: `${FAMILY}${weight ? ` ${weight}` : ''} ${px}`, dpi: 72 } }).png().toBuffer({ resolveWithObject: true });
  return info.width <= maxWidth;
}

async function piece(field: TextField, text: string, px: number, region: TextRegion, brand: BrandStyle): Promise<Piece | 'too-wide'> {
  const maxW = region.rect.w;
  const weight = field === 'subline' ? '' : field === 'cta' ? 'Bold' : brand.headlineWeight;
  if (!(await longestWordFits(text, px, weight, field === 'cta' ? maxW - 2 * Math.round(px * 0.9) : maxW))) return 'too-wide';
  if (field !== 'cta') {
    const t = await setText(text, px, weight, region.color, maxW, region.align);
    if (t.w > maxW) return 'too-wide';
    return { field, w: t.w, h: t.h, size: px, draw: () => [{ input: t.buf }] };
  }
  // The call to action is a pill: the brand's secondary colour with the primary colour's text.
  const padX = Math.round(px * 0.9), padY = Math.round(px * 0.4);
  const fill = region.pill ?? brand.secondary;
  const ink = contrastInk(fill, fill === brand.primary ? brand.secondary : brand.primary);
  const t = await setText(text, px, 'Bold', ink, maxW - 2 * padX, 'centre');
  const w = t.w + 2 * padX, h = t.h + 2 * padY;
  if (w > maxW) return 'too-wide';
  const pill = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" rx="${Math.round(h / 2)}" fill="${fill}"/></svg>`);
  return { field, w, h, size: px, draw: () => [{ input: pill }, { input: t.buf, left: padX, top: padY }] };
}

function contrastInk(bg: string, preferred: string) {
  const lum = (hex: string) => { const v = parseInt(hex.slice(1), 16); return ((v >> 16) * 299 + ((v >> 8) & 255) * 587 + (v & 255) * 114) / 255000; };
  return Math.abs(lum(bg) - lum(preferred)) > 0.35 ? preferred : lum(bg) > 0.5 ? '#111111' : '#ffffff';
}

/** Stacks the region's fields at headline size `s`; null when they do not fit. */
async function stackAt(s: number, fields: TextField[], text: PosterText, region: TextRegion, brand: BrandStyle): Promise<Piece[] | { blame: TextField } | null> {
  const pieces: Piece[] = [];
  let total = 0;
  for (const f of fields) {
    const px = Math.max(MIN_PX, Math.round(s * RATIO[f]));
    const p = await piece(f, text[f]!, px, region, brand);
    if (p === 'too-wide') return { blame: f };
    total += (pieces.length ? gapFor(s) : 0) + p.h;
    pieces.push(p);
    if (total > region.rect.h) return { blame: f };
  }
  return pieces;
}
const gapFor = (s: number) => Math.round(s * 0.28);

/** The largest headline size at which the region's fields fit (binary search), or 422 naming the field that cannot. */
async function fitRegion(region: TextRegion, text: PosterText, brand: BrandStyle, layout: LayoutName, format: PosterFormat, minHeadline: number): Promise<Piece[]> {
  const fields = region.fields.filter((f) => text[f]);
  if (!fields.length) return [];
  // A headline never shrinks below 4.5% of the shorter side (a poster's headline must read at a glance).
  const lo0 = Math.max(Math.ceil(MIN_PX / Math.min(...fields.map((f) => RATIO[f]))), fields.includes('headline') ? minHeadline : 0);
  const notFit = (f: TextField) => new AppError('text_does_not_fit', `text.${f} does not fit the ${layout} layout in the ${format} format; shorten it.`,
    { field: `text.${f}`, errors: [{ field: `text.${f}`, message: 'does not fit the layout; shorten it' }] });
  if (region.rect.w < 1 || region.rect.h < 1) throw notFit(fields[0]!);
  const first = await stackAt(lo0, fields, text, region, brand);
  if (!Array.isArray(first)) throw notFit(first?.blame ?? fields[0]!);
  let lo = lo0, hi = Math.max(lo0, region.maxSize), best = first;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const got = await stackAt(mid, fields, text, region, brand);
    if (Array.isArray(got)) { lo = mid; best = got; } else hi = mid - 1;
  }
  // Place: vertical alignment of the stack, horizontal alignment of each piece.
  const gap = gapFor(lo);
  const total = best.reduce((a, p) => a + p.h, 0) + gap * (best.length - 1);
  let y = region.rect.y + (region.valign === 'top' ? 0 : region.valign === 'middle' ? Math.floor((region.rect.h - total) / 2) : region.rect.h - total);
  for (const p of best) {
    const x = region.rect.x + (region.align === 'centre' ? Math.floor((region.rect.w - p.w) / 2) : 0);
    p.at = { x, y };
    y += p.h + gap;
  }
  return best;
}

/**
 * Renders a poster: the background cropped to the format (cover, never stretched), the layout's shapes, the
 * typeset text fitted into its regions, the logo, the QR code and the free-tier watermark.
 */
export async function composePoster(input: ComposeInput): Promise<ComposeResult> {
  await ensureFonts();
  const { width: W, height: H } = POSTER_FORMATS[input.format];
  const wm = input.watermarkText ? watermarkReserve(W) : 0;
  const plan = planLayout(input.layout, { width: W, height: H, bottomReserve: wm, qr: !!input.qrUrl, logo: !!input.logo }, input.brand);
  const placed: Piece[] = [];
  for (const region of plan.regions) placed.push(...(await fitRegion(region, input.text, input.brand, input.layout, input.format, Math.round(Math.min(W, H) * 0.045))));

  const layers: sharp.OverlayOptions[] = [];
  if (!input.textOnly) layers.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${plan.decorations}</svg>`), left: 0, top: 0 });
  for (const p of placed) {
    for (const l of await p.draw()) layers.push({ ...l, left: p.at!.x + (l.left ?? 0), top: p.at!.y + (l.top ?? 0) });
  }
  let logo: Rect | undefined;
  if (input.logo && plan.logo && !input.textOnly) {
    const { data, info } = await sharp(input.logo).resize(plan.logo.w, plan.logo.h, { fit: 'inside' }).png().toBuffer({ resolveWithObject: true });
    logo = { x: plan.logo.x, y: plan.logo.y, w: info.width, h: info.height };
    layers.push({ input: data, left: logo.x, top: logo.y });
  }
  if (input.qrUrl && plan.qr && !input.textOnly) {
    const qr = await QRCode.toBuffer(input.qrUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: plan.qr.w, color: { dark: '#000000ff', light: '#ffffffff' } });
    const sized = await sharp(qr).resize(plan.qr.w, plan.qr.h, { kernel: 'nearest' }).png().toBuffer();
    layers.push({ input: sized, left: plan.qr.x, top: plan.qr.y });
  }
  const base = input.textOnly
    ? sharp({ create: { width: W, height: H, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    : sharp(input.background).resize(W, H, { fit: 'cover', position: 'attention' });
  let png = await sharp(await base.png().toBuffer()).composite(layers).png().toBuffer();
  if (input.watermarkText && !input.textOnly) png = await applyWatermark(png, { text: input.watermarkText });
  return {
    png, width: W, height: H, safe: plan.safe, qr: input.qrUrl ? plan.qr : undefined, logo, regions: plan.regions.map((r) => r.rect),
    boxes: placed.map((p) => ({ field: p.field, rect: { x: p.at!.x, y: p.at!.y, w: p.w, h: p.h }, size: p.size })),
  };
}

/** Height the watermark badge of images/watermark.ts takes at the bottom (its font size, padding and margin). */
export function watermarkReserve(width: number) {
  const fontSize = Math.max(10, Math.round(width * 0.026));
  const badge = fontSize + 2 * Math.round(fontSize * 0.45);
  const margin = Math.round(Math.max(4, width * 0.02));
  return badge + margin + Math.round(margin / 2);
}
