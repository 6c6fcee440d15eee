import type { JobQueue } from './jobs/queue.js';

/**
 * Feature modules hook in here at boot: hook listeners (hooks.ts), extra routers (app.addRouter),
 * job definitions and recurring jobs on the queue. Each module exposes one init function.
 */
export async function initModules(_queue: JobQueue) {
  // community, payments, referrals, admin: registered by their modules below.
}
