import { DateTime } from 'luxon';

/**
 * Tax arithmetic for receipts, in integer paise. With an inclusive rate r %, the taxable value is
 * round(amount × 100 / (100 + r)) and the tax is what remains, so the parts always add up to what was paid.
 * A sale to a consumer whose state is unknown is taxed where the seller is (intra-state), so the tax is shown
 * as CGST and SGST halves (SGST takes the odd paisa). An exclusive rate adds the tax on top of the amount instead.
 */
export interface TaxSplit {
  ratePercent: number;
  inclusive: boolean;
  taxablePaise: number;
  taxPaise: number;
  cgstPaise: number;
  sgstPaise: number;
  totalPaise: number;
}

export function splitTax(amountPaise: number, ratePercent: number, inclusive: boolean): TaxSplit {
  if (!Number.isInteger(amountPaise) || amountPaise < 0) throw new RangeError('amountPaise must be a whole number of paise');
  // Rates such as 18 or 12.5: work in hundredths of a percent so the arithmetic stays in integers.
  const bp = Math.round(ratePercent * 100);
  let taxable: number;
  let tax: number;
  if (inclusive) {
    taxable = bp === 0 ? amountPaise : Math.round((amountPaise * 10_000) / (10_000 + bp));
    tax = amountPaise - taxable;
  } else {
    taxable = amountPaise;
    tax = Math.round((amountPaise * bp) / 10_000);
  }
  const cgst = Math.floor(tax / 2);
  return { ratePercent, inclusive, taxablePaise: taxable, taxPaise: tax, cgstPaise: cgst, sgstPaise: tax - cgst, totalPaise: taxable + tax };
}

/** The Indian financial year (1 April to 31 March) of an instant in the partner's time zone, as "2026-27". */
export function fiscalYear(at: Date, timezone: string): string {
  const d = DateTime.fromJSDate(at).setZone(timezone);
  const start = d.month >= 4 ? d.year : d.year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * A receipt number: prefix, the financial year's two short years and a six-digit sequence, as "AIS/2627/000042".
 * GST invoice numbers may have at most 16 characters of letters, digits, "/" and "-"; prefixes are at most 4
 * characters (checked in the partner configuration), which keeps every number within that limit up to 999,999
 * receipts a year; beyond that the sequence simply grows.
 */
export function receiptNumber(prefix: string, fy: string, seq: number): string {
  const [a, b] = fy.split('-');
  return `${prefix}/${a!.slice(2)}${b}/${String(seq).padStart(6, '0')}`;
}
