import sharp from 'sharp';
import { buildPalette, hashString, makeRng, words } from './local-palette.js';
import { buildSvg, chooseComposition, type Composition } from './local-scene.js';
import { headlineSvg } from './local-text.js';
import { abortReason } from './retry.js';
import type { GenerateOptions, ImageProvider, ImageRequest, ImageResult, Tier } from './types.js';

export interface LocalImageProviderOptions {
  /** zlib level for the PNG; lower is faster and larger. */
  compressionLevel?: number;
}

const RICHNESS: Record<Tier, number> = { standard: 0, premium2: 1, premium4: 2 };

export function assertSize(width: number, height: number): void {
  for (const [name, v] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(v) || v < 64 || v > 4096) throw new RangeError(`${name} must be an integer between 64 and 4096, got ${v}`);
  }
}

/**
 * The offline default: draws a poster-like PNG from the prompt with SVG and
 * sharp. No network, no model; the same prompt, seed, tier and size always
 * give the same bytes, which keeps tests and demos reproducible.
 */
export class LocalImageProvider implements ImageProvider {
  readonly name = 'local';
  private readonly compressionLevel: number;

  constructor(options: LocalImageProviderOptions = {}) {
    this.compressionLevel = options.compressionLevel ?? 6;
  }

  /** Exposed for tests and previews: which scene the prompt maps to. */
  static compositionFor(prompt: string, seed = ''): Composition {
    return chooseComposition(words(prompt), makeRng(hashString(`${prompt}|${seed}|scene`)));
  }

  async generate(req: ImageRequest, opts: GenerateOptions = {}): Promise<ImageResult> {
    const { signal, onProgress } = opts;
    const step = (pct: number) => {
      if (signal?.aborted) throw abortReason(signal);
      onProgress?.(pct);
    };
    assertSize(req.width, req.height);
    step(5);
    const fullPrompt = req.styleHint ? `${req.prompt} ${req.styleHint}` : req.prompt;
    const seed = req.seed ?? '';
    const palette = buildPalette(fullPrompt, seed);
    const ws = words(fullPrompt);
    const rng = makeRng(hashString(`${fullPrompt}|${seed}|scene`));
    const kind = chooseComposition(ws, rng);
    const richness = RICHNESS[req.tier] ?? 0;
    step(20);
    const text = headlineSvg(req.prompt, req.width, req.height, palette.ink, richness > 0);
    const svg = buildSvg(kind, { width: req.width, height: req.height, palette, words: ws, rng, richness }, text);
    step(40);
    let image = sharp(Buffer.from(svg));
    if (richness > 0) {
      image = sharp(await image.png({ compressionLevel: 0 }).toBuffer());
      step(65);
      image = image.composite([{ input: grainTile(hashString(`${fullPrompt}|${seed}|grain`), 10 + richness * 6), raw: { width: GRAIN, height: GRAIN, channels: 4 }, tile: true, blend: 'overlay' }]);
    }
    const png = await image.png({ compressionLevel: this.compressionLevel }).toBuffer();
    step(100);
    return { png, width: req.width, height: req.height, provider: this.name, model: `local-${kind}` };
  }
}

const GRAIN = 128;

/** Film grain from our own PRNG: sharp's noise generator is not seedable. */
function grainTile(seed: number, alpha: number): Buffer {
  const rng = makeRng(seed);
  const buf = Buffer.alloc(GRAIN * GRAIN * 4);
  for (let i = 0; i < buf.length; i += 4) {
    const v = Math.round(128 + (rng() - 0.5) * 180);
    buf[i] = v;
    buf[i + 1] = v;
    buf[i + 2] = v;
    buf[i + 3] = alpha;
  }
  return buf;
}
