import type { AppContext } from './context.js';
import { initPayments } from './payments/init.js';
import { initReferrals } from './referrals/init.js';
import { initCommunity } from './community/init.js';
import { initWebhooks } from './webhooks/init.js';
import { initPrivacy } from './privacy/init.js';
import { initAnalytics } from './analytics/init.js';

/**
 * The feature modules, in the order boot.ts starts them. Each one's init takes the AppContext and adds to it:
 * routers mounted outside tsoa (ctx.routers), hook listeners (hooks.ts), job definitions and recurring jobs
 * (ctx.queue). Controllers reach the modules' use cases through operations/, never through here.
 */
export async function initModules(ctx: AppContext) {
  await initPayments(ctx);
  await initReferrals(ctx);
  await initCommunity(ctx);
  await initWebhooks(ctx);
  await initPrivacy(ctx);
  await initAnalytics(ctx);
}
