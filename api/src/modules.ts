import type { JobQueue } from './jobs/queue.js';
import { initPayments } from './payments/init.js';
import { initReferrals } from './referrals/init.js';
import { initAdmin } from './admin/init.js';
import { initCommunity } from './community/init.js';

/**
 * Feature modules hook in here at boot: hook listeners (hooks.ts), extra routers (app.addRouter),
 * job definitions and recurring jobs on the queue. Each module exposes one init function.
 */
export async function initModules(queue: JobQueue) {
  await initPayments(queue);
  await initReferrals(queue);
  await initAdmin();
  await initCommunity(queue);
  // community, payments, referrals, admin: registered by their modules below.
}
