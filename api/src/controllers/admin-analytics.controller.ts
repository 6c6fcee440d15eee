import type { Request as ExRequest } from 'express';
import { Controller, Get, OperationId, Produces, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { Readable } from 'node:stream';
import { csvTable, exportAnalyticsCsv, getAnalytics, type AnalyticsReport } from '../operations/admin/get-analytics.js';
import type { Problem } from './problem.js';

/** The CSV as a stream of lines (tsoa pipes it to the response with backpressure), never the whole file at once. */
function csvStream(c: Controller, r: AnalyticsReport, table: 'daily' | 'kpis'): Readable {
  const { filename, lines } = exportAnalyticsCsv(r, table);
  c.setStatus(200);
  c.setHeader('Content-Type', 'text/csv; charset=utf-8');
  c.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  c.setHeader('Cache-Control', 'no-store');
  return Readable.from(lines);
}

@Route('api/admin')
@Tags('Admin')
@Security('jwt', ['admin', 'finance'])
export class AdminAnalyticsController extends Controller {
  /**
   * The KPIs of the spec (activation, engagement, reuse, conversion, ARPPU, credits, rewards and their Gini,
   * referral funnel, provider spend and margin, error rate, generate-ack p95) and a daily series, for
   * `from`..`to` (days in the partner's time zone, `to` inclusive, or ISO date-times; default the last 30 days).
   * Money in rupees, credits in credits. `format=csv` answers the CSV export instead (see analytics.csv).
   * Also ARPPU uplift against a baseline period (`baselineFrom`..`baselineTo`, same formats; default the period of the
   * same length just before the window) and LTV/CAC (CAC from the partner's `acquisition.costPerUser`).
   * Whole past days are read from daily rollups; today and partial days are computed live.
   * @summary Read the analytics report
   */
  @Get('analytics')
  @OperationId('adminGetAnalytics')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden')
  public async analytics(@Request() req: ExRequest, @Query() from?: string, @Query() to?: string, @Query() format?: 'json' | 'csv',
    @Query() table?: 'daily' | 'kpis', @Query() baselineFrom?: string, @Query() baselineTo?: string): Promise<AnalyticsReport> {
    const t = format === 'csv' ? csvTable(table) : 'daily';
    const report = await getAnalytics(req.user as Principal, { from, to, baselineFrom, baselineTo });
    if (format === 'csv') return csvStream(this, report, t) as unknown as AnalyticsReport;
    return report;
  }

  /**
   * CSV download (Content-Disposition attachment): `table=daily` (default, one row per day) or `table=kpis` (metric,value).
   * @summary Download the analytics as CSV
   */
  @Get('analytics.csv')
  @OperationId('adminGetAnalyticsCsv')
  @Produces('text/csv')
  @SuccessResponse(200, 'The CSV file (text/csv)')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden')
  public async analyticsCsv(@Request() req: ExRequest, @Query() from?: string, @Query() to?: string, @Query() table?: 'daily' | 'kpis',
    @Query() baselineFrom?: string, @Query() baselineTo?: string): Promise<Readable> {
    const t = csvTable(table);
    return csvStream(this, await getAnalytics(req.user as Principal, { from, to, baselineFrom, baselineTo }), t);
  }
}
