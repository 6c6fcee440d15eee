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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const INPUT_DIRS = ['sdk/src', 'widgets/src'];
const INPUT_FILES = ['rollup.config.mjs', 'widgets/rollup.widgets.mjs', 'sdk/tsconfig.json', 'sdk/package.json', 'widgets/tsconfig.json',
  'tsconfig.json', 'package.json', 'package-lock.json'];
// A stamp per output folder: deleting either folder rebuilds both.
export const STAMPS = ['sdk/dist/.build-stamp', 'widgets/dist/.build-stamp'];
export const OUTPUTS = ['sdk/dist/index.mjs', 'sdk/dist/index.cjs', 'sdk/dist/index.d.ts', 'widgets/dist/ais-widgets.js', 'widgets/dist/ais-widgets.iife.js'];

function listFiles(root, dir) {
  if (!fs.existsSync(path.join(root, dir))) return [];
  return fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)));
}

/** sha256 over the relative path and the bytes of every input, in a stable order. */
export function sourcesHash(root = ROOT) {
  const h = crypto.createHash('sha256');
  const files = [...INPUT_DIRS.flatMap((d) => listFiles(root, d)), ...INPUT_FILES.filter((f) => fs.existsSync(path.join(root, f)))]
    .map((f) => f.split(path.sep).join('/')).sort();
  for (const f of files) {
    h.update(`${f}\0`);
    h.update(fs.readFileSync(path.join(root, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

const runRollup = (root, rollupArgs) => spawnSync(process.execPath,
  [path.join(root, 'node_modules', 'rollup', 'dist', 'bin', 'rollup'), '-c', 'rollup.config.mjs', ...rollupArgs], { stdio: 'inherit', cwd: root }).status;

/**
 * Builds the bundles when their inputs changed (or `force`); returns whether the build ran. Exits the process when
 * it fails. Exported for scripts/start.mjs, which checks in the same process that then starts the API; `root` and
 * `run` are for the tests.
 */
export function buildFront({ force = false, rollupArgs = [], root = ROOT, run = runRollup, log = (m) => process.stderr.write(m) } = {}) {
  const at = (p) => path.join(root, p);
  const hash = sourcesHash(root);
  const upToDate = !force && OUTPUTS.every((f) => fs.existsSync(at(f))) &&
    STAMPS.every((s) => fs.existsSync(at(s)) && fs.readFileSync(at(s), 'utf8').trim() === hash);
  if (upToDate) {
    log('SDK and widget bundles are up to date (sources unchanged); skipping rollup.\n');
    return false;
  }
  // A failed or interrupted build must not leave a stamp that claims the old bundles match the new sources.
  for (const s of STAMPS) fs.rmSync(at(s), { force: true });
  const status = run(root, rollupArgs);
  if (status !== 0) {
    log(`rollup failed (exit ${status})\n`);
    process.exit(status ?? 1);
  }
  // ONLY=sdk|widgets builds one part: no stamp, since the other part was not built from these sources.
  for (const s of process.env.ONLY ? [] : STAMPS) {
    fs.mkdirSync(path.dirname(at(s)), { recursive: true });
    fs.writeFileSync(at(s), hash + '\n');
  }
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  buildFront({ force: args.includes('--force'), rollupArgs: args.filter((a) => a !== '--force') });
}
