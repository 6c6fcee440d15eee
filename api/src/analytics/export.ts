import type { AnalyticsKpis } from './kpis.js';
import { csvLine } from './stats.js';

const DAILY_COLUMNS = ['date', 'signups', 'activeUsers', 'generations', 'failedGenerations', 'remixes', 'creditsSpent', 'rewardCredits', 'revenue', 'paidOrders'] as const;

/**
 * `daily`: one row per day (the chart series). `kpis`: one row per figure, as `section.name,value`.
 * Yields the file line by line, so a response can stream it without building the whole text.
 */
export function* reportCsvLines(r: AnalyticsKpis, table: 'daily' | 'kpis'): Generator<string> {
  if (table === 'daily') {
    yield csvLine([...DAILY_COLUMNS]);
    for (const p of r.daily) yield csvLine(DAILY_COLUMNS.map((c) => p[c]));
    return;
  }
  yield csvLine(['metric', 'value']);
  yield* walk(kpisOf(r), '');
}

function* walk(v: unknown, path: string): Generator<string> {
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const label = x && typeof x === 'object' ? String((x as Record<string, unknown>).band ?? (x as Record<string, unknown>).provider ?? (x as Record<string, unknown>).bucket ?? i) : String(i);
      yield* walk(x, `${path}.${label}`);
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) if (!['band', 'provider', 'bucket'].includes(k)) yield* walk(x, path ? `${path}.${k}` : k);
  } else yield csvLine([path, v as string | number | null]);
}

/** usage and margin repeat other sections, sources describe how it was answered; the CSV lists each metric once. */
function kpisOf(r: AnalyticsKpis) {
  const { daily: _daily, usage: _usage, margin: _margin, sources: _sources, ...kpis } = r as AnalyticsKpis & { sources?: unknown };
  return kpis;
}

/** The whole file as one string (tests, small reports). */
export const reportCsv = (r: AnalyticsKpis, table: 'daily' | 'kpis') => [...reportCsvLines(r, table)].join('');

export function csvFilename(r: AnalyticsKpis, table: string) {
  return `analytics-${table}-${r.window.from.slice(0, 10)}-${r.window.to.slice(0, 10)}.csv`;
}
