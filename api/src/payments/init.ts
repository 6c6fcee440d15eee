import type { AppContext } from '../context.js';
import { defineJob } from '../jobs/queue.js';
import { noData } from '../jobs/definition.js';
import { paymentsWebhookRouter } from './webhook-router.js';
import { RECONCILE_JOB, reconcilePendingOrders } from './reconcile.js';

const reconcileJob = defineJob({ name: RECONCILE_JOB, parse: noData, concurrency: 1, async handler() { await reconcilePendingOrders(); } });

/** Webhook router and the reconciliation job (every 5 minutes on workers). */
export async function initPayments(ctx: AppContext) {
  ctx.routers.push(paymentsWebhookRouter());
  ctx.queue.define(reconcileJob);
  await ctx.queue.every('5 minutes', reconcileJob, {});
}
