import { computeAnalytics, type AnalyticsReport } from '../../analytics/kpis.js';
import { csvFilename, reportCsv } from '../../analytics/export.js';
import { invalid } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';

export type { AnalyticsReport };
export interface AnalyticsQuery { from?: string; to?: string }

/** The partner's KPIs and daily series for a window (analytics/kpis.ts computes them). */
export async function getAnalytics(admin: Principal, q: AnalyticsQuery): Promise<AnalyticsReport> {
  return computeAnalytics(admin.tenantId, q);
}

/** One table of a report as CSV, with the file name to download it under. */
export function exportAnalyticsCsv(report: AnalyticsReport, table: string | undefined): { filename: string; csv: string } {
  const t = table ?? 'daily';
  if (t !== 'daily' && t !== 'kpis') throw invalid('table', 'must be daily or kpis');
  return { filename: csvFilename(report, t), csv: reportCsv(report, t) };
}
