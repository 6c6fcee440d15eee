import { Op, QueryTypes, type Transaction } from 'sequelize';
import { DateTime } from 'luxon';
import { AppError, invalid, notFound } from '../../errors.js';
import { services } from '../../context.js';
import { Category, CreatorRewardDay, GeneratedImage, GenerationJob, Post, RemixOpen, ReuseEvent } from '../../models/index.js';
import { newId } from '../../util/ids.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { track } from '../../analytics/track.js';
import { applyMovement } from '../../ledger/ledger.js';
import { emitUserEvent } from '../../webhooks/events.js';
import type { Principal } from '../../auth/principal.js';
import { RuleBasedEnhancer } from '../../providers/text/index.js';
import { now } from '../../util/clock.js';
import { updateCounters } from '../../community/scoring.js';
import { notify } from '../../community/notify.js';
import { retryOnDeadlock, isUniqueViolation } from '../../db.js';
import { validateId } from '../../community/validate.js';

export interface RemixOpenResult { templatePrompt: string; enhancedPrompt: string; sourcePostId: string; categoryId: string; tier?: string; templateId?: string }
export interface RemixRecordResult { rewarded: boolean; rewardCredits: number; creatorTotalForAsset: number; reuseEventId: string }

const enhancer = new RuleBasedEnhancer();

/** Opens a listed post for remixing: its prompt and an enhanced version. Recorded (no credit, no reward). */
export async function openRemix(p: Principal, postId: string): Promise<RemixOpenResult> {
  const post = await Post.findOne({ where: { id: postId, tenantId: p.tenantId, listed: true } });
  if (!post) throw notFound('post');
  const [category, image] = await Promise.all([
    Category.findOne({ where: { id: post.categoryId, tenantId: p.tenantId }, attributes: ['name', 'style'] }),
    GeneratedImage.findByPk(post.imageId, { attributes: ['tier', 'templateId'] }),
  ]);
  const out = await enhancer.enhance({ prompt: post.promptText, categoryStyle: category?.style ?? category?.name ?? undefined });
  await RemixOpen.create({ id: newId('rmx'), tenantId: p.tenantId, postId: post.id, userId: p.userId });
  void track(p.tenantId, p.userId, 'remix_opened', { postId: post.id, creatorUserId: post.userId });
  return {
    templatePrompt: post.promptText, enhancedPrompt: out.enhancedPrompt, sourcePostId: post.id, categoryId: post.categoryId,
    tier: image?.tier, templateId: image?.templateId ?? undefined,
  };
}

/**
 * Records that the caller's own generated image remixes a post, and rewards the creator (spec 4.3, CONTRACT.md).
 * Eligible image: the caller's, succeeded, billable, credits spent, not refunded, made at/after the caller's first
 * remix/open of this post. The reward is rewards.reuseRewardMilli, at most once per (post, remixer) (a remixer who
 * already earned the creator something earns nothing more), never for the creator's own remix, and clipped to
 * both caps: perAssetCapMilli - post.reward_total and perCreatorDailyCapMilli - the creator's total for today
 * (tenant time zone). Exactness under concurrency: one transaction locks the post row, then the creator's day row
 * (always in that order, so no deadlock cycle), reads both totals under the locks, credits the ledger and bumps
 * both totals before committing. A repeat of the same image returns the first answer unchanged.
 */
export async function recordRemix(p: Principal, postId: string, body: { generatedImageId: string }): Promise<RemixRecordResult> {
  const imageId = validateId('generatedImageId', body?.generatedImageId);
  const img = await GeneratedImage.findOne({ where: { id: imageId, userId: p.userId, tenantId: p.tenantId, deletedAt: null } });
  if (!img) throw notFound('image');
  const config = await getTenantConfig(p.tenantId);
  const run = () => retryOnDeadlock(() => services().db.tx(async (t) => {
    const post = await Post.findOne({ where: { id: postId, tenantId: p.tenantId }, lock: t.LOCK.UPDATE, transaction: t });
    if (!post || !post.listed) throw notFound('post');
    const earlier = await ReuseEvent.findOne({ where: { remixedImageId: img.id }, transaction: t });
    if (earlier) return replay(earlier, post.id);
    await checkEligible(t, p, img, post.id);

    const self = post.userId === p.userId;
    const rewardedBefore = self ? false : !!(await ReuseEvent.findOne({
      where: { sourcePostId: post.id, remixerUserId: p.userId, rewardCredits: { [Op.gt]: 0 } }, attributes: ['id'], transaction: t,
    }));
    const day = DateTime.fromJSDate(now()).setZone(config.timezone || 'Asia/Kolkata').toISODate()!;
    let reward = 0;
    let dayRow: CreatorRewardDay | null = null;
    if (!self && !rewardedBefore) {
      dayRow = await lockCreatorDay(t, p.tenantId, post.userId, day);
      const assetLeft = config.rewards.perAssetCapMilli - post.rewardTotal;
      const dayLeft = config.rewards.perCreatorDailyCapMilli - dayRow.total;
      reward = Math.max(0, Math.min(config.rewards.reuseRewardMilli, assetLeft, dayLeft));
    }
    const eventId = newId('reuse');
    const assetTotalAfter = post.rewardTotal + reward;
    await ReuseEvent.create({
      id: eventId, tenantId: p.tenantId, sourcePostId: post.id, remixerUserId: p.userId, remixedImageId: img.id, creatorUserId: post.userId,
      rewarded: reward > 0, rewardCredits: reward, rewardDay: reward > 0 ? day : null, assetTotalAfter,
    }, { transaction: t });
    if (reward > 0) {
      await applyMovement(t, { tenantId: p.tenantId, userId: post.userId, delta: reward, reason: 'reward', refType: 'reuse', refId: eventId,
        note: `Remix of "${post.title}"`.slice(0, 500) });
      await CreatorRewardDay.update({ total: dayRow!.total + reward }, { where: { creatorUserId: post.userId, day }, transaction: t });
      await notify(t, {
        tenantId: p.tenantId, userId: post.userId, type: 'reward', title: `You earned ${reward / 1000} credits`,
        body: `Someone remixed “${post.title}”.`, data: { postId: post.id, credits: reward / 1000, reuseEventId: eventId },
      });
      await track(p.tenantId, post.userId, 'reward_credited', { postId: post.id, reuseEventId: eventId, amountMilli: reward, remixerUserId: p.userId, day }, t);
      await emitUserEvent(t, p.tenantId, post.userId, 'remix.rewarded', { postId: post.id, reuseEventId: eventId, remixerSub: p.sub, credits: reward / 1000 });
    }
    // Every recorded billable remix by someone else counts as a reuse, even when caps or a repeat remixer make it pay 0.
    await updateCounters(t, post, self ? { rewardTotal: assetTotalAfter } : { reuseCount: post.reuseCount + 1, rewardTotal: assetTotalAfter });
    await track(p.tenantId, p.userId, 'remix_generated', { postId: post.id, imageId: img.id, creatorUserId: post.userId, rewardMilli: reward, self }, t);
    return { rewarded: reward > 0, rewardCredits: reward / 1000, creatorTotalForAsset: assetTotalAfter / 1000, reuseEventId: eventId };
  }));
  try {
    return await run();
  } catch (err) {
    // The same image recorded concurrently (the unique image index let the other call win): answer as a replay.
    if (isUniqueViolation(err)) {
      const earlier = await ReuseEvent.findOne({ where: { remixedImageId: img.id } });
      if (earlier) return replay(earlier, postId);
    }
    throw err;
  }
}

function replay(e: ReuseEvent, postId: string): RemixRecordResult {
  if (e.sourcePostId !== postId) throw new AppError('conflict', 'This image is already recorded as a remix of another post.');
  return { rewarded: e.rewardCredits > 0, rewardCredits: e.rewardCredits / 1000, creatorTotalForAsset: e.assetTotalAfter / 1000, reuseEventId: e.id };
}

async function checkEligible(t: Transaction, p: Principal, img: GeneratedImage, postId: string) {
  if (img.status !== 'succeeded') throw invalid('generatedImageId', `the image has not succeeded (status ${img.status}); only billable generations count as remixes`);
  const job = await GenerationJob.findByPk(img.jobId, { attributes: ['refunded'], transaction: t });
  if (!img.billable || img.creditsSpent <= 0 || job?.refunded) throw invalid('generatedImageId', 'the generation was not billable or was refunded; it does not count as a remix');
  const opened = await RemixOpen.findOne({
    where: { postId, userId: p.userId, createdAt: { [Op.lte]: img.createdAt } }, attributes: ['id'], transaction: t,
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
