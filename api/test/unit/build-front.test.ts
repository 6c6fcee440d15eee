import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { buildFront, OUTPUTS, STAMPS } from '../../../scripts/build-front.mjs';

/**
 * `npm start` and `npm test` rebuild the SDK and widget bundles only when their inputs changed (issue 10 item 8).
 * Checked on a scratch tree with a stand-in for rollup that writes the outputs and counts its runs.
 */
describe('build-front: rebuild the bundles only when their sources changed', () => {
  let root: string;
  let runs: number;
  let fail: boolean;
  const run = (r: string) => {
    runs++;
    if (fail) return 1;
    for (const f of OUTPUTS) { fs.mkdirSync(path.dirname(path.join(r, f)), { recursive: true }); fs.writeFileSync(path.join(r, f), `built ${runs}`); }
    return 0;
  };
  const build = (force = false) => buildFront({ root, run, force, log: () => undefined });
  const write = (f: string, text: string) => { fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true }); fs.writeFileSync(path.join(root, f), text); };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-front-'));
    runs = 0;
    fail = false;
    write('sdk/src/index.ts', 'export const a = 1;');
    write('widgets/src/index.ts', 'export const b = 1;');
    write('widgets/src/feed/ais-feed.ts', 'export const c = 1;');
    write('rollup.config.mjs', 'export default [];');
    write('package-lock.json', '{"lockfileVersion":3}');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds once, then skips while nothing changed', () => {
    expect(build()).to.equal(true);
    expect(build()).to.equal(false);
    expect(build()).to.equal(false);
    expect(runs).to.equal(1);
    for (const s of STAMPS) expect(fs.readFileSync(path.join(root, s), 'utf8')).to.match(/^[0-9a-f]{64}\n$/);
  });

  it('rebuilds when a widget or SDK source, a new source file, the rollup config or the lockfile changes', () => {
    build();
    const changes: (() => void)[] = [
      () => write('widgets/src/feed/ais-feed.ts', 'export const c = 2;'),
      () => write('sdk/src/index.ts', 'export const a = 2;'),
      () => write('widgets/src/wallet/ais-wallet.ts', 'export const d = 1;'),
      () => write('rollup.config.mjs', 'export default [{}];'),
      () => write('package-lock.json', '{"lockfileVersion":3,"packages":{}}'),
    ];
    for (const [i, change] of changes.entries()) {
      change();
      expect(build(), `change ${i}`).to.equal(true);
      expect(build(), `after change ${i}`).to.equal(false);
    }
    expect(runs).to.equal(1 + changes.length);
  });

  it('rebuilds when a bundle or a stamp is missing, and on --force', () => {
    build();
    fs.rmSync(path.join(root, 'widgets/dist'), { recursive: true });
    expect(build()).to.equal(true);
    fs.rmSync(path.join(root, STAMPS[0]!));
    expect(build()).to.equal(true);
    expect(build(true)).to.equal(true);
    expect(runs).to.equal(4);
  });

  it('a failed build leaves no stamp, so the next start builds again', () => {
    build();
    write('sdk/src/index.ts', 'export const a = ;');
    fail = true;
    const exit = process.exit;
    let code: number | undefined;
    process.exit = ((c?: number) => { code = c; throw new Error('exit'); }) as typeof process.exit;
    try {
      expect(() => build()).to.throw('exit');
    } finally {
      process.exit = exit;
    }
    expect(code).to.equal(1);
    for (const s of STAMPS) expect(fs.existsSync(path.join(root, s))).to.equal(false);
    fail = false;
    expect(build()).to.equal(true);
  });
});
