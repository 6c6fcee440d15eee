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
export const sdkConfigs = [
  {
    input: 'sdk/src/index.ts',
    output: [
      { file: 'sdk/dist/index.mjs', format: 'es', sourcemap: true },
      { file: 'sdk/dist/index.cjs', format: 'cjs', sourcemap: true, exports: 'named' },
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
    // One self-contained declaration file per module flavour.
    input: 'sdk/src/index.ts',
    output: [
      { file: 'sdk/dist/index.d.ts', format: 'es' },
      { file: 'sdk/dist/index.d.cts', format: 'es' },
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
