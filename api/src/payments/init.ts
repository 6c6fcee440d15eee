import type { AppContext } from '../context.js';
import { paymentsWebhookRouter } from './webhook-router.js';
import { RECONCILE_JOB, reconcilePendingOrders } from './reconcile.js';

/** Webhook router and the reconciliation job (every 5 minutes on workers). */
export async function initPayments(ctx: AppContext) {
  ctx.routers.push(paymentsWebhookRouter());
  ctx.queue.define(RECONCILE_JOB, async () => { await reconcilePendingOrders(); }, { concurrency: 1 });
  await ctx.queue.every('5 minutes', RECONCILE_JOB);
}
