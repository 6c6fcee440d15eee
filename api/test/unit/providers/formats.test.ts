import { expect } from 'chai';
import sharp from 'sharp';
import { openAISize } from '../../../src/providers/images/openai-provider.js';
import { STABILITY_FORMAT_RATIO } from '../../../src/providers/images/stability-provider.js';
import { FallbackImageProvider, LocalImageProvider, ProviderError, type ImageProvider } from '../../../src/providers/images/index.js';
import { normaliseToPng } from '../../../src/providers/images/normalise.js';
import { FORMATS, fallbackImageCost, hasExactRatio, parseCount, parseFormat } from '../../../src/studio/formats.js';
import { validateStudioConfig } from '../../../src/admin/config-validate-studio.js';
import { DEFAULT_CONFIG, mergeConfig, type TenantConfig } from '../../../src/tenants/tenant-config.js';

/** The format rules without a database: parsing, exact ratios, provider mapping, crop, fallback price and switch. */
describe('studio formats (unit)', () => {
  it('every default size of every tier has exactly its format\'s ratio, and validation agrees', () => {
    for (const sizes of Object.values(DEFAULT_CONFIG.studio.formatSizes)) {
      for (const f of FORMATS) expect(hasExactRatio(f.name, sizes[f.name].width, sizes[f.name].height), f.name).to.equal(true);
    }
    const errors: string[] = [];
    validateStudioConfig(DEFAULT_CONFIG, (p, m) => errors.push(`${p}: ${m}`));
    expect(errors).to.deep.equal([]);
  });

  it('validation refuses a size off its ratio, out of range, a bad percentage and a non-boolean switch', () => {
    const c = mergeConfig<TenantConfig>(DEFAULT_CONFIG, {
      studio: { formatSizes: { premium2: { banner: { width: 1700, height: 576 }, story: { width: 32, height: 1344 } } }, fallbackPricePercent: { local: 120, 'Bad Name': 5 }, fallback: 'no' },
    });
    const errors: string[] = [];
    validateStudioConfig(c, (p) => errors.push(p));
    expect(errors).to.have.members(['studio.formatSizes.premium2.banner', 'studio.formatSizes.premium2.story.width',
      'studio.fallbackPricePercent.local', 'studio.fallbackPricePercent.Bad Name', 'studio.fallback']);
  });

  it('parses format and count strictly', () => {
    expect(parseFormat(undefined)).to.equal('square');
    expect(parseFormat(undefined, 'story')).to.equal('story');
    expect(parseFormat('banner', 'story')).to.equal('banner');
    for (const bad of ['tall', '', 'Square', 3, {}]) expect(() => parseFormat(bad)).to.throw(/format/);
    expect(parseCount(undefined)).to.equal(1);
    for (const n of [1, 2, 3, 4]) expect(parseCount(n)).to.equal(n);
    for (const bad of [0, 5, -1, 2.5, '2', NaN]) expect(() => parseCount(bad)).to.throw(/count/);
  });

  it('maps formats to the documented OpenAI sizes and Stability aspect ratios', () => {
    const sizes = FORMATS.map((f) => openAISize('gpt-image-1', 1024, 1024, f.name));
    expect(sizes).to.deep.equal(['1024x1024', '1024x1536', '1024x1536', '1536x1024', '1536x1024']);
    expect(FORMATS.map((f) => openAISize('dall-e-3', 1024, 1024, f.name))).to.deep.equal(['1024x1024', '1024x1792', '1024x1792', '1792x1024', '1792x1024']);
    expect(openAISize('gpt-image-2', 896, 1120, 'portrait')).to.equal('896x1120');
    expect(FORMATS.map((f) => STABILITY_FORMAT_RATIO[f.name])).to.deep.equal(['1:1', '4:5', '9:16', '16:9', '21:9']);
  });

  it('center-crops a vendor image to the exact size without stretching', async () => {
    // Left third red, middle third green, right third blue: a 3:1 crop of a 3:2 image keeps the middle band's colours.
    const w = 300, h = 200;
    const raw = Buffer.alloc(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set(x < 100 ? [255, 0, 0] : x < 200 ? [0, 255, 0] : [0, 0, 255], (y * w + x) * 3);
    const src = await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
    const out = await normaliseToPng('test', src, 150, 150);
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).to.deep.equal([150, 150]);
    // A square crop of the middle: scaled to 225x150, the middle 150 columns; its centre pixel is green.
    const mid = (75 * 150 + 75) * info.channels;
    expect([data[mid], data[mid + 1], data[mid + 2]]).to.deep.equal([0, 255, 0]);
  });

  it('the fallback marks its draws, and `fallback: false` passes the outage through', async () => {
    const down: ImageProvider = { name: 'openai', async generate() { throw new ProviderError('provider_unavailable', '503', true, 503); } };
    let localCalls = 0;
    const local: ImageProvider = { name: 'local', generate: (r, o) => { localCalls++; return new LocalImageProvider().generate(r, o); } };
    const p = new FallbackImageProvider(down, local);
    const req = { prompt: 'x', tier: 'standard' as const, width: 128, height: 72, format: 'landscape' as const };
    const r = await p.generate(req);
    expect(r).to.include({ provider: 'local', fallbackFrom: 'openai', width: 128, height: 72 });
    const err = await p.generate(req, { fallback: false }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(ProviderError);
    expect(localCalls).to.equal(1);
  });

  it('prices a fallback draw at the partner\'s percentage, rounded down, never above the paid price', () => {
    const c = mergeConfig<TenantConfig>(DEFAULT_CONFIG, { studio: { fallbackPricePercent: { local: 25, cheap: 33 } } });
    expect(fallbackImageCost(c, 2000, 'local')).to.equal(500);
    expect(fallbackImageCost(c, 1000, 'cheap')).to.equal(330);
    expect(fallbackImageCost(c, 1001, 'cheap')).to.equal(330);
    expect(fallbackImageCost(c, 2000, 'stability')).to.equal(2000);
  });
});
