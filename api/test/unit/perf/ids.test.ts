import { expect } from 'chai';
import { newId } from '../../../src/util/ids.js';

/** Ids come from a pooled CSPRNG buffer (util/ids.ts): each is 12 fresh bytes, none repeats across refills. */
describe('newId: pooled random bytes', () => {
  it('keeps its shape: prefix, underscore, 16 base64url characters (12 bytes)', () => {
    expect(newId('job')).to.match(/^job_[A-Za-z0-9_-]{16}$/);
  });

  it('never repeats an id across many refills of the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(newId('img'));
    expect(seen.size).to.equal(20_000);
  });

  it('ids drawn one after another share no bytes (each takes its own slice)', () => {
    const a = Buffer.from(newId('x').slice(2), 'base64url');
    const b = Buffer.from(newId('x').slice(2), 'base64url');
    expect(a.length).to.equal(12);
    expect(a.equals(b)).to.equal(false);
  });
});
