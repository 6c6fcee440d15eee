import { DateTime } from 'luxon';
import { AppError } from '../errors.js';

/** Gini coefficient of non-negative amounts: 0 when everyone has the same, towards 1 when one has it all. */
export function gini(values: number[]): number {
  const xs = values.filter((v) => v >= 0).sort((a, b) => a - b);
  const n = xs.length;
  const sum = xs.reduce((a, b) => a + b, 0);
  if (n === 0 || sum === 0) return 0;
  let weighted = 0;
  xs.forEach((x, i) => { weighted += (i + 1) * x; });
  return round((2 * weighted) / (n * sum) - (n + 1) / n, 4);
}

/** Nearest-rank percentile (p in 0..100) of a list; undefined for an empty list. */
export function percentile(values: number[], p: number): number | undefined {
  if (!values.length) return undefined;
  const xs = [...values].sort((a, b) => a - b);
  return xs[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];
}

export const round = (v: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
export const ratio = (a: number, b: number, digits = 4) => (b > 0 ? round(a / b, digits) : null);

export interface Window { from: Date; to: Date; timezone: string; days: number }

const bad = (field: string, message: string) => new AppError('validation_error', `${field}: ${message}`, { errors: [{ field, message }] });

/**
 * `from`/`to` are calendar days in the partner's time zone (`2025-01-31`, `to` inclusive) or ISO date-times
 * (`to` exclusive). Default: the last 30 days up to now. At most 366 days.
 */
export function parseWindow(q: { from?: string; to?: string }, timezone: string, now = new Date()): Window {
  const parse = (field: string, v: string | undefined, end: boolean): Date | undefined => {
    if (v === undefined || v === '') return undefined;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      const d = DateTime.fromISO(v, { zone: timezone });
      if (!d.isValid) throw bad(field, 'not a valid date');
      return (end ? d.plus({ days: 1 }) : d).startOf('day').toJSDate();
    }
    const d = DateTime.fromISO(v, { zone: timezone });
    if (!d.isValid) throw bad(field, 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time');
    return d.toJSDate();
  };
  const to = parse('to', q.to, true) ?? now;
  const from = parse('from', q.from, false) ?? DateTime.fromJSDate(to).setZone(timezone).minus({ days: 30 }).startOf('day').toJSDate();
  if (from >= to) throw bad('from', 'must be before to');
  const days = (to.getTime() - from.getTime()) / 86_400_000;
  if (days > 366) throw bad('from', 'the window is at most 366 days');
  return { from, to, timezone, days };
}

/** The calendar days of a window in the partner's time zone. */
export function daysOf(w: Window): string[] {
  const out: string[] = [];
  let d = DateTime.fromJSDate(w.from).setZone(w.timezone).startOf('day');
  const end = DateTime.fromJSDate(w.to).setZone(w.timezone);
  while (d < end && out.length < 400) {
    out.push(d.toISODate()!);
    d = d.plus({ days: 1 });
  }
  return out;
}

export const dayOf = (at: Date, timezone: string) => DateTime.fromJSDate(at).setZone(timezone).toISODate()!;

type Cell = string | number | null | undefined;
const cell = (v: Cell) => {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One RFC 4180 CSV line (with its CRLF); cells that a spreadsheet would run as a formula are prefixed with a quote. */
export const csvLine = (row: Cell[]) => `${row.map(cell).join(',')}\r\n`;

/** RFC 4180 CSV of a header and rows (csvLine for each). */
export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map(csvLine).join('');
}
