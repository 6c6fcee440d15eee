import { QueryTypes, type Transaction } from 'sequelize';
import { services } from '../context.js';
import { GeneratedImage, GenerationJob, User } from '../models/index.js';
import { applyMovement } from '../ledger/ledger.js';
import { track } from '../analytics/track.js';
import { logger } from '../logger.js';
import { AppError } from '../errors.js';
import type { TenantConfig } from '../tenants/tenant-config.js';
import type { ImageResult } from '../providers/images/types.js';
import { fallbackImageCost } from '../studio/formats.js';
import { applyRemix } from '../community/remix-reward.js';
import { credits, emitUserEvent } from '../webhooks/events.js';

export interface DrawnImage { imageId: string; base: string; result: ImageResult }

/** The creations of a job in order: `request.imageIds` (issue 14), or the single `imageId` of older jobs. */
export const jobImageIds = (job: GenerationJob): string[] => (job.request.imageIds?.length ? job.request.imageIds : [job.imageId]);

/** What one image of the job was paid (the debit is count × this); older jobs paid their whole cost for their one image. */
export const perImageCost = (job: GenerationJob): number => job.request.perImageCost ?? Math.round(job.cost / jobImageIds(job).length);

/**
 * Finishes a job that drew at least one image, in one transaction, conditional on still holding the claim:
 * - the job succeeds, saying which provider drew it and, when the fallback stood in, which provider had failed;
 * - each drawn image becomes a succeeded creation charged its price: the tier cost, or the fallback's share of it
 *   (`studio.fallbackPricePercent`); each lost variation becomes a failed, unbillable creation;
 * - ONE refund movement (reason refund, ref job) gives back exactly the lost variations' share plus the fallback
 *   difference. The ledger's unique (refund, job) and the claim make it happen at most once, and failJob (the other
 *   user of that key) cannot run for a job that succeeded.
 * - a `remixOf` job records the remix of its first drawn image under the same rule and caps as remix/record.
 * Returns undefined when the claim was lost (another worker owns the job).
 */
export async function settleJob(t: Transaction, job: GenerationJob, token: string, config: TenantConfig, drawn: DrawnImage[], lostIds: string[]) {
  const { db } = services();
  const req = job.request;
  const paid = perImageCost(job);
  const charged = drawn.map((d) => (d.result.fallbackFrom ? fallbackImageCost(config, paid, d.result.provider) : paid));
  const refund = lostIds.length * paid + charged.reduce((sum, c) => sum + (paid - c), 0);
  const fallbackFrom = drawn.find((d) => d.result.fallbackFrom)?.result.fallbackFrom ?? null;
  const [, done] = (await db.sequelize.query(
    `UPDATE generation_jobs SET status = 'succeeded', progress = 100, provider = :provider, fallback_from = :fallbackFrom, refund_milli = :refund,
       finished_at = :now, updated_at = :now, heartbeat_at = NULL
     WHERE id = :id AND status = 'running' AND worker_token = :token`,
    { replacements: { provider: drawn[0]!.result.provider, fallbackFrom, refund, now: new Date(), id: job.id, token }, type: QueryTypes.UPDATE, transaction: t },
  )) as unknown as [unknown, number];
  if (!done) return undefined;
  for (const [i, d] of drawn.entries()) {
    // An image the user deleted while it was being made keeps its 'deleted' status; its files are discarded by the caller.
    await GeneratedImage.update(
      { status: 'succeeded', storageKey: `${d.base}.png`, thumbKey: `${d.base}.thumb.webp`, width: d.result.width, height: d.result.height,
        provider: d.result.provider, creditsSpent: charged[i]!, ...(charged[i]! > 0 ? {} : { billable: false }) },
      { where: { id: d.imageId, deletedAt: null }, transaction: t },
    );
  }
  if (lostIds.length) await GeneratedImage.update({ status: 'failed', billable: false }, { where: { id: lostIds }, transaction: t });
  if (refund > 0) {
    const note = [lostIds.length ? `${lostIds.length} of ${lostIds.length + drawn.length} images failed` : '', fallbackFrom ? `drawn by the fallback (${fallbackFrom} unavailable)` : '']
      .filter(Boolean).join('; ');
    await applyMovement(t, { tenantId: job.tenantId, userId: job.userId, delta: refund, reason: 'refund', refType: 'job', refId: job.id,
      timezone: config.timezone, note: `Refund: ${note}`.slice(0, 500) });
  }
  const user = await User.findByPk(job.userId, { transaction: t, attributes: ['id', 'firstGenerationAt'] });
  const isFirst = !user?.firstGenerationAt;
  await User.update(
    { generationCount: db.sequelize.literal(`generation_count + ${drawn.length}`), ...(isFirst ? { firstGenerationAt: new Date() } : {}), lastActiveAt: new Date() },
    { where: { id: job.userId }, transaction: t },
  );
  for (const d of drawn) {
    await track(job.tenantId, job.userId, 'image_generated', { jobId: job.id, imageId: d.imageId, tier: req.tier, provider: d.result.provider,
      format: req.format ?? 'square', ...(d.result.fallbackFrom ? { fallback: true, fallbackFrom: d.result.fallbackFrom } : {}) }, t);
  }
  if (isFirst) await track(job.tenantId, job.userId, 'first_generation_done', { jobId: job.id }, t);
  await emitUserEvent(t, job.tenantId, job.userId, 'generation.succeeded', {
    jobId: job.id, imageId: drawn[0]!.imageId, images: drawn.length, failedImages: lostIds.length, tier: req.tier, format: req.format ?? 'square',
    provider: drawn[0]!.result.provider, credits: credits(job.cost - refund), refundedCredits: credits(refund),
  });
  if (req.remixOf) await recordRemixOf(t, job, config, req.remixOf, drawn[0]!.imageId);
  return { isFirst, refund };
}

/**
 * The server records the remix when the job succeeds, so a lost remix/record call no longer costs the creator the
 * reward. An image that no longer qualifies (post unlisted meanwhile, creation deleted, fallback drawn for free) is
 * skipped, not failed: the user's image is made either way. The rule's checks all run before its first write.
 */
async function recordRemixOf(t: Transaction, job: GenerationJob, config: TenantConfig, postId: string, imageId: string) {
  const img = await GeneratedImage.findOne({ where: { id: imageId, deletedAt: null }, transaction: t });
  if (!img) return;
  const owner = await User.findByPk(job.userId, { attributes: ['sub'], transaction: t });
  try {
    await applyRemix(t, { tenantId: job.tenantId, userId: job.userId, sub: owner?.sub ?? '' }, postId, img, config);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    logger().info({ jobId: job.id, postId, code: err.code }, 'remixOf not recorded: the image does not qualify');
  }
}
