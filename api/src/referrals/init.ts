import { on, off } from '../hooks.js';
import type { HookEvents } from '../hooks.js';
import type { AppContext } from '../context.js';
import { defineJob } from '../jobs/queue.js';
import { noData } from '../jobs/definition.js';
import { logger } from '../logger.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { featureEnabled } from '../tenants/features.js';
import { User } from '../models/index.js';
import { attributeFromToken } from './attribution.js';
import { awardFirstGeneration, isRetained, qualify, runDailyReferralEvaluation } from './rewards.js';
import { now } from '../util/clock.js';
import { shareRouter } from './share-page.js';

export const DAILY_JOB = 'referrals-daily';

const onSignup = async (e: HookEvents['userSignedUp']) => {
  // A partner that switched referrals off attributes nobody, even from a `ref` claim.
  if (!featureEnabled(await getTenantConfig(e.user.tenantId), 'referrals')) return;
  const r = await attributeFromToken(e.user.tenantId, e.user.id, e.claims.ref);
  if (r) logger().info({ userId: e.user.id, status: r.status }, 'referral attributed from token');
};
const onGeneration = async (e: HookEvents['generationSucceeded']) => {
  // One read for every image: most creators were not referred, and then there is nothing to award or qualify.
  const u = await User.findOne({ where: { id: e.userId, tenantId: e.tenantId }, attributes: ['id', 'referredByUserId', 'createdAt', 'generationCount', 'lastActiveAt'] });
  if (!u?.referredByUserId) return;
  await awardFirstGeneration(e.tenantId, e.userId, e.imageId);
  // Retention can only complete on or after day 7; a generation then is the moment it may happen.
  if (isRetained(u, await getTenantConfig(e.tenantId), now())) await qualify(e.tenantId, e.userId, 'retention');
};
const onPurchase = async (e: HookEvents['purchaseCompleted']) => {
  await qualify(e.tenantId, e.userId, 'purchase');
};

const dailyEvaluationJob = defineJob({ name: DAILY_JOB, parse: noData, concurrency: 1, async handler() { await runDailyReferralEvaluation(); } });

/** Hook listeners (signup attribution, first generation, purchase), the share page router and the daily evaluation. */
export async function initReferrals(ctx: AppContext) {
  off('userSignedUp', onSignup); on('userSignedUp', onSignup);
  off('generationSucceeded', onGeneration); on('generationSucceeded', onGeneration);
  off('purchaseCompleted', onPurchase); on('purchaseCompleted', onPurchase);
  ctx.routers.push(shareRouter());
  ctx.queue.define(dailyEvaluationJob);
  await ctx.queue.every('1 day', dailyEvaluationJob, {});
}
