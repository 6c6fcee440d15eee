/**
 * Contact sheet of every poster layout in every format (npx tsx scripts/poster-sheet.ts [out.png] [--mode=long|mixed|hindi]).
 * Rendered with the production renderer (bundled fonts, QR, free-tier watermark) over a synthetic photo-like
 * background; also prints the render time of each poster (docs/posters.md quotes it).
 */
import fs from 'node:fs';
import sharp from 'sharp';
import { composePoster } from '../api/src/posters/render.js';
import { LAYOUTS } from '../api/src/posters/layouts.js';
import { FORMAT_NAMES } from '../api/src/posters/formats.js';
import { brandStyle, BUILTIN_BRAND } from '../api/src/posters/brand.js';
import type { PosterText } from '../api/src/posters/text.js';

const out = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? 'poster-sheet.png';
const mode = process.argv.find((a) => a.startsWith('--mode='))?.slice(7) ?? 'mixed';
const TEXTS: Record<string, PosterText> = {
  mixed: { headline: '50% off SEO मास्टरक्लास — सिर्फ़ आज', subline: 'Live हर Sunday, recordings included', cta: 'Join अभी', price: '₹499' },
  long: {
    headline: 'The complete SEO masterclass for affiliates: rank, convert and earn more',
    subline: 'Twelve live sessions with recordings, templates, weekly reviews of your own pages and a private community for questions',
    cta: 'Join the masterclass today', price: '₹4,999 only',
  },
  hindi: { headline: 'एसईओ मास्टरक्लास में आज ही जुड़ें', subline: 'हर रविवार लाइव सत्र, रिकॉर्डिंग के साथ', cta: 'अभी जुड़ें', price: '₹499' },
  short: { headline: 'Sale', price: '₹99' },
};

const bgSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1200"><defs>
<linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f6d365"/><stop offset="0.5" stop-color="#fda085"/><stop offset="1" stop-color="#3a6ea5"/></linearGradient></defs>
<rect width="1200" height="1200" fill="url(#g)"/><circle cx="850" cy="420" r="230" fill="#ffffff" fill-opacity="0.35"/>
<rect x="150" y="700" width="520" height="330" rx="30" fill="#22313f" fill-opacity="0.55"/><circle cx="300" cy="300" r="120" fill="#2e8b57" fill-opacity="0.6"/></svg>`;

const CELL = 320, PAD = 16, LABEL = 26;
const background = await sharp(Buffer.from(bgSvg)).png().toBuffer();
const tiles: sharp.OverlayOptions[] = [];
const times: number[] = [];
for (const [row, layout] of LAYOUTS.entries()) {
  for (const [col, format] of FORMAT_NAMES.entries()) {
    const t0 = performance.now();
    const r = await composePoster({
      background, format, layout, text: TEXTS[mode]!, brand: brandStyle(BUILTIN_BRAND),
      qrUrl: 'https://partner.example/join?ref=ABCD2345', watermarkText: 'Made with Community AI Studio',
    });
    times.push(performance.now() - t0);
    const thumb = await sharp(r.png).resize(CELL, CELL, { fit: 'inside' }).png().toBuffer({ resolveWithObject: true });
    const x = PAD + col * (CELL + PAD), y = PAD + LABEL + row * (CELL + PAD + LABEL);
    tiles.push({ input: thumb.data, left: x + Math.floor((CELL - thumb.info.width) / 2), top: y + Math.floor((CELL - thumb.info.height) / 2) });
    tiles.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${CELL}" height="${LABEL}"><text x="2" y="18" font-family="DejaVu Sans" font-size="15" fill="#222">${layout} · ${format} (${r.width}×${r.height})</text></svg>`), left: x, top: y - LABEL });
  }
}
const W = PAD + FORMAT_NAMES.length * (CELL + PAD), H = PAD + LAYOUTS.length * (CELL + PAD + LABEL);
const sheet = await sharp({ create: { width: W, height: H, channels: 3, background: '#eeeeee' } }).composite(tiles).png().toBuffer();
fs.writeFileSync(out, sheet);
times.sort((a, b) => a - b);
console.log(`${out}: ${times.length} posters (${mode}); render ms median ${times[Math.floor(times.length / 2)]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}`);
