import { words } from './local-palette.js';

/** Words that carry no picture or headline on their own. */
const STOPWORDS = new Set(
  `a an the and or but of in on at to for from with without by as into onto over under about above below
  is are was were be been being it its this that these those there here my your our their his her them
  me we you they i he she very really just some any all more most much many few lot lots
  image picture photo photograph render rendering drawing illustration art artwork style styled design
  high quality detailed ultra hd 4k 8k realistic hyper hyperrealistic beautiful stunning amazing nice cool
  make create generate show showing please featuring feature depicting scene background`.split(/\s+/),
);

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * The headline drawn on the poster: quoted text when the prompt has some
 * ("... with the text 'Summer Sale'"), otherwise its first distinctive words.
 */
export function headline(prompt: string, maxWords = 3): string {
  const quoted = prompt.match(/["“”]([^"“”]{2,40})["“”]/) ?? prompt.match(/(?:^|\s)'([^']{2,40})'(?=$|[\s,.!?;:])/);
  if (quoted?.[1]?.trim()) return quoted[1].trim().toUpperCase();
  const picked: string[] = [];
  for (const w of words(prompt)) {
    if (w.length < 3 || STOPWORDS.has(w) || /^\d+$/.test(w) || picked.includes(w)) continue;
    picked.push(w);
    if (picked.length >= maxWords) break;
  }
  return picked.join(' ').toUpperCase() || 'STUDIO';
}

/** Splits a headline into at most two balanced lines. */
export function wrapHeadline(text: string): string[] {
  const parts = text.split(/\s+/).filter(Boolean);
  if (parts.length < 2 || text.length <= 14) return [text];
  let best = 1;
  let bestDiff = Infinity;
  for (let i = 1; i < parts.length; i++) {
    const diff = Math.abs(parts.slice(0, i).join(' ').length - parts.slice(i).join(' ').length);
    if (diff < bestDiff) {
      bestDiff = diff;
      best = i;
    }
  }
  return [parts.slice(0, best).join(' '), parts.slice(best).join(' ')];
}

/** SVG <text> block centred near the bottom, sized so the longest line fits. */
export function headlineSvg(prompt: string, width: number, height: number, ink: string, premium: boolean): string {
  const lines = wrapHeadline(headline(prompt));
  const longest = Math.max(...lines.map((l) => l.length));
  // DejaVu Sans Bold averages ~0.68em per capital; keep a 7% margin each side.
  const size = Math.round(Math.min(width * 0.12, (width * 0.86) / (longest * 0.68)));
  const lineGap = Math.round(size * 1.08);
  const baseY = Math.round(height * 0.9 - (lines.length - 1) * lineGap);
  const shadow = ink === '#ffffff' ? 'rgba(0,0,0,0.45)' : 'rgba(255,255,255,0.5)';
  const stroke = premium ? ` stroke="${shadow}" stroke-width="${Math.max(1, Math.round(size / 28))}" paint-order="stroke"` : '';
  const tspans = lines
    .map((line, i) => `<tspan x="${width / 2}" y="${baseY + i * lineGap}">${escapeXml(line)}</tspan>`)
    .join('');
  const offset = Math.max(2, Math.round(size / 18));
  return (
    `<g font-family="DejaVu Sans, Arial, sans-serif" font-weight="bold" font-size="${size}" text-anchor="middle" letter-spacing="${Math.round(size * 0.02)}">` +
    `<text fill="${shadow}" transform="translate(${offset},${offset})">${tspans}</text>` +
    `<text fill="${ink}"${stroke}>${tspans}</text></g>`
  );
}
