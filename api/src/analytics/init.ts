import type { AppContext } from '../context.js';
import { analyticsRollupJob } from './jobs.js';

/** Analytics module: the hourly daily-rollup job (and the retention of analytics events it applies). */
export async function initAnalytics(ctx: AppContext) {
  ctx.queue.define(analyticsRollupJob);
  await ctx.queue.every('1 hour', analyticsRollupJob, {});
}
