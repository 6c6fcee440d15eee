import { addRouter } from '../app.js';
import { defineJob, type JobQueue } from '../jobs/queue.js';
import { noData } from '../jobs/definition.js';
import { paymentsWebhookRouter } from './webhook-router.js';
import { RECONCILE_JOB, reconcilePendingOrders } from './reconcile.js';

const reconcileJob = defineJob({ name: RECONCILE_JOB, parse: noData, concurrency: 1, async handler() { await reconcilePendingOrders(); } });
let router: ReturnType<typeof paymentsWebhookRouter> | undefined;

/** Webhook router and the reconciliation job (every 5 minutes on workers). */
export async function initPayments(queue: JobQueue) {
  router ??= paymentsWebhookRouter();
  addRouter(router);
  queue.define(reconcileJob);
  await queue.every('5 minutes', reconcileJob, {});
}
