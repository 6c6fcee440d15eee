import { expect } from 'chai';
import sharp from 'sharp';
import { buildPalette } from '../../../src/providers/images/local-palette.js';
import { LocalImageProvider } from '../../../src/providers/images/local-provider.js';
import { escapeXml, headline } from '../../../src/providers/images/local-text.js';
import { TIER_SIZES, type Tier } from '../../../src/providers/images/types.js';
import { rejection } from './helpers.js';

async function meanColour(png: Buffer): Promise<number[]> {
  const { channels } = await sharp(png).stats();
  return channels.slice(0, 3).map((c) => c.mean);
}

describe('LocalImageProvider', () => {
  const local = new LocalImageProvider();

  for (const tier of Object.keys(TIER_SIZES) as Tier[]) {
    it(`renders a valid PNG of the ${tier} size`, async () => {
      const { width, height } = TIER_SIZES[tier];
      const out = await local.generate({ prompt: 'Sunset over the ocean, warm orange', tier, width, height });
      const meta = await sharp(out.png).metadata();
      expect(meta).to.include({ format: 'png', width, height });
      expect(out).to.include({ provider: 'local', width, height });
    });
  }

  it('honours non-square sizes', async () => {
    const out = await local.generate({ prompt: 'city skyline', tier: 'standard', width: 960, height: 540 });
    expect(await sharp(out.png).metadata()).to.include({ width: 960, height: 540 });
  });

  it('is deterministic for the same prompt and seed', async () => {
    const req = { prompt: 'A cozy forest cabin', tier: 'premium2' as const, width: 512, height: 512, seed: 's1' };
    const [a, b] = [await local.generate(req), await local.generate(req)];
    expect(a.png.equals(b.png)).to.equal(true);
  });

  it('gives different images for different prompts and seeds', async () => {
    const base = { tier: 'standard' as const, width: 256, height: 256 };
    const a = await local.generate({ ...base, prompt: 'calm blue ocean waves' });
    const b = await local.generate({ ...base, prompt: 'fiery red desert sunset' });
    const c = await local.generate({ ...base, prompt: 'calm blue ocean waves', seed: 'other' });
    expect(a.png.equals(b.png)).to.equal(false);
    expect(a.png.equals(c.png)).to.equal(false);
  });

  it('follows colour words in the prompt', async () => {
    const base = { tier: 'standard' as const, width: 256, height: 256 };
    const [r, , bl] = await meanColour((await local.generate({ ...base, prompt: 'abstract blue navy shapes' })).png);
    expect(bl).to.be.greaterThan(r!);
    const [r2, , b2] = await meanColour((await local.generate({ ...base, prompt: 'abstract red crimson shapes' })).png);
    expect(r2).to.be.greaterThan(b2!);
  });

  it('picks the composition from scene keywords', () => {
    expect(LocalImageProvider.compositionFor('sunset over the hills')).to.equal('sunset');
    expect(LocalImageProvider.compositionFor('waves on the ocean')).to.equal('ocean');
    expect(LocalImageProvider.compositionFor('neon city at night')).to.equal('city');
    expect(LocalImageProvider.compositionFor('misty forest')).to.equal('forest');
    expect(LocalImageProvider.compositionFor('course promo poster')).to.equal('poster');
    expect(LocalImageProvider.compositionFor('abstract pattern')).to.equal('abstract');
  });

  it('derives palettes from colour and mood words, falling back to a stable hash', () => {
    expect(buildPalette('teal and coral').source).to.deep.equal(['teal', 'coral']);
    expect(buildPalette('a moody night').source).to.deep.equal(['moody', 'night']);
    const hashed = buildPalette('a cat wearing a hat');
    expect(hashed.source).to.deep.equal(['hash']);
    expect(buildPalette('a cat wearing a hat')).to.deep.equal(hashed);
    expect(buildPalette('a dog wearing a hat').skyTop).not.to.equal(hashed.skyTop);
  });

  it('draws quoted text or key words as the headline, escaped for SVG', async () => {
    expect(headline('Course promo for "Python Basics" with a laptop')).to.equal('PYTHON BASICS');
    expect(headline('a beautiful image of a lighthouse at dawn')).to.equal('LIGHTHOUSE DAWN');
    expect(headline("it's a dog's life")).to.equal('DOG LIFE');
    expect(escapeXml(`<b>"Tom" & 'Jerry'</b>`)).to.equal('&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;');
    const out = await local.generate({ prompt: 'Sale <script> & "R&D </svg>" poster', tier: 'standard', width: 256, height: 256 });
    expect((await sharp(out.png).metadata()).format).to.equal('png');
  });

  it('reports progress from start to 100', async () => {
    const seen: number[] = [];
    await local.generate({ prompt: 'x', tier: 'premium4', width: 256, height: 256 }, { onProgress: (p) => seen.push(p) });
    expect(seen[0]).to.equal(5);
    expect(seen.at(-1)).to.equal(100);
    expect([...seen].sort((a, b) => a - b)).to.deep.equal(seen);
  });

  it('stops on an aborted signal and rejects bad sizes', async () => {
    const ac = new AbortController();
    ac.abort();
    const err = await rejection(local.generate({ prompt: 'x', tier: 'standard', width: 256, height: 256 }, { signal: ac.signal }));
    expect((err as Error).name).to.equal('AbortError');
    expect(await rejection(local.generate({ prompt: 'x', tier: 'standard', width: 10, height: 256 }))).to.be.instanceOf(RangeError);
  });

  it('renders a standard image quickly', async () => {
    await local.generate({ prompt: 'warm-up', tier: 'standard', width: 768, height: 768 });
    const started = performance.now();
    for (let i = 0; i < 5; i++) await local.generate({ prompt: `sunset mountains ${i}`, tier: 'standard', width: 768, height: 768 });
    // Aim is < 150 ms; the bound is loose so a busy CI machine does not flake.
    expect((performance.now() - started) / 5).to.be.below(400);
  });
});
