import type { Request as ExRequest, Response as ExResponse } from 'express';
import { Controller, Get, OperationId, Produces, Query, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { Principal } from '../auth/principal.js';
import { exportAnalyticsCsv, getAnalytics, type AnalyticsReport } from '../operations/admin/get-analytics.js';
import type { Problem } from './problem.js';

function sendCsv(req: ExRequest, r: AnalyticsReport, table: string | undefined) {
  const { filename, csv } = exportAnalyticsCsv(r, table);
  const res = req.res as ExResponse;
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(csv);
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
   * @summary Read the analytics report
   */
  @Get('analytics')
  @OperationId('adminGetAnalytics')
  @Response<Problem>(400, 'validation_error') @Response<Problem>(403, 'forbidden')
  public async analytics(@Request() req: ExRequest, @Query() from?: string, @Query() to?: string, @Query() format?: 'json' | 'csv',
    @Query() table?: 'daily' | 'kpis'): Promise<AnalyticsReport> {
    const report = await getAnalytics(req.user as Principal, { from, to });
    if (format === 'csv') {
      sendCsv(req, report, table);
      return undefined as unknown as AnalyticsReport;
    }
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
  public async analyticsCsv(@Request() req: ExRequest, @Query() from?: string, @Query() to?: string, @Query() table?: 'daily' | 'kpis'): Promise<void> {
    sendCsv(req, await getAnalytics(req.user as Principal, { from, to }), table);
  }
}
