import { expect } from 'chai';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { applyQrCode, applyWatermark, imageInfo, makeThumbnail } from '../../../src/images/index.js';

async function solid(width: number, height: number, colour = '#2a6f97'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
}

/** Raw RGB of a region, for pixel comparisons. */
async function region(png: Buffer, left: number, top: number, width: number, height: number): Promise<Buffer> {
  return sharp(png).extract({ left, top, width, height }).removeAlpha().raw().toBuffer();
}

function changedPixels(a: Buffer, b: Buffer): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 3) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) n++;
  return n;
}

describe('image post-processing', () => {
  describe('imageInfo', () => {
    it('reads format, size and byte length', async () => {
      const png = await solid(300, 200);
      expect(await imageInfo(png)).to.deep.equal({ format: 'png', width: 300, height: 200, bytes: png.length, hasAlpha: false });
    });

    it('rejects bytes that are not an image', async () => {
      const err = await imageInfo(Buffer.from('hello')).catch((e: Error) => e);
      expect((err as Error).message).to.match(/not a readable image/);
    });
  });

  describe('makeThumbnail', () => {
    it('makes a WebP whose longer side is maxSide, keeping the aspect ratio', async () => {
      const thumb = await makeThumbnail(await solid(1536, 1024));
      expect(await imageInfo(thumb)).to.include({ format: 'webp', width: 320, height: 213 });
      const portrait = await makeThumbnail(await solid(768, 1024), 200);
      expect(await imageInfo(portrait)).to.include({ width: 150, height: 200 });
    });

    it('never enlarges a small image and is smaller than the source', async () => {
      const src = await solid(100, 80);
      const thumb = await makeThumbnail(src);
      expect(await imageInfo(thumb)).to.include({ width: 100, height: 80 });
      const big = await sharp({ create: { width: 1024, height: 1024, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
      expect((await makeThumbnail(big)).length).to.be.lessThan(big.length / 4);
    });

    it('rejects a silly maxSide', async () => {
      const err = await makeThumbnail(await solid(64, 64), 0).catch((e) => e);
      expect(err).to.be.instanceOf(RangeError);
    });
  });

  describe('applyWatermark', () => {
    it('draws a badge in the bottom-right corner only, keeping size and PNG format', async () => {
      const src = await solid(768, 768);
      const out = await applyWatermark(src);
      expect(await imageInfo(out)).to.include({ format: 'png', width: 768, height: 768 });
      const [br0, br1] = [await region(src, 384, 690, 384, 78), await region(out, 384, 690, 384, 78)];
      expect(changedPixels(br0, br1)).to.be.greaterThan(1000);
      const [tl0, tl1] = [await region(src, 0, 0, 384, 384), await region(out, 0, 0, 384, 384)];
      expect(changedPixels(tl0, tl1)).to.equal(0);
    });

    it('is semi-transparent: the badge darkens but does not black out the image', async () => {
      const src = await solid(768, 768, '#ffffff');
      const out = await applyWatermark(src);
      const { channels } = await sharp(await region(out, 600, 730, 60, 10), { raw: { width: 60, height: 10, channels: 3 } }).stats();
      expect(channels[0]!.min).to.be.greaterThan(60);
      expect(channels[0]!.min).to.be.lessThan(255);
    });

    it('scales with the image and honours custom text and position', async () => {
      const small = await applyWatermark(await solid(256, 256), { text: 'Acme Academy', position: 'top-left' });
      expect(await imageInfo(small)).to.include({ width: 256, height: 256 });
      const src = await solid(256, 256);
      expect(changedPixels(await region(src, 0, 0, 128, 40), await region(small, 0, 0, 128, 40))).to.be.greaterThan(100);
      expect(changedPixels(await region(src, 0, 200, 256, 56), await region(small, 0, 200, 256, 56))).to.equal(0);
      // A long text on a small image still fits inside it.
      const long = await applyWatermark(await solid(200, 200), { text: 'x'.repeat(80) });
      expect(await imageInfo(long)).to.include({ width: 200, height: 200 });
    });

    it('escapes markup in the text', async () => {
      const out = await applyWatermark(await solid(400, 400), { text: '<b>Tom & "Jerry"</b>' });
      expect(await imageInfo(out)).to.include({ format: 'png' });
    });
  });

  describe('applyQrCode', () => {
    const url = 'https://partner.example/r/ABC123?utm=share';

    it('stamps the exact QR code of the link in the top-right corner', async () => {
      const src = await solid(768, 768);
      const out = await applyQrCode(src, url);
      expect(await imageInfo(out)).to.include({ format: 'png', width: 768, height: 768 });
      const size = Math.round(768 * 0.16);
      const qr = await QRCode.toBuffer(new URL(url).toString(), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: size });
      const q = await imageInfo(qr);
      const margin = Math.round(768 * 0.02);
      const stamped = await region(out, 768 - q.width - margin, margin, q.width, q.height);
      const expected = await sharp(qr).removeAlpha().raw().toBuffer();
      expect(changedPixels(stamped, expected)).to.equal(0);
      // The rest of the image is untouched.
      expect(changedPixels(await region(src, 0, 0, 384, 768), await region(out, 0, 0, 384, 768))).to.equal(0);
      expect(changedPixels(await region(src, 384, 384, 384, 384), await region(out, 384, 384, 384, 384))).to.equal(0);
    });

    it('can sit in another corner and with another size', async () => {
      const src = await solid(512, 512);
      const out = await applyQrCode(src, url, { position: 'bottom-left', size: 100 });
      expect(changedPixels(await region(src, 0, 400, 112, 112), await region(out, 0, 400, 112, 112))).to.be.greaterThan(1000);
      expect(changedPixels(await region(src, 0, 0, 512, 256), await region(out, 0, 0, 512, 256))).to.equal(0);
    });

    it('refuses links that are not http(s)', async () => {
      const src = await solid(256, 256);
      expect(await applyQrCode(src, 'javascript:alert(1)').catch((e) => e)).to.be.instanceOf(TypeError);
      expect(await applyQrCode(src, 'not a url').catch((e) => e)).to.be.instanceOf(TypeError);
    });
  });
});
