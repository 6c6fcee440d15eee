import { expect } from 'chai';
import sharp from 'sharp';
import jsQRModule from 'jsqr';
import { describeEachDatabase } from '../support/each-database.js';
import { countRows, expectProblem, ledgerOf, userIdOf, WRITE_TABLES } from '../support/foundation-helpers.js';
import { waitForJob } from '../support/harness.js';
import { GeneratedImage, User } from '../../src/models/index.js';

const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
const TABLES = [...WRITE_TABLES, 'posters', 'brand_kits'];

describeEachDatabase('posters and brand kits', function (db) {
  const s = db.server;
  let img: string, bobImg: string, failedImg: string;
  const alice = () => s.token('alice');
  before(async function () {
    this.timeout(120_000);
    await s.grant('alice', 20);
    await s.grant('bob', 5);
    const gen = async (sub: string) => {
      const r = await s.call('POST', '/api/studio/generate', { token: s.token(sub), body: { prompt: 'a sunny classroom with a laptop', tier: 'standard' } });
      await waitForJob(s, s.token(sub), r.body.jobId, 60_000);
      return r.body.imageId as string;
    };
    img = await gen('alice');
    bobImg = await gen('bob');
    failedImg = await gen('alice');
    await GeneratedImage.update({ status: 'failed' }, { where: { id: failedImg } });
  });

  async function fetchPng(url: string) {
    const res = await fetch(url);
    expect(res.status).to.equal(200);
    return Buffer.from(await res.arrayBuffer());
  }

  it('composes a poster for free with the referral QR; it is a creation with its source image in My Creations', async function () {
    this.timeout(60_000);
    const ledgerBefore = (await ledgerOf('alice')).length;
    const r = await s.call('POST', '/api/studio/posters', { token: alice(), body: {
      imageId: img, layout: 'bottom-band', format: 'story', qr: 'referral',
      text: { headline: '50% off SEO मास्टरक्लास', subline: 'Live हर Sunday', cta: 'Join अभी', price: '₹499' },
    } });
    expect(r.status, JSON.stringify(r.body)).to.equal(201);
    expect(r.body.posterId).to.match(/^pst_/);
    expect(r.body.sourceImageId).to.equal(img);
    const png = await fetchPng(r.body.imageUrl);
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).to.deep.equal([1080, 1920]);
    const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    const me = await User.findOne({ where: { id: await userIdOf('alice') } });
    expect(code?.data).to.be.a('string');
    const link = new URL(code!.data);
    expect(link.searchParams.get('ref')).to.equal(me!.referralCode);
    expect((await ledgerOf('alice')).length, 'no credits move').to.equal(ledgerBefore);

    const list = await s.call('GET', '/api/studio/my-creations', { token: alice() });
    const mine = list.body.items.find((i: { imageId: string }) => i.imageId === r.body.imageId);
    expect(mine.poster).to.include({ posterId: r.body.posterId, sourceImageId: img, layout: 'bottom-band', format: 'story' });
    expect(mine.creditsSpent).to.equal(0);
    const one = await s.call('GET', `/api/studio/posters/${r.body.posterId}`, { token: alice() });
    expect(one.status).to.equal(200);
    expect(one.body.text.headline).to.equal('50% off SEO मास्टरक्लास');

    // Re-composing over the poster reuses its background (the source stays the original image).
    const again = await s.call('POST', '/api/studio/posters', { token: alice(), body: { imageId: r.body.imageId, layout: 'minimal-corner', text: { headline: 'Last day' } } });
    expect(again.status).to.equal(201);
    expect(again.body.sourceImageId).to.equal(img);
    // Publishable like any other creation.
    const cat = (await s.call('GET', '/api/studio/categories', { token: alice() })).body.items[0].id;
    const pub = await s.call('POST', '/api/community/publish', { token: alice(), body: { imageId: r.body.imageId, title: 'My poster', categoryId: cat, visibility: 'public' } });
    expect(pub.status, JSON.stringify(pub.body)).to.equal(201);
  });

  it('brand kits: create with an SVG logo (rasterised), list with the partner default, get, use in a poster, delete', async function () {
    this.timeout(60_000);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#123456"/><circle cx="20" cy="20" r="12" fill="#fc0"/></svg>';
    const c = await s.call('POST', '/api/studio/brand-kits', { token: alice(), body: {
      name: 'Acme', colors: { primary: '#123456', secondary: '#FFCC00', text: '#ffffff' }, font: 'noto-sans',
      logo: { contentType: 'image/svg+xml', data: Buffer.from(svg).toString('base64') } } });
    expect(c.status, JSON.stringify(c.body)).to.equal(201);
    expect(c.body).to.include({ name: 'Acme', hasLogo: true, font: 'noto-sans' });
    expect(c.body.colors.secondary).to.equal('#ffcc00');
    const list = await s.call('GET', '/api/studio/brand-kits', { token: alice() });
    expect(list.body.items.map((k: { id: string }) => k.id)).to.include(c.body.id);
    expect(list.body.partnerDefault.font).to.equal('noto-sans');
    expect((await s.call('GET', `/api/studio/brand-kits/${c.body.id}`, { token: s.token('bob') })).status, 'foreign kit').to.equal(404);
    const p = await s.call('POST', '/api/studio/posters', { token: alice(), body: { imageId: img, layout: 'split', format: 'landscape', brand: { brandKitId: c.body.id }, text: { headline: 'Acme sale' } } });
    expect(p.status, JSON.stringify(p.body)).to.equal(201);
    const px = await sharp(await fetchPng(p.body.imageUrl)).extract({ left: 4, top: 1075, width: 1, height: 1 }).raw().toBuffer();
    expect([...px].slice(0, 3), 'the split panel has the kit primary colour').to.deep.equal([0x12, 0x34, 0x56]);
    expect((await s.call('DELETE', `/api/studio/brand-kits/${c.body.id}`, { token: alice() })).status).to.equal(204);
    expect((await s.call('GET', `/api/studio/brand-kits/${c.body.id}`, { token: alice() })).status).to.equal(404);
  });

  it("the partner's default brand kit is validated in the configuration and used when a poster names no kit", async function () {
    this.timeout(60_000);
    const admin = s.token('boss', { role: 'admin' });
    const kit = (primary: string) => ({ posters: { defaultBrandKit: { name: 'Partner', colors: { primary, secondary: '#ffffff', text: '#ffffff' }, font: 'noto-sans' } } });
    const bad = await s.call('POST', '/api/admin/config', { token: admin, body: { config: kit('green') } });
    expectProblem(bad, 400, 'validation_error');
    expect(JSON.stringify(bad.body.errors)).to.contain('posters.defaultBrandKit.colors.primary');
    const ok = await s.call('POST', '/api/admin/config', { token: admin, body: { config: kit('#00aa00') } });
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    expect((await s.call('GET', '/api/studio/brand-kits', { token: alice() })).body.partnerDefault.colors.primary).to.equal('#00aa00');
    const p = await s.call('POST', '/api/studio/posters', { token: alice(), body: { imageId: img, layout: 'split', format: 'landscape', text: { headline: 'Partner colours' } } });
    expect(p.status).to.equal(201);
    const px = await sharp(await fetchPng(p.body.imageUrl)).extract({ left: 4, top: 1075, width: 1, height: 1 }).raw().toBuffer();
    expect([...px].slice(0, 3)).to.deep.equal([0x00, 0xaa, 0x00]);
  });

  it('free users get the watermark baked in, paying users do not', async function () {
    this.timeout(60_000);
    const body = { imageId: img, layout: 'headline-top', format: 'square', text: { headline: 'Watermark rule' } };
    const crop = async (url: string) => sharp(await fetchPng(url)).extract({ left: 1080 - 560, top: 1080 - 100, width: 530, height: 70 }).raw().toBuffer();
    const free = await s.call('POST', '/api/studio/posters', { token: alice(), body });
    const uid = await userIdOf('alice');
    await User.update({ isPaying: true }, { where: { id: uid } });
    try {
      const paid = await s.call('POST', '/api/studio/posters', { token: alice(), body });
      const [a, b] = [await crop(free.body.imageUrl), await crop(paid.body.imageUrl)];
      let diff = 0;
      for (let i = 0; i < a.length; i++) diff += Math.abs(a[i]! - b[i]!);
      expect(diff / a.length, 'the badge darkens and letters the corner').to.be.greaterThan(10);
    } finally {
      await User.update({ isPaying: false }, { where: { id: uid } });
    }
  });

  describe('bad input: clear 4xx problem+json, nothing written', () => {
    const png1 = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer();
    const kit = (logo: unknown) => ({ name: 'K', colors: { primary: '#000000', secondary: '#ffffff', text: '#ffffff' }, font: 'noto-sans', logo });
    const poster = (over: Record<string, unknown>) => ({ imageId: img, layout: 'headline-top', text: { headline: 'Hi' }, ...over });
    const cases: [string, () => Promise<{ path: string; body?: unknown; raw?: string }>, number, string][] = [
      ['unknown layout', async () => ({ path: '/api/studio/posters', body: poster({ layout: 'diagonal' }) }), 400, 'validation_error'],
      ['unknown format', async () => ({ path: '/api/studio/posters', body: poster({ format: 'a4' }) }), 400, 'validation_error'],
      ['headline over its limit', async () => ({ path: '/api/studio/posters', body: poster({ text: { headline: 'x'.repeat(81) } }) }), 400, 'validation_error'],
      ['cta over its limit', async () => ({ path: '/api/studio/posters', body: poster({ text: { headline: 'ok', cta: 'y'.repeat(31) } }) }), 400, 'validation_error'],
      ['control character', async () => ({ path: '/api/studio/posters', body: poster({ text: { headline: 'Sale\u0007 now' } }) }), 400, 'validation_error'],
      ['bidi override', async () => ({ path: '/api/studio/posters', body: poster({ text: { headline: 'Sale \u202Eyas' } }) }), 400, 'validation_error'],
      ['missing headline', async () => ({ path: '/api/studio/posters', body: poster({ text: { subline: 'x' } }) }), 400, 'validation_error'],
      ['price-burst without price', async () => ({ path: '/api/studio/posters', body: poster({ layout: 'price-burst' }) }), 400, 'validation_error'],
      ['bad qr', async () => ({ path: '/api/studio/posters', body: poster({ qr: 'yes' }) }), 400, 'validation_error'],
      ["another user's image", async () => ({ path: '/api/studio/posters', body: poster({ imageId: bobImg }) }), 404, 'not_found'],
      ["a failed job's image", async () => ({ path: '/api/studio/posters', body: poster({ imageId: failedImg }) }), 400, 'validation_error'],
      ['unknown brand kit', async () => ({ path: '/api/studio/posters', body: poster({ brand: { brandKitId: 'bk_nope' } }) }), 404, 'not_found'],
      ['text that cannot fit', async () => ({ path: '/api/studio/posters', body: poster({ format: 'banner', layout: 'minimal-corner', text: { headline: 'Supercalifragilisticexpialidocious'.repeat(3).slice(0, 80) } }) }), 422, 'text_does_not_fit'],
      ['brand kit: bad colour', async () => ({ path: '/api/studio/brand-kits', body: { ...kit(undefined), colors: { primary: 'red', secondary: '#fff', text: '#fff' } } }), 400, 'validation_error'],
      ['brand kit: unknown font', async () => ({ path: '/api/studio/brand-kits', body: { ...kit(undefined), font: 'comic-sans' } }), 400, 'validation_error'],
      ['logo not an image', async () => ({ path: '/api/studio/brand-kits', body: kit({ contentType: 'image/png', data: Buffer.from('hello, not a png').toString('base64') }) }), 400, 'validation_error'],
      ['logo PNG declared as SVG', async () => ({ path: '/api/studio/brand-kits', body: kit({ contentType: 'image/svg+xml', data: (await png1()).toString('base64') }) }), 400, 'validation_error'],
      ['SVG with a script', async () => ({ path: '/api/studio/brand-kits', body: kit({ contentType: 'image/svg+xml', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64') }) }), 400, 'validation_error'],
      ['SVG with an event handler', async () => ({ path: '/api/studio/brand-kits', body: kit({ contentType: 'image/svg+xml', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"><rect width="1" height="1"/></svg>').toString('base64') }) }), 400, 'validation_error'],
      ['SVG with an external reference', async () => ({ path: '/api/studio/brand-kits', body: kit({ contentType: 'image/svg+xml', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="http://169.254.169.254/x.png" width="9" height="9"/></svg>').toString('base64') }) }), 400, 'validation_error'],
      ['logo over 1 MB', async () => ({ path: '/api/studio/brand-kits', body: kit({ contentType: 'image/png', data: Buffer.alloc(1024 * 1024 + 10, 1).toString('base64') }) }), 413, 'payload_too_large'],
      ['20 MB upload', async () => ({ path: '/api/studio/brand-kits', raw: JSON.stringify(kit({ contentType: 'image/png', data: 'A'.repeat(20 * 1024 * 1024) })) }), 413, 'payload_too_large'],
    ];
    for (const [name, make, status, code] of cases) {
      it(name, async function () {
        this.timeout(30_000);
        const c = await make();
        const before = await countRows(TABLES);
        const res = await s.call('POST', c.path, { token: alice(), body: c.body, raw: c.raw });
        expectProblem(res, status, code);
        if (code === 'text_does_not_fit') expect(res.body.field).to.equal('text.headline');
        expect(await countRows(TABLES)).to.deep.equal(before);
      });
    }
  });
});
