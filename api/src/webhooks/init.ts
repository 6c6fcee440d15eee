import type { AppContext } from '../context.js';
import { deliverWebhookJob, webhookSweeperJob } from './jobs.js';

/** Webhooks module: the delivery job and the sweeper that re-triggers lost deliveries. */
export async function initWebhooks(ctx: AppContext) {
  ctx.queue.define(deliverWebhookJob);
  ctx.queue.define(webhookSweeperJob);
  await ctx.queue.every(ctx.config.jobs.sweepEvery, webhookSweeperJob, {});
}
