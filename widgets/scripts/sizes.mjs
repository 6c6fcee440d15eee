// Measures the built widget bundles (raw, minified, gzip -9) and writes the table into docs/benchmarks.md under
// "## Widget bundle sizes (issue 5)", replacing only that section. Run after the widgets build:
//   npx rollup -c rollup.config.mjs --environment ONLY:widgets && node widgets/scripts/sizes.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'widgets', 'dist');
const doc = path.join(root, 'docs', 'benchmarks.md');
const HEADING = '## Widget bundle sizes (issue 5)';

const size = (file) => {
  const buf = fs.readFileSync(file);
  return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const rows = [];
for (const f of ['ais-widgets.js', 'ais-widgets.iife.js']) rows.push([`\`dist/${f}\``, size(path.join(dist, f))]);

// Per-widget ES entries: the entry itself plus every shared chunk it imports (what a page with only that widget loads).
const esm = path.join(dist, 'esm');
const importsOf = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = fs.readFileSync(path.join(esm, file), 'utf8');
  for (const m of text.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) importsOf(m[1], seen);
  return seen;
};
const perWidget = [];
for (const f of fs.readdirSync(esm).filter((n) => n.startsWith('ais-')).sort()) {
  const files = [...importsOf(f)];
  const own = size(path.join(esm, f));
  const total = files.reduce((a, x) => { const s = size(path.join(esm, x)); return { raw: a.raw + s.raw, gzip: a.gzip + s.gzip }; }, { raw: 0, gzip: 0 });
  perWidget.push([`\`<${f.replace('.js', '')}>\` (\`dist/esm/${f}\`)`, own, total]);
}

const today = new Date().toISOString().slice(0, 10);
const section = `${HEADING}

Measured ${today} with \`node widgets/scripts/sizes.mjs\` after \`npx rollup -c rollup.config.mjs --environment ONLY:widgets\`.
Minified with terser; gzip at level 9. Lit and the SDK are bundled in; the Hindi strings are part of every bundle.

| bundle (everything: 6 widgets + admin tabs) | minified | gzipped |
|---|---:|---:|
${rows.map(([n, s]) => `| ${n} | ${kb(s.raw)} | **${kb(s.gzip)}** |`).join('\n')}

Per-widget ES entry points share chunks (Lit, the SDK, the base class and styles); "with shared chunks" is what a page
that embeds only that widget downloads.

| widget entry | entry gzipped | with shared chunks, gzipped |
|---|---:|---:|
${perWidget.map(([n, own, total]) => `| ${n} | ${kb(own.gzip)} | **${kb(total.gzip)}** |`).join('\n')}
`;

let text = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '# Benchmarks\n';
const start = text.indexOf(HEADING);
if (start === -1) text = `${text.trimEnd()}\n\n${section}`;
else {
  const next = text.indexOf('\n## ', start + HEADING.length);
  text = text.slice(0, start) + section + (next === -1 ? '' : `\n${text.slice(next + 1)}`);
}
fs.writeFileSync(doc, text.endsWith('\n') ? text : `${text}\n`);
console.log(section);
