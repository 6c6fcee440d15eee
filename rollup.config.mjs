// Front-end builds: the SDK (owned by sdk/) and the widgets (widgets/rollup.widgets.mjs).
// Each part exports its own config objects; this file only joins them.
// `rollup -c --environment ONLY:sdk` (or ONLY:widgets) builds one part.
import fs from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const here = (p) => new URL(p, import.meta.url);

// ---------------------------------------------------------------- sdk
// No dependencies to bundle and no minification: partners' bundlers minify,
// and readable class names keep `err.name` meaningful in their logs.
// Two entries: `index` (browsers and Node, no dependencies) and `server` (Node only; jsonwebtoken stays external,
// it is a dependency of the package).
const sdkInput = { index: 'sdk/src/index.ts', server: 'sdk/src/server.ts' };
const sdkExternal = (id) => id === 'jsonwebtoken' || id.startsWith('node:');
export const sdkConfigs = [
  {
    input: sdkInput,
    external: sdkExternal,
    output: [
      { dir: 'sdk/dist', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs', format: 'es', sourcemap: true },
      { dir: 'sdk/dist', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs', format: 'cjs', sourcemap: true, exports: 'named', interop: 'auto' },
    ],
    plugins: [
      typescript({
        tsconfig: 'sdk/tsconfig.json',
        declaration: false,
        outDir: 'sdk/dist',
        sourceMap: true,
      }),
    ],
  },
  {
    // One self-contained declaration file per entry and module flavour.
    input: sdkInput,
    external: sdkExternal,
    output: [
      { dir: 'sdk/dist', entryFileNames: '[name].d.ts', format: 'es' },
      { dir: 'sdk/dist', entryFileNames: '[name].d.cts', format: 'es' },
    ],
    plugins: [dts({ tsconfig: 'sdk/tsconfig.json' })],
  },
];

// ---------------------------------------------------------------- widgets
const widgetsFile = here('./widgets/rollup.widgets.mjs');
export const widgetConfigs = fs.existsSync(widgetsFile) ? [(await import(widgetsFile.href)).default].flat() : [];

const only = process.env.ONLY;
export default [
  ...(!only || only === 'sdk' ? sdkConfigs : []),
  ...(!only || only === 'widgets' ? widgetConfigs : []),
];
