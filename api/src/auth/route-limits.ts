import type { Request } from 'express';
import { consume } from '../util/rate-limit.js';
import { budgetOf, type LimitName } from '../util/rate-limits.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { isPrincipal, type Caller } from './principal.js';

/**
 * Limits taken as soon as the caller is known, for routes whose operation has no finer place to take them
 * (generate, enhance, likes, reports and purchase take theirs inside the operation, where refusals and replays
 * give the point back). Keyed by the route template Express matched, so the table reads like the API.
 */
const ROUTE_LIMITS: Record<string, LimitName> = {
  'POST /api/community/publish': 'publish',
  'POST /api/community/:postId/remix/open': 'remix_open',
  'POST /api/community/:postId/remix/record': 'remix_record',
  'POST /api/referrals/claim': 'referral_claim',
  'POST /api/credits/purchase/verify': 'verify',
  'POST /api/credits/sandbox/pay': 'sandbox_pay',
  'POST /api/studio/posters': 'poster',
  'GET /api/me/export': 'data_export',
};

/**
 * Called by authentication once the caller is known: a signed-in user spends the route's budget (if it has
 * one); an anonymous visitor spends its IP's budget of public reads, whatever it reads.
 */
export async function limitCaller(req: Request, caller: Caller): Promise<void> {
  const name: LimitName | undefined = isPrincipal(caller) ? ROUTE_LIMITS[`${req.method} ${String(req.route?.path)}`] : 'anonymous_read';
  if (!name) return;
  const { points, windowSeconds } = budgetOf((await getTenantConfig(caller.tenantId)).limits, name);
  const who = isPrincipal(caller) ? caller.userId : `ip:${caller.ip ?? 'unknown'}`;
  await consume(name, `${caller.tenantId}:${who}`, points, windowSeconds);
}
