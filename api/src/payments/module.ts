import type { JobQueue } from '../jobs/queue.js';
import { initPayments } from './init.js';
import { initReferrals } from '../referrals/init.js';

/** Payments and referrals (one line in modules.ts): webhook and share routers, hook listeners, jobs. */
export async function initPaymentsAndReferrals(queue: JobQueue) {
  await initPayments(queue);
  await initReferrals(queue);
}
