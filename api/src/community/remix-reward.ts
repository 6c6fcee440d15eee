import { Op, QueryTypes, type Transaction } from 'sequelize';
import { DateTime } from 'luxon';
import { AppError, invalid, notFound } from '../errors.js';
import { services } from '../context.js';
import { CreatorRewardDay, GeneratedImage, GenerationJob, Post, RemixOpen, ReuseEvent } from '../models/index.js';
import { newId } from '../util/ids.js';
import type { TenantConfig } from '../tenants/tenant-config.js';
import { track } from '../analytics/track.js';
import { applyMovement } from '../ledger/ledger.js';
import { emitUserEvent } from '../webhooks/events.js';
import { now } from '../util/clock.js';
import { updateCounters } from './scoring.js';
import { notify } from './notify.js';

export interface RemixRecordResult { rewarded: boolean; rewardCredits: number; creatorTotalForAsset: number; reuseEventId: string }
/** The remixer: who made the image (the caller of remix/record, or the owner of a generation job with remixOf). */
export interface Remixer { tenantId: string; userId: string; sub: string }

/**
 * The remix rule (spec 4.3, CONTRACT.md), shared by `remix/record` and the generation job that carries `remixOf`
 * (issue 14), in the caller's transaction. Eligible image: the remixer's, succeeded, billable, credits spent, not
 * refunded, made at/after the remixer's first remix/open of this post. The reward is rewards.reuseRewardMilli, at most
 * once per (post, remixer), never for the creator's own remix, and clipped to both caps: perAssetCapMilli -
 * post.reward_total and perCreatorDailyCapMilli - the creator's total for today (tenant time zone). Exactness under
 * concurrency: the post row is locked, then the creator's day row (always in that order, so no deadlock cycle), both
 * totals are read under the locks, the ledger credited and both totals bumped before the commit. An image already
 * recorded (unique remixed_image_id) returns the first answer unchanged: the same image never counts twice.
 */
export async function applyRemix(t: Transaction, who: Remixer, postId: string, img: GeneratedImage, config: TenantConfig): Promise<RemixRecordResult> {
  const post = await Post.findOne({ where: { id: postId, tenantId: who.tenantId }, lock: t.LOCK.UPDATE, transaction: t });
  if (!post || !post.listed) throw notFound('post');
  const earlier = await ReuseEvent.findOne({ where: { remixedImageId: img.id }, transaction: t });
  if (earlier) return replay(earlier, post.id);
  await checkEligible(t, who, img, post.id);

  const self = post.userId === who.userId;
  const rewardedBefore = self ? false : !!(await ReuseEvent.findOne({
    where: { sourcePostId: post.id, remixerUserId: who.userId, rewardCredits: { [Op.gt]: 0 } }, attributes: ['id'], transaction: t,
  }));
  const day = DateTime.fromJSDate(now()).setZone(config.timezone || 'Asia/Kolkata').toISODate()!;
  let reward = 0;
  let dayRow: CreatorRewardDay | null = null;
  if (!self && !rewardedBefore) {
    dayRow = await lockCreatorDay(t, who.tenantId, post.userId, day);
    const assetLeft = config.rewards.perAssetCapMilli - post.rewardTotal;
    const dayLeft = config.rewards.perCreatorDailyCapMilli - dayRow.total;
    reward = Math.max(0, Math.min(config.rewards.reuseRewardMilli, assetLeft, dayLeft));
  }
  const eventId = newId('reuse');
  const assetTotalAfter = post.rewardTotal + reward;
  await ReuseEvent.create({
    id: eventId, tenantId: who.tenantId, sourcePostId: post.id, remixerUserId: who.userId, remixedImageId: img.id, creatorUserId: post.userId,
    rewarded: reward > 0, rewardCredits: reward, rewardDay: reward > 0 ? day : null, assetTotalAfter,
  }, { transaction: t });
  if (reward > 0) {
    await applyMovement(t, { tenantId: who.tenantId, userId: post.userId, delta: reward, reason: 'reward', refType: 'reuse', refId: eventId,
      note: `Remix of "${post.title}"`.slice(0, 500) });
    await CreatorRewardDay.update({ total: dayRow!.total + reward }, { where: { creatorUserId: post.userId, day }, transaction: t });
    await notify(t, {
      tenantId: who.tenantId, userId: post.userId, type: 'reward', title: `You earned ${reward / 1000} credits`,
      body: `Someone remixed “${post.title}”.`, data: { postId: post.id, credits: reward / 1000, reuseEventId: eventId },
    });
    await track(who.tenantId, post.userId, 'reward_credited', { postId: post.id, reuseEventId: eventId, amountMilli: reward, remixerUserId: who.userId, day }, t);
    await emitUserEvent(t, who.tenantId, post.userId, 'remix.rewarded', { postId: post.id, reuseEventId: eventId, remixerSub: who.sub, credits: reward / 1000 });
  }
  // Every recorded billable remix by someone else counts as a reuse, even when caps or a repeat remixer make it pay 0.
  await updateCounters(t, post, self ? { rewardTotal: assetTotalAfter } : { reuseCount: post.reuseCount + 1, rewardTotal: assetTotalAfter });
  await track(who.tenantId, who.userId, 'remix_generated', { postId: post.id, imageId: img.id, creatorUserId: post.userId, rewardMilli: reward, self }, t);
  return { rewarded: reward > 0, rewardCredits: reward / 1000, creatorTotalForAsset: assetTotalAfter / 1000, reuseEventId: eventId };
}

export function replay(e: ReuseEvent, postId: string): RemixRecordResult {
  if (e.sourcePostId !== postId) throw new AppError('conflict', 'This image is already recorded as a remix of another post.');
  return { rewarded: e.rewardCredits > 0, rewardCredits: e.rewardCredits / 1000, creatorTotalForAsset: e.assetTotalAfter / 1000, reuseEventId: e.id };
}

async function checkEligible(t: Transaction, who: Remixer, img: GeneratedImage, postId: string) {
  if (img.status !== 'succeeded') throw invalid('generatedImageId', `the image has not succeeded (status ${img.status}); only billable generations count as remixes`);
  const job = await GenerationJob.findByPk(img.jobId, { attributes: ['refunded'], transaction: t });
  if (!img.billable || img.creditsSpent <= 0 || job?.refunded) throw invalid('generatedImageId', 'the generation was not billable or was refunded; it does not count as a remix');
  const opened = await RemixOpen.findOne({
    where: { postId, userId: who.userId, createdAt: { [Op.lte]: img.createdAt } }, attributes: ['id'], transaction: t,
  });
  if (!opened) throw invalid('generatedImageId', 'the image was made before you opened this post for remixing; open the remix first, then generate');
}

/** Makes sure the creator's row for the day exists, then locks it (SELECT ... FOR UPDATE). */
async function lockCreatorDay(t: Transaction, tenantId: string, creatorUserId: string, day: string): Promise<CreatorRewardDay> {
  const { db } = services();
  const sql = db.dialect === 'mysql'
    ? `INSERT INTO creator_reward_days (creator_user_id, day, tenant_id, total, updated_at) VALUES (:c, :d, :tn, 0, :now)
       ON DUPLICATE KEY UPDATE creator_user_id = creator_user_id`
    : `INSERT INTO creator_reward_days (creator_user_id, day, tenant_id, total, updated_at) VALUES (:c, :d, :tn, 0, :now)
       ON CONFLICT (creator_user_id, day) DO NOTHING`;
  await db.sequelize.query(sql, { replacements: { c: creatorUserId, d: day, tn: tenantId, now: new Date() }, transaction: t, type: QueryTypes.INSERT });
  const row = await CreatorRewardDay.findOne({ where: { creatorUserId, day }, lock: t.LOCK.UPDATE, transaction: t });
  if (!row) throw new Error('creator reward day row missing after upsert');
  return row;
}
