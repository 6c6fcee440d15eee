import { expect } from 'chai';
import { monthKey } from '../../../src/ledger/ledger.js';

/** monthKey remembers each zone's current month with its bounds (ledger.ts); the answer must not depend on what was asked before. */
describe('ledger monthKey (cached per zone)', () => {
  it('switches month exactly at local midnight of the 1st, in both directions', () => {
    // Asia/Kolkata is UTC+5:30: December starts at 2026-11-30T18:30:00Z.
    expect(monthKey('Asia/Kolkata', new Date('2026-11-30T18:29:59.999Z'))).to.equal('2026-11');
    expect(monthKey('Asia/Kolkata', new Date('2026-11-30T18:30:00.000Z'))).to.equal('2026-12');
    expect(monthKey('Asia/Kolkata', new Date('2026-11-30T18:29:59.999Z'))).to.equal('2026-11');
    expect(monthKey('Asia/Kolkata', new Date('2026-12-31T18:30:00.000Z'))).to.equal('2027-01');
  });

  it('keeps zones apart and follows daylight saving', () => {
    expect(monthKey('UTC', new Date('2026-03-31T23:59:59.999Z'))).to.equal('2026-03');
    expect(monthKey('America/New_York', new Date('2026-04-01T03:59:59.999Z'))).to.equal('2026-03');
    expect(monthKey('America/New_York', new Date('2026-04-01T04:00:00.000Z'))).to.equal('2026-04');
    expect(monthKey('America/New_York', new Date('2026-12-01T04:59:59.999Z'))).to.equal('2026-11');
    expect(monthKey('UTC', new Date('2026-04-01T00:00:00.000Z'))).to.equal('2026-04');
  });
});
