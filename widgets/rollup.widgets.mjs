// Widget bundles (imported by the root rollup.config.mjs):
// - dist/ais-widgets.js       one ES module with every component, lit and the SDK bundled in
// - dist/ais-widgets.iife.js  the same as a classic script for a <script> tag (global `AisWidgets`)
// - dist/esm/*.js             one ES entry per widget sharing chunks, for pages that embed only one or two
import fs from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const ts = (outDir) => typescript({ tsconfig: 'widgets/tsconfig.json', outDir, sourceMap: false, declaration: false, noEmitOnError: true });
const min = () => terser({ ecma: 2020, module: true, format: { comments: false } });
const resolve = () => nodeResolve({ browser: true, exportConditions: ['browser', 'production'] });

export const entries = {
  'ais-studio': 'widgets/src/studio/ais-studio.ts',
  'ais-my-creations': 'widgets/src/creations/ais-my-creations.ts',
  'ais-feed': 'widgets/src/feed/ais-feed.ts',
  'ais-wallet': 'widgets/src/wallet/ais-wallet.ts',
  'ais-referral': 'widgets/src/referral/ais-referral.ts',
  'ais-admin': 'widgets/src/admin/ais-admin.ts',
};

export default [
  {
    input: 'widgets/src/index.ts',
    output: [
      { file: 'widgets/dist/ais-widgets.js', format: 'es' },
      { file: 'widgets/dist/ais-widgets.iife.js', format: 'iife', name: 'AisWidgets' },
    ],
    plugins: [resolve(), ts('widgets/dist'), min()],
  },
  {
    input: Object.fromEntries(Object.entries(entries).filter(([, file]) => fs.existsSync(file))),
    output: { dir: 'widgets/dist/esm', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared-[hash].js' },
    plugins: [resolve(), ts('widgets/dist/esm'), min()],
  },
];
