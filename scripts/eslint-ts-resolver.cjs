// A minimal import resolver for eslint-plugin-boundaries (eslint-module-utils interface v2): the TypeScript sources
// import each other as './x.js' (NodeNext style) while the file on disk is './x.ts'. Only relative imports are
// resolved; packages and node: builtins are left to the plugin, which treats them as external.
const fs = require('node:fs');
const path = require('node:path');

exports.interfaceVersion = 2;
exports.resolve = (source, file) => {
  if (!source.startsWith('.')) return { found: false };
  const base = path.resolve(path.dirname(file), source);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), base, `${base}.ts`, path.join(base, 'index.ts')];
  for (const c of candidates) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return { found: true, path: c };
  }
  return { found: false };
};
