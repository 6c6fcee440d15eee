/**
 * Test helper for the npm package tests (sdk/test/pack.test.ts, widgets/test/pack.test.ts): `npm pack` a package
 * directory, install the tarballs into a blank project in a temp folder, and run node and tsc there, as a partner would.
 * Installing needs no network: the tarballs are local and their dependencies (jsonwebtoken, lit, @lit/react)
 * come from the npm cache (`--prefer-offline`), falling back to the registry only when the cache lacks them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface BlankProject {
  dir: string;
  /** Runs node with the given ES module source in the project; returns stdout. */
  node(source: string, opts?: { commonjs?: boolean }): string;
  /** Writes files and runs `tsc --noEmit -p tsconfig.json`; returns tsc's output (empty when clean). */
  tsc(files: Record<string, string>, compilerOptions: Record<string, unknown>): { ok: boolean; output: string };
  remove(): void;
}

/** Builds dist/ of the given part when it is missing (a fresh checkout); `npm test` builds before testing anyway. */
export function ensureBuilt(part: 'sdk' | 'widgets', marker: string): void {
  if (fs.existsSync(path.join(ROOT, marker))) return;
  const r = spawnSync('npx', ['rollup', '-c', 'rollup.config.mjs', '--silent', '--environment', `ONLY:${part}`], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(path.join(ROOT, marker))) throw new Error(`building ${part} failed`);
}

/** `npm pack` of a package folder into `dest`; returns the tarball's path and the packed file list. */
export function pack(pkgDir: string, dest: string): { tarball: string; files: string[] } {
  const out = execFileSync(NPM, ['pack', '--json', '--pack-destination', dest], { cwd: path.join(ROOT, pkgDir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  return { tarball: path.join(dest, info!.filename), files: info!.files.map((f) => f.path) };
}

export function blankProject(tarballs: string[]): BlankProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-pack-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'blank-partner-app', private: true, type: 'module' }));
  execFileSync(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  // @types/node for the consumer's tsc, borrowed from the repository's install rather than downloaded.
  const typesNode = path.join(dir, 'node_modules', '@types', 'node');
  if (!fs.existsSync(typesNode)) {
    fs.mkdirSync(path.dirname(typesNode), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules', '@types', 'node'), typesNode, 'dir');
  }
  return {
    dir,
    node(source, opts = {}) {
      const args = opts.commonjs ? ['-e', source] : ['--input-type=module', '-e', source];
      return execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
    },
    tsc(files, compilerOptions) {
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, ...compilerOptions }, include: Object.keys(files) }));
      const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
      return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
