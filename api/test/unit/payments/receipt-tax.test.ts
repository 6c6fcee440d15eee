import { expect } from 'chai';
import { fiscalYear, receiptNumber, splitTax } from '../../../src/receipts/tax.js';

describe('receipt tax arithmetic', () => {
  it('splits an inclusive 18 % so the parts add up to what was paid', () => {
    for (const amount of [1, 99, 500, 4750, 5000, 47_500, 1_23_456_78]) {
      const s = splitTax(amount, 18, true);
      expect(s.taxablePaise + s.taxPaise).to.equal(amount);
      expect(s.cgstPaise + s.sgstPaise).to.equal(s.taxPaise);
      expect(s.sgstPaise - s.cgstPaise).to.be.within(0, 1);
      expect(Math.abs(s.taxablePaise * 1.18 - amount)).to.be.at.most(1);
    }
    expect(splitTax(5000, 18, true)).to.include({ taxablePaise: 4237, taxPaise: 763, cgstPaise: 381, sgstPaise: 382, totalPaise: 5000 });
  });

  it('adds an exclusive rate on top, and a zero rate has no tax', () => {
    expect(splitTax(10_000, 18, false)).to.include({ taxablePaise: 10_000, taxPaise: 1800, totalPaise: 11_800 });
    expect(splitTax(10_000, 12.5, false)).to.include({ taxPaise: 1250 });
    expect(splitTax(777, 0, true)).to.include({ taxablePaise: 777, taxPaise: 0, cgstPaise: 0, sgstPaise: 0 });
  });

  it('names the Indian financial year in the partner\'s time zone', () => {
    expect(fiscalYear(new Date('2026-04-01T00:00:00+05:30'), 'Asia/Kolkata')).to.equal('2026-27');
    // 31 March 23:00 in India is still the old year, though UTC has it as 17:30 on the 31st.
    expect(fiscalYear(new Date('2026-03-31T23:00:00+05:30'), 'Asia/Kolkata')).to.equal('2025-26');
    // 1 April 01:00 in India is the new year while UTC still says 31 March.
    expect(fiscalYear(new Date('2026-03-31T19:30:00Z'), 'Asia/Kolkata')).to.equal('2026-27');
    expect(fiscalYear(new Date('2099-12-31T12:00:00Z'), 'UTC')).to.equal('2099-00');
  });

  it('writes numbers within GST\'s 16 characters', () => {
    expect(receiptNumber('AIS', '2026-27', 42)).to.equal('AIS/2627/000042');
    expect(receiptNumber('ABCD', '2026-27', 999_999)).to.have.length(16);
  });
});
