import { computeReport, type AnalyticsReport, type ReportQuery } from '../../analytics/report.js';
import { csvFilename, reportCsvLines } from '../../analytics/export.js';
import { invalid } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';

export type { AnalyticsReport };
export type AnalyticsQuery = ReportQuery;

/** The partner's KPIs and daily series for a window, answered from the daily rollups (analytics/report.ts). */
export async function getAnalytics(admin: Principal, q: AnalyticsQuery): Promise<AnalyticsReport> {
  return computeReport(admin.tenantId, q);
}

/** Checks the CSV table name before any work is done. */
export function csvTable(table: string | undefined): 'daily' | 'kpis' {
  const t = table ?? 'daily';
  if (t !== 'daily' && t !== 'kpis') throw invalid('table', 'must be daily or kpis');
  return t;
}

/** One table of a report as CSV lines (to stream), with the file name to download it under. */
export function exportAnalyticsCsv(report: AnalyticsReport, table: 'daily' | 'kpis'): { filename: string; lines: Iterable<string> } {
  return { filename: csvFilename(report, table), lines: reportCsvLines(report, table) };
}
