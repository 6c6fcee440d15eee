import type { AppContext } from '../context.js';
import { initPayments } from './init.js';
import { initReferrals } from '../referrals/init.js';

/** Payments and referrals (one line in modules.ts): webhook and share routers, hook listeners, jobs. */
export async function initPaymentsAndReferrals(ctx: AppContext) {
  await initPayments(ctx);
  await initReferrals(ctx);
}
