import { expect } from 'chai';
import QRCode from 'qrcode';
import { encodeQr, qrPath, reedSolomon } from '../src/referral/qr.js';

/** The reference matrix from the `qrcode` package, forced to byte mode, level M and the same version and mask. */
function reference(text: string, version: number, mask: number): boolean[][] {
  const q = QRCode.create([{ data: text, mode: 'byte' }] as never, { errorCorrectionLevel: 'M', version, maskPattern: mask as never });
  const size = q.modules.size;
  return Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => q.modules.get(r, c) === 1 || (q.modules.get(r, c) as unknown) === true));
}

describe('widgets: QR encoder', () => {
  it('computes Reed-Solomon codewords (known vector)', () => {
    // "HELLO WORLD" 1-M data codewords and their 10 EC codewords, a textbook example.
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(reedSolomon(data, 10)).to.deep.equal([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });

  const samples = [
    'hi',
    'https://studio.example.com/r/ALICE42',
    'https://partner.example.in/signup?ref=REF-7QK2M9X&utm_source=studio&utm_medium=qr',
    'https://learn.example.com/join?ref=' + 'x'.repeat(120),
    'नमस्ते https://example.com/?ref=ह',
  ];
  for (const text of samples) {
    it(`matches the reference module for module: ${text.slice(0, 40)}…`, () => {
      for (let mask = 0; mask < 8; mask++) {
        const mine = encodeQr(text, { mask });
        const ref = reference(text, mine.version, mask);
        expect(mine.size).to.equal(ref.length);
        expect(mine.modules).to.deep.equal(ref, `mask ${mask}, version ${mine.version}`);
      }
    });
  }

  it('matches the reference in every supported version (1-10)', () => {
    for (let version = 1; version <= 10; version++) {
      const mine = encodeQr('ab12', { mask: version % 8, minVersion: version });
      expect(mine.version).to.equal(version);
      expect(mine.modules).to.deep.equal(reference('ab12', version, version % 8), `version ${version}`);
    }
  });

  it('chooses the smallest version and some mask', () => {
    expect(encodeQr('hi').version).to.equal(1);
    const long = encodeQr('y'.repeat(200));
    expect(long.version).to.equal(10);
    expect(long.mask).to.be.within(0, 7);
    expect(() => encodeQr('z'.repeat(300))).to.throw(RangeError);
  });

  it('renders an SVG path with a quiet zone', () => {
    const qr = encodeQr('hi', { mask: 0 });
    expect(qrPath(qr)).to.match(/^M4 4h1v1h-1z/);
  });
});
