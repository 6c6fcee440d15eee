#!/usr/bin/env node
// Builds the SDK and widget bundles (rollup) only when their inputs changed since the last build, so a second
// `npm start` (and `npm test`) does not spend ~20 s re-bundling identical sources. The inputs are hashed — every
// file under sdk/src and widgets/src, their tsconfig/package files, the rollup configs and the lockfile (which
// pins lit, rollup and its plugins) — and the hash is kept as a stamp beside each bundle. A missing bundle, a
// missing or different stamp, or `--force` rebuilds. Extra arguments go to rollup (e.g. --silent).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const INPUT_DIRS = ['sdk/src', 'widgets/src'];
const INPUT_FILES = ['rollup.config.mjs', 'widgets/rollup.widgets.mjs', 'sdk/tsconfig.json', 'sdk/package.json', 'widgets/tsconfig.json',
  'tsconfig.json', 'package.json', 'package-lock.json'];
// A stamp per output folder: deleting either folder rebuilds both.
const STAMPS = ['sdk/dist/.build-stamp', 'widgets/dist/.build-stamp'];
const OUTPUTS = ['sdk/dist/index.mjs', 'sdk/dist/index.cjs', 'sdk/dist/index.d.ts', 'widgets/dist/ais-widgets.js', 'widgets/dist/ais-widgets.iife.js'];

const abs = (p) => path.join(root, p);

function listFiles(dir) {
  if (!fs.existsSync(abs(dir))) return [];
  return fs.readdirSync(abs(dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

function sourcesHash() {
  const h = crypto.createHash('sha256');
  const files = [...INPUT_DIRS.flatMap(listFiles), ...INPUT_FILES.filter((f) => fs.existsSync(abs(f))).map(abs)].map((f) => path.relative(root, f)).sort();
  for (const f of files) {
    h.update(`${f}\0`);
    h.update(fs.readFileSync(abs(f)));
    h.update('\0');
  }
  return h.digest('hex');
}

/**
 * Builds the bundles when their inputs changed (or `force`); returns whether rollup ran.
 * Exported for scripts/start.mjs, which checks in the same process that then starts the API.
 */
export function buildFront({ force = false, rollupArgs = [] } = {}) {
  const hash = sourcesHash();
  const upToDate = !force && OUTPUTS.every((f) => fs.existsSync(abs(f))) &&
    STAMPS.every((s) => fs.existsSync(abs(s)) && fs.readFileSync(abs(s), 'utf8').trim() === hash);
  if (upToDate) {
    process.stderr.write('SDK and widget bundles are up to date (sources unchanged); skipping rollup.\n');
    return false;
  }
  // A failed or interrupted build must not leave a stamp that claims the old bundles match the new sources.
  for (const s of STAMPS) fs.rmSync(abs(s), { force: true });
  const rollup = path.join(root, 'node_modules', 'rollup', 'dist', 'bin', 'rollup');
  const r = spawnSync(process.execPath, [rollup, '-c', 'rollup.config.mjs', ...rollupArgs], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // ONLY=sdk|widgets builds one part: no stamp, since the other part was not built from these sources.
  for (const s of process.env.ONLY ? [] : STAMPS) {
    fs.mkdirSync(path.dirname(abs(s)), { recursive: true });
    fs.writeFileSync(abs(s), hash + '\n');
  }
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  buildFront({ force: args.includes('--force'), rollupArgs: args.filter((a) => a !== '--force') });
}
