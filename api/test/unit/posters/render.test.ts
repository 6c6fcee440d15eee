import { expect } from 'chai';
import sharp from 'sharp';
import jsQRModule from 'jsqr';
import { composePoster, watermarkReserve } from '../../../src/posters/render.js';
import { LAYOUTS, type Rect } from '../../../src/posters/layouts.js';
import { FORMAT_NAMES, POSTER_FORMATS } from '../../../src/posters/formats.js';
import { brandStyle, BUILTIN_BRAND } from '../../../src/posters/brand.js';
import { AppError } from '../../../src/errors.js';
import type { PosterText } from '../../../src/posters/text.js';

/**
 * Every layout in every format with long, short, Hindi and mixed texts. The text is drawn alone on a transparent
 * canvas (textOnly) and the ink is found by pixel analysis: every inked pixel must lie inside the safe area, inside the
 * boxes the renderer reports, and clear of the QR code.
 */
const TEXTS: Record<string, PosterText> = {
  short: { headline: 'Sale', price: '₹99' },
  long: {
    headline: 'The complete SEO masterclass for affiliates: rank, convert and earn more',
    subline: 'Twelve live sessions with recordings, templates, weekly reviews of your own pages and a private community for questions',
    cta: 'Join the masterclass today', price: '₹4,999 only',
  },
  hindi: { headline: 'एसईओ मास्टरक्लास में आज ही जुड़ें', subline: 'हर रविवार लाइव सत्र, रिकॉर्डिंग के साथ', cta: 'अभी जुड़ें', price: '₹499' },
  mixed: { headline: '50% off SEO मास्टरक्लास — सिर्फ़ आज', subline: 'Live हर Sunday, recordings included', cta: 'Join अभी', price: '₹499' },
};
const brand = brandStyle(BUILTIN_BRAND);
// jsqr is CommonJS with a default export; under tsx the callable is either the module or its default.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
const URL_ = 'https://partner.example/join?ref=ABCD2345';
let bg: Buffer;

function inside(a: Rect, b: Rect, slack = 0) {
  return a.x >= b.x - slack && a.y >= b.y - slack && a.x + a.w <= b.x + b.w + slack && a.y + a.h <= b.y + b.h + slack;
}
const intersects = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Bounding box of the pixels with alpha > 0 in a region (the whole canvas by default). */
async function inkBox(png: Buffer): Promise<{ box: Rect | null; alpha: Uint8Array; width: number }> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  const alpha = new Uint8Array(info.width * info.height);
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const a = data[(y * info.width + x) * 4 + 3]!;
      alpha[y * info.width + x] = a;
      if (a > 0) { if (x < x0) x0 = x; if (y < y0) y0 = y; if (x > x1) x1 = x; if (y > y1) y1 = y; }
    }
  }
  return { box: x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 }, alpha, width: info.width };
}

describe('poster layouts: every layout × format × text stays inside the safe area (pixel analysis)', function () {
  this.timeout(300_000);
  before(async () => { bg = await sharp({ create: { width: 800, height: 800, channels: 3, background: '#3a6ea5' } }).png().toBuffer(); });

  for (const layout of LAYOUTS) {
    for (const format of FORMAT_NAMES) {
      it(`${layout} in ${format}`, async () => {
        for (const [name, text] of Object.entries(TEXTS)) {
          const qr = name !== 'short';
          const wm = name === 'long' || name === 'mixed' ? 'Made with Community AI Studio' : null;
          const r = await composePoster({ background: bg, format, layout, text, brand, qrUrl: qr ? URL_ : undefined, watermarkText: wm, textOnly: true });
          const { width: W, height: H } = POSTER_FORMATS[format];
          expect([r.width, r.height]).to.deep.equal([W, H]);
          // The safe area keeps a 5% margin and stays above the watermark badge.
          const m = Math.round(Math.min(W, H) * 0.05);
          expect(r.safe.x).to.equal(m);
          expect(r.safe.y + r.safe.h).to.be.at.most(H - (wm ? watermarkReserve(W) : m));
          const fields = Object.keys(text);
          expect(r.boxes.map((b) => b.field).sort(), `${name}: every field is set`).to.deep.equal(fields.sort());
          const ink = await inkBox(r.png);
          expect(ink.box, `${name}: text was drawn`).to.not.equal(null);
          expect(inside(ink.box!, r.safe), `${name}: ink ${JSON.stringify(ink.box)} outside safe ${JSON.stringify(r.safe)}`).to.equal(true);
          for (const b of r.boxes) {
            expect(inside(b.rect, r.safe), `${name}/${b.field} box outside the safe area`).to.equal(true);
            if (r.qr) expect(intersects(b.rect, r.qr), `${name}/${b.field} overlaps the QR code`).to.equal(false);
            for (const o of r.boxes) if (o !== b) expect(intersects(b.rect, o.rect), `${name}: ${b.field} overlaps ${o.field}`).to.equal(false);
          }
          // Every inked pixel belongs to a reported box (nothing drawn outside the boxes the fitting measured).
          for (let y = 0; y < H; y += 2) {
            for (let x = 0; x < W; x += 2) {
              if (!ink.alpha[y * W + x]) continue;
              const hit = r.boxes.some((b) => x >= b.rect.x && x < b.rect.x + b.rect.w && y >= b.rect.y && y < b.rect.y + b.rect.h);
              if (!hit) expect.fail(`${name}: ink at ${x},${y} outside every text box`);
            }
          }
        }
      });
    }
  }

  it('a headline that cannot fit answers text_does_not_fit naming the field', async () => {
    const word = 'Supercalifragilisticexpialidocious'.repeat(3).slice(0, 80);
    try {
      await composePoster({ background: bg, format: 'banner', layout: 'minimal-corner', text: { headline: word }, brand, textOnly: true });
      expect.fail('should not fit');
    } catch (e) {
      expect(e).to.be.instanceOf(AppError);
      expect((e as AppError).code).to.equal('text_does_not_fit');
      expect((e as AppError).extra.field).to.equal('text.headline');
    }
  });

  it('the QR code decodes to the referral link in every format', async () => {
    for (const format of FORMAT_NAMES) {
      const r = await composePoster({ background: bg, format, layout: 'bottom-band', text: TEXTS.mixed!, brand, qrUrl: URL_, watermarkText: 'Made with Community AI Studio' });
      const { data, info } = await sharp(r.png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
      expect(code?.data, format).to.equal(URL_);
    }
  });
});

describe('poster fonts are shipped', () => {
  it('the runtime image copies api/assets (the bundled fonts and their licence)', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { FONT_DIR, FONT_FILES } = await import('../../../src/posters/fonts.js');
    for (const f of [...FONT_FILES, 'OFL.txt']) expect(fs.existsSync(path.join(FONT_DIR, f)), f).to.equal(true);
    const dockerfile = fs.readFileSync(path.resolve(FONT_DIR, '..', '..', '..', 'Dockerfile'), 'utf8');
    expect(dockerfile).to.match(/COPY --from=build \/app\/api\/assets \.\/api\/assets/);
  });
});
