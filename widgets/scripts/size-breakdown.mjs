// Lists what a widget page's static closure is made of: for each output chunk of the per-widget ES build, each
// module's share, minified (terser, alone) and gzipped (level 9, alone). The shares do not add up to the chunk's
// gzipped size (gzip compresses across modules), but they rank what to move. Usage:
//   node widgets/scripts/size-breakdown.mjs [entry-name ...]     (default: ais-studio; names as in rollup.widgets.mjs)
import path from 'node:path';
import zlib from 'node:zlib';
import { rollup } from 'rollup';
import { minify } from 'terser';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { entries, studioSharedChunk } from '../rollup.widgets.mjs';

const names = process.argv.slice(2).length ? process.argv.slice(2) : ['ais-studio'];
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const gz = (s) => zlib.gzipSync(Buffer.from(s), { level: 9 }).length;
const bundle = await rollup({
  input: Object.fromEntries(Object.entries(entries)),
  plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    typescript({ tsconfig: 'widgets/tsconfig.json', outDir: '/tmp/size-breakdown', sourceMap: false, declaration: false })],
  onwarn: () => {},
});
const { output } = await bundle.generate({ dir: '/tmp/size-breakdown', format: 'es', chunkFileNames: 'shared-[hash].js', manualChunks: studioSharedChunk() });
const byFile = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
for (const name of names) {
  const seen = new Set();
  const visit = (f) => { if (seen.has(f)) return; seen.add(f); for (const i of byFile.get(f).imports) visit(i); };
  visit(`${name}.js`);
  let total = 0;
  console.log(`\n== ${name}: ${[...seen].join(', ')}`);
  const rows = [];
  for (const f of seen) {
    const c = byFile.get(f);
    const min = (await minify(c.code, { ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } })).code;
    total += gz(min);
    console.log(`  ${f}: ${kb(gz(min))} gz`);
    for (const [id, m] of Object.entries(c.modules)) {
      if (!m.code) continue;
      const mm = (await minify(m.code, { ecma: 2020, module: true, compress: false, mangle: false, format: { comments: false } }).catch(() => ({ code: m.code }))).code;
      rows.push([gz(mm), mm.length, path.relative(process.cwd(), id).replace(/^node_modules\//, ''), f]);
    }
  }
  rows.sort((a, b) => b[0] - a[0]);
  for (const [g, raw, id, f] of rows) console.log(`${kb(g).padStart(10)} ${kb(raw).padStart(10)}  ${id}  (${f})`);
  console.log(`  total (chunks minified+gzipped separately): ${kb(total)}; module shares sum ${kb(rows.reduce((a, r) => a + r[0], 0))}`);
}
await bundle.close();
