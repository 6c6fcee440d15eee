import { addRouter } from '../app.js';
import type { JobQueue } from '../jobs/queue.js';
import { paymentsWebhookRouter } from './webhook-router.js';
import { RECONCILE_JOB, reconcilePendingOrders } from './reconcile.js';

let router: ReturnType<typeof paymentsWebhookRouter> | undefined;

/** Webhook router and the reconciliation job (every 5 minutes on workers). */
export async function initPayments(queue: JobQueue) {
  router ??= paymentsWebhookRouter();
  addRouter(router);
  queue.define(RECONCILE_JOB, async () => { await reconcilePendingOrders(); }, { concurrency: 1 });
  await queue.every('5 minutes', RECONCILE_JOB);
}
