import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { processCache, processSet, onResetForTests, resetForTests } from '../../src/util/process-cache.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
const sources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const p = path.join(dir, e.name);
  if (e.isDirectory()) return e.name === 'generated' ? [] : sources(p);
  return p.endsWith('.ts') ? [p] : [];
});

/**
 * One reset for the whole process (util/process-cache.ts): a module cache a test could leak into the next one is
 * declared through processCache()/processSet() or registers onResetForTests(). These checks keep it that way.
 */
describe('process state: one resetForTests()', () => {
  it('empties every cache declared through it', () => {
    const m = processCache<string, number>();
    const s = processSet<string>();
    let snapshot: string | undefined = 'cached';
    onResetForTests(() => { snapshot = undefined; });
    m.set('a', 1); s.add('b');
    resetForTests();
    expect(m.size).to.equal(0);
    expect(s.size).to.equal(0);
    expect(snapshot).to.equal(undefined);
  });

  it('no module keeps an empty Map or Set of its own at top level (they go through processCache/processSet)', () => {
    const offenders: string[] = [];
    for (const file of sources(SRC)) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^(export )?(const|let) \w+(: .+?)? = new (Map|Set|WeakMap)(<.*>)?\(\);?\s*$/.test(line)) offenders.push(`${path.relative(SRC, file)}:${i + 1}`);
      });
    }
    expect(offenders).to.deep.equal([]);
  });

  // The context and the logger are set by boot; the others are test overrides, restored by the test that sets them.
  const NOT_CACHES = ['context.ts', 'logger.ts', 'util/clock.ts', 'admin/ssrf.ts', 'operations/community/feed.ts'];
  it('every other module-level `let` is a cache that resetForTests empties', () => {
    const offenders: string[] = [];
    for (const file of sources(SRC)) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(SRC, file);
      if (NOT_CACHES.includes(rel)) continue;
      if (/^(export )?let /m.test(text) && !text.includes('onResetForTests(')) offenders.push(rel);
    }
    expect(offenders).to.deep.equal([]);
  });
});
