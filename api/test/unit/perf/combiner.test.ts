import { expect } from 'chai';
import { Combiner } from '../../../src/util/combiner.js';
import { insertRows } from '../../../src/db.js';

describe('group commit: Combiner', () => {
  it('runs a lone item at once, groups what waits meanwhile, never more than maxInFlight groups or maxGroup items', async () => {
    const groups: number[][] = [];
    let running = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const c = new Combiner<number>({
      maxInFlight: 2, maxGroup: 3,
      run: async (group) => {
        groups.push([...group]);
        most = Math.max(most, ++running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
      },
    });
    c.submit(1);
    c.submit(2);
    expect(groups).to.deep.equal([[1], [2]]);
    for (let i = 3; i <= 9; i++) c.submit(i);
    expect(c.pending).to.deep.equal({ waiting: 7, running: 2 });
    while (gates.length) {
      gates.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    expect(groups).to.deep.equal([[1], [2], [3, 4, 5], [6, 7, 8], [9]]);
    expect(most).to.equal(2);
    expect(c.pending).to.deep.equal({ waiting: 0, running: 0 });
  });
});

describe('insertRows', () => {
  it('multi-row INSERTs in chunks of 16, 8, 4, 2, 1 rows, the values in row order', () => {
    const rows = Array.from({ length: 27 }, (_, i) => [i, `v${i}`]);
    const out = insertRows('t', ['a', 'b'], rows);
    expect(out.map((s) => s.params.length / 2)).to.deep.equal([16, 8, 2, 1]);
    expect(out.flatMap((s) => s.params)).to.deep.equal(rows.flat());
    expect(out[3]!.sql).to.equal('INSERT INTO t (a, b) VALUES (?, ?)');
    expect(out[2]!.sql).to.equal('INSERT INTO t (a, b) VALUES (?, ?), (?, ?)');
    expect(insertRows('t', ['a'], [])).to.deep.equal([]);
  });
});
