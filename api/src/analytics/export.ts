import type { AnalyticsReport } from './kpis.js';
import { toCsv } from './stats.js';

const DAILY_COLUMNS = ['date', 'signups', 'activeUsers', 'generations', 'failedGenerations', 'remixes', 'creditsSpent', 'rewardCredits', 'revenue', 'paidOrders'] as const;

/** `daily`: one row per day (the chart series). `kpis`: one row per figure, as `section.name,value`. */
export function reportCsv(r: AnalyticsReport, table: 'daily' | 'kpis'): string {
  if (table === 'daily') return toCsv([...DAILY_COLUMNS], r.daily.map((p) => DAILY_COLUMNS.map((c) => p[c])));
  const rows: (string | number | null)[][] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        const label = x && typeof x === 'object' ? String((x as Record<string, unknown>).band ?? (x as Record<string, unknown>).provider ?? (x as Record<string, unknown>).bucket ?? i) : String(i);
        walk(x, `${path}.${label}`);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (!['band', 'provider', 'bucket'].includes(k)) walk(x, path ? `${path}.${k}` : k);
    } else rows.push([path, v as string | number | null]);
  };
  // usage and margin repeat other sections; the CSV lists each metric once.
  const { daily: _daily, usage: _usage, margin: _margin, ...kpis } = r;
  walk(kpis, '');
  return toCsv(['metric', 'value'], rows);
}

export function csvFilename(r: AnalyticsReport, table: string) {
  return `analytics-${table}-${r.window.from.slice(0, 10)}-${r.window.to.slice(0, 10)}.csv`;
}
