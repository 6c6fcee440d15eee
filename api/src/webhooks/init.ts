import type { AppContext } from '../context.js';
import { deliverWebhookJob, webhookPruneJob, webhookSweeperJob } from './jobs.js';

/** Webhooks module: the delivery job, the sweeper that re-triggers lost deliveries, and the daily pruning of old history. */
export async function initWebhooks(ctx: AppContext) {
  ctx.queue.define(deliverWebhookJob);
  ctx.queue.define(webhookSweeperJob);
  ctx.queue.define(webhookPruneJob);
  await ctx.queue.every(ctx.config.jobs.sweepEvery, webhookSweeperJob, {});
  await ctx.queue.every('1 day', webhookPruneJob, {});
}
