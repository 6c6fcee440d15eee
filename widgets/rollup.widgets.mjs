// Widget bundles (imported by the root rollup.config.mjs):
// - dist/ais-widgets.js       one ES module with the five user widgets, lit and the SDK bundled in; the admin widget
//                             and the non-English strings are chunks in dist/chunks/, imported on demand from the
//                             same (versioned) folder (src/bundle.ts). Gzipped sizes: widgets/test/bundle-size.test.ts
// - dist/ais-widgets.iife.js  every component and locale as one classic script for a <script> tag (global
//                             `AisWidgets`): no chunks, so one SRI hash covers all of it
// - dist/esm/*.js             one ES entry per widget sharing chunks, for pages that embed only one or two
// - dist/npm/                 the npm package's modules: index.js and react.js with lit, @lit/react and react left
//                             as imports (peer/dependencies, one copy per app), unminified, with .d.ts files
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';
import { minifyTemplates } from './scripts/minify-templates.mjs';

const ts = (outDir) => typescript({ tsconfig: 'widgets/tsconfig.json', outDir, sourceMap: false, declaration: false, noEmitOnError: true });
// Per output: with `module: true` terser would drop the IIFE's global `var AisWidgets` as an unused top-level name.
const min = (module = true) => terser({ ecma: 2020, module, compress: { passes: 2 }, format: { comments: false } });
const resolve = () => nodeResolve({ browser: true, exportConditions: ['browser', 'production'] });

export const entries = {
  'ais-studio': 'widgets/src/studio/ais-studio.ts',
  'ais-my-creations': 'widgets/src/creations/ais-my-creations.ts',
  'ais-feed': 'widgets/src/feed/ais-feed.ts',
  'ais-wallet': 'widgets/src/wallet/ais-wallet.ts',
  'ais-referral': 'widgets/src/referral/ais-referral.ts',
  'ais-admin': 'widgets/src/admin/ais-admin.ts',
};

/**
 * ES build's chunks: rollup puts each module in the chunk of the exact set of entries that use it, so a page with only
 * <ais-studio> loaded its shared code as eight files (the common one plus small ones shared with one or two other
 * widgets: SDK resources, the studio's strings the admin's editor also lists, downloads, a few icons), each with its
 * own import/export glue and a gzip stream that cannot reuse the others' words (about 1.2 KB gzipped together). Here
 * every module the studio's entry imports statically and some other entry (or lazy chunk) also uses goes into one
 * chunk; modules only the studio uses stay in its entry, and the other widgets' own shared modules are chunked by
 * rollup as before. The other per-widget pages load that chunk too, so they carry the studio's share of it (see
 * docs/benchmarks.md, issue 13 item 5 round 3, for what that costs each page).
 */
export function studioSharedChunk(studioEntry = entries['ais-studio']) {
  let shared;
  return (id, { getModuleInfo, getModuleIds }) => {
    if (!shared) {
      const closure = (entry, dynamic) => {
        const seen = new Set();
        const visit = (m) => {
          if (seen.has(m)) return;
          seen.add(m);
          const info = getModuleInfo(m);
          for (const d of info.importedIds) visit(d);
          if (dynamic) for (const d of info.dynamicallyImportedIds) visit(d);
        };
        visit(entry);
        return seen;
      };
      const ids = [...getModuleIds()];
      const studio = ids.find((m) => getModuleInfo(m).isEntry && m.endsWith(studioEntry.replace(/^widgets\//, '')));
      if (!studio) { shared = new Set(); return undefined; }
      const others = new Set(ids.filter((m) => m !== studio && getModuleInfo(m).isEntry).flatMap((e) => [...closure(e, true)]));
      shared = new Set([...closure(studio, false)].filter((m) => m !== studio && others.has(m)));
    }
    return shared.has(id) ? 'shared' : undefined;
  };
}

// What the npm package imports instead of bundling: lit is a peer dependency, @lit/react a dependency, react a peer.
const npmExternal = (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/') || id === 'react';
const npmInput = { index: 'widgets/src/index.ts', react: 'widgets/src/react.ts' };

export default [
  {
    input: { 'ais-widgets': 'widgets/src/bundle.ts' },
    // The code the lazy chunks share (lit, the SDK, base) stays in ais-widgets.js, which they import, instead of
    // a third file: the entry is the whole user bundle, so its SRI hash still covers everything it runs at load.
    preserveEntrySignatures: 'allow-extension',
    output: { dir: 'widgets/dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', plugins: [min()] },
    // Chunk names carry content hashes: empty their folder first so old chunks do not pile up.
    plugins: [{ name: 'clean-chunks', buildStart: () => fs.rmSync('widgets/dist/chunks', { recursive: true, force: true }) }, resolve(), ts('widgets/dist'), minifyTemplates()],
  },
  {
    input: 'widgets/src/index.ts',
    output: { file: 'widgets/dist/ais-widgets.iife.js', format: 'iife', name: 'AisWidgets', inlineDynamicImports: true, plugins: [min(false)] },
    plugins: [resolve(), ts('widgets/dist'), minifyTemplates()],
  },
  {
    input: Object.fromEntries(Object.entries(entries).filter(([, file]) => fs.existsSync(file))),
    output: { dir: 'widgets/dist/esm', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared-[hash].js', manualChunks: studioSharedChunk(), plugins: [min()] },
    // Chunk names carry content hashes: empty the folder first so old chunks do not pile up.
    plugins: [{ name: 'clean-esm', buildStart: () => fs.rmSync('widgets/dist/esm', { recursive: true, force: true }) }, resolve(), ts('widgets/dist/esm'), minifyTemplates()],
  },
  {
    input: npmInput,
    external: npmExternal,
    output: { dir: 'widgets/dist/npm', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared-[hash].js' },
    plugins: [{ name: 'clean-npm', buildStart: () => fs.rmSync('widgets/dist/npm', { recursive: true, force: true }) }, resolve(), ts('widgets/dist/npm')],
  },
  {
    // Declarations, the HTMLElementTagNameMap entries included (they are `declare global` in each widget).
    input: npmInput,
    external: npmExternal,
    output: { dir: 'widgets/dist/npm', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'shared-[hash].d.ts' },
    // Last widget config: the bundles above are written by now, so the manifest and SRI hashes can follow.
    plugins: [dts({ tsconfig: 'widgets/tsconfig.json' }), { name: 'package-meta', closeBundle: () => execFileSync(process.execPath, ['widgets/scripts/package-meta.mjs'], { stdio: 'inherit' }) }],
  },
];
