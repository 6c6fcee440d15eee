/**
 * A small QR Code encoder (ISO/IEC 18004): byte mode, error correction level M, versions 1-10 (up to 213 bytes,
 * plenty for a share link). Written for the referral widget so that no QR library lands in the bundle;
 * widgets/test/qr.test.ts checks its matrices module for module against the `qrcode` package.
 */

// [ecCodewordsPerBlock, blocks in group 1, data codewords per group-1 block, blocks in group 2] for level M.
// Group-2 blocks hold one more data codeword than group-1 blocks.
const BLOCKS_M: Array<[number, number, number, number]> = [
  [10, 1, 16, 0], [16, 1, 28, 0], [26, 1, 44, 0], [18, 2, 32, 0], [24, 2, 43, 0],
  [16, 4, 27, 0], [18, 4, 31, 0], [22, 2, 38, 2], [22, 3, 36, 2], [26, 4, 43, 1],
];
const ALIGNMENT: number[][] = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];
export const MAX_VERSION = BLOCKS_M.length;

// ---------------------------------------------------------------- Reed-Solomon over GF(256), polynomial 0x11d

const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
}
const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!);

/** Coefficients of prod_{i<degree} (x - a^i), highest power first, leading 1 omitted. */
function generator(degree: number): number[] {
  let poly = [1];
  for (let i = 0; i < degree; i++) {
    const next = new Array<number>(poly.length + 1).fill(0);
    for (let j = 0; j < poly.length; j++) {
      next[j]! ^= poly[j]!;
      next[j + 1]! ^= mul(poly[j]!, EXP[i]!);
    }
    poly = next;
  }
  return poly.slice(1);
}

export function reedSolomon(data: number[], ecLength: number): number[] {
  const gen = generator(ecLength);
  const rem = new Array<number>(ecLength).fill(0);
  for (const byte of data) {
    const factor = byte ^ rem.shift()!;
    rem.push(0);
    for (let i = 0; i < ecLength; i++) rem[i]! ^= mul(gen[i]!, factor);
  }
  return rem;
}

// ---------------------------------------------------------------- codewords

function dataCapacity(version: number): number {
  const [, b1, d1, b2] = BLOCKS_M[version - 1]!;
  return b1 * d1 + b2 * (d1 + 1);
}

function encodeData(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const put = (value: number, length: number) => { for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  const capacityBits = dataCapacity(version) * 8;
  put(0, Math.min(4, capacityBits - bits.length));
  while (bits.length % 8) bits.push(0);
  const out: number[] = [];
  for (let i = 0; i < bits.length; i += 8) out.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; out.length < capacityBits / 8; pad ^= 0xec ^ 0x11) out.push(pad);
  return out;
}

function interleave(data: number[], version: number): number[] {
  const [ec, b1, d1, b2] = BLOCKS_M[version - 1]!;
  const blocks: number[][] = [];
  let offset = 0;
  for (let i = 0; i < b1 + b2; i++) {
    const len = i < b1 ? d1 : d1 + 1;
    blocks.push(data.slice(offset, offset + len));
    offset += len;
  }
  const ecBlocks = blocks.map((b) => reedSolomon(b, ec));
  const out: number[] = [];
  for (let i = 0; i <= d1; i++) for (const b of blocks) if (i < b.length) out.push(b[i]!);
  for (let i = 0; i < ec; i++) for (const b of ecBlocks) out.push(b[i]!);
  return out;
}

// ---------------------------------------------------------------- matrix

export interface QrMatrix { size: number; version: number; mask: number; modules: boolean[][] }

const MASKS: Array<(r: number, c: number) => boolean> = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

function bch(value: number, poly: number, degree: number): number {
  let rem = value << degree;
  const top = 31 - Math.clz32(poly);
  while (rem && 31 - Math.clz32(rem) >= top) rem ^= poly << (31 - Math.clz32(rem) - top);
  return (value << degree) | rem;
}

class Builder {
  readonly size: number;
  readonly m: boolean[][];
  readonly fn: boolean[][];
  constructor(readonly version: number) {
    this.size = version * 4 + 17;
    this.m = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.fn = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
  }
  set(r: number, c: number, dark: boolean): void {
    this.m[r]![c] = dark;
    this.fn[r]![c] = true;
  }
  functionPatterns(): void {
    const s = this.size;
    for (let i = 0; i < s; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    for (const [r0, c0] of [[3, 3], [3, s - 4], [s - 4, 3]] as const) {
      for (let dr = -4; dr <= 4; dr++) for (let dc = -4; dc <= 4; dc++) {
        const r = r0 + dr, c = c0 + dc;
        if (r < 0 || c < 0 || r >= s || c >= s) continue;
        const d = Math.max(Math.abs(dr), Math.abs(dc));
        this.set(r, c, d !== 2 && d !== 4);
      }
    }
    const pos = ALIGNMENT[this.version - 1]!;
    for (const r of pos) for (const c of pos) {
      if ((r === 6 && c === 6) || (r === 6 && c === pos[pos.length - 1]) || (c === 6 && r === pos[pos.length - 1])) continue;
      for (let dr = -2; dr <= 2; dr++) for (let dc = -2; dc <= 2; dc++) this.set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
    }
    this.formatBits(0); // reserves the format areas; drawn for real once the mask is known
    if (this.version >= 7) {
      const bits = bch(this.version, 0x1f25, 12);
      for (let i = 0; i < 18; i++) {
        const dark = ((bits >>> i) & 1) === 1;
        const a = s - 11 + (i % 3), b = Math.floor(i / 3);
        this.set(b, a, dark);
        this.set(a, b, dark);
      }
    }
  }
  /** Level M (00) with the mask number, BCH(15,5), XOR 0x5412, in both copies; plus the dark module. */
  formatBits(mask: number): void {
    const s = this.size;
    const bits = bch(mask, 0x537, 10) ^ 0x5412;
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    for (let i = 0; i <= 5; i++) this.set(i, 8, bit(i));
    this.set(7, 8, bit(6));
    this.set(8, 8, bit(7));
    this.set(8, 7, bit(8));
    for (let i = 9; i < 15; i++) this.set(8, 14 - i, bit(i));
    for (let i = 0; i < 8; i++) this.set(8, s - 1 - i, bit(i));
    for (let i = 8; i < 15; i++) this.set(s - 15 + i, 8, bit(i));
    this.set(s - 8, 8, true);
  }
  placeData(codewords: number[]): void {
    const s = this.size;
    let i = 0;
    for (let right = s - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      const upward = ((right + 1) & 2) === 0;
      for (let v = 0; v < s; v++) {
        const r = upward ? s - 1 - v : v;
        for (let j = 0; j < 2; j++) {
          const c = right - j;
          if (this.fn[r]![c]) continue;
          if (i < codewords.length * 8) this.m[r]![c] = ((codewords[i >>> 3]! >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
    }
  }
  applyMask(mask: number): void {
    const f = MASKS[mask]!;
    for (let r = 0; r < this.size; r++) for (let c = 0; c < this.size; c++) if (!this.fn[r]![c] && f(r, c)) this.m[r]![c] = !this.m[r]![c];
  }
}

/** Penalty score of a finished matrix (lower reads better); used to choose the mask. */
export function penalty(m: boolean[][]): number {
  const s = m.length;
  let score = 0;
  const line = (get: (i: number, j: number) => boolean) => {
    for (let i = 0; i < s; i++) {
      let run = 1;
      for (let j = 1; j <= s; j++) {
        if (j < s && get(i, j) === get(i, j - 1)) run++;
        else {
          if (run >= 5) score += run - 2;
          run = 1;
        }
      }
      for (let j = 0; j + 10 < s + 1; j++) {
        const w = Array.from({ length: 11 }, (_, k) => (j + k < s ? get(i, j + k) : false));
        const core = w[0] && !w[1] && w[2] && w[3] && w[4] && !w[5] && w[6];
        if (j + 10 < s && core && !w[7] && !w[8] && !w[9] && !w[10]) score += 40;
        const core2 = w[4] && !w[5] && w[6] && w[7] && w[8] && !w[9] && w[10];
        if (j + 10 < s && core2 && !w[0] && !w[1] && !w[2] && !w[3]) score += 40;
      }
    }
  };
  line((i, j) => m[i]![j]!);
  line((i, j) => m[j]![i]!);
  let dark = 0;
  for (let r = 0; r < s; r++) for (let c = 0; c < s; c++) {
    if (m[r]![c]) dark++;
    if (r + 1 < s && c + 1 < s) {
      const v = m[r]![c];
      if (m[r + 1]![c] === v && m[r]![c + 1] === v && m[r + 1]![c + 1] === v) score += 3;
    }
  }
  score += Math.floor(Math.abs((dark * 100) / (s * s) - 50) / 5) * 10;
  return score;
}

/** Encodes text (UTF-8, byte mode, level M). `mask` forces a mask pattern (tests); otherwise the best is chosen. */
export function encodeQr(text: string, options: { mask?: number; minVersion?: number } = {}): QrMatrix {
  const bytes = new TextEncoder().encode(text);
  let version = Math.max(1, options.minVersion ?? 1);
  while (version <= MAX_VERSION && 4 + (version < 10 ? 8 : 16) + bytes.length * 8 > dataCapacity(version) * 8) version++;
  if (version > MAX_VERSION) throw new RangeError(`QR: text too long (${bytes.length} bytes)`);
  const codewords = interleave(encodeData(bytes, version), version);
  const build = (mask: number) => {
    const b = new Builder(version);
    b.functionPatterns();
    b.placeData(codewords);
    b.applyMask(mask);
    b.formatBits(mask);
    return b;
  };
  let best: Builder | undefined;
  let bestMask = 0;
  let bestScore = Infinity;
  for (const mask of options.mask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [options.mask]) {
    const b = build(mask);
    const score = options.mask === undefined ? penalty(b.m) : 0;
    if (score < bestScore) [best, bestMask, bestScore] = [b, mask, score];
  }
  return { size: best!.size, version, mask: bestMask, modules: best!.m };
}

/** The dark modules as one SVG path (1 unit per module, offset by a quiet zone). */
export function qrPath(qr: QrMatrix, quiet = 4): string {
  let d = '';
  for (let r = 0; r < qr.size; r++) for (let c = 0; c < qr.size; c++) if (qr.modules[r]![c]) d += `M${c + quiet} ${r + quiet}h1v1h-1z`;
  return d;
}
