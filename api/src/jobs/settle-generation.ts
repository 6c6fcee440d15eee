import type { Transaction } from 'sequelize';
import { services } from '../context.js';
import { GeneratedImage, GenerationJob, User } from '../models/index.js';
import { applyMovement } from '../ledger/ledger.js';
import { logger } from '../logger.js';
import { AppError } from '../errors.js';
import type { TenantConfig } from '../tenants/tenant-config.js';
import type { ImageResult } from '../providers/images/types.js';
import { fallbackImageCost } from '../studio/formats.js';
import { applyRemix } from '../community/remix-reward.js';
import { credits, emitUserEvent } from '../webhooks/events.js';
import { eventValues, trackMany, type EventName } from '../analytics/track.js';

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
 * Answers `settled` unless the claim was lost (another worker owns the job), and in both cases the drawn creations
 * their user deleted meanwhile (`gone`), whose files the caller discards.
 */
export async function settleJob(t: Transaction, job: GenerationJob, token: string, config: TenantConfig, drawn: DrawnImage[], lostIds: string[]):
  Promise<{ settled?: { isFirst: boolean; refund: number }; gone: string[] }> {
  const { db } = services();
  const req = job.request;
  const paid = perImageCost(job);
  const charged = drawn.map((d) => (d.result.fallbackFrom ? fallbackImageCost(config, paid, d.result.provider) : paid));
  const refund = lostIds.length * paid + charged.reduce((sum, c) => sum + (paid - c), 0);
  const fallbackFrom = drawn.find((d) => d.result.fallbackFrom)?.result.fallbackFrom ?? null;
  const now = new Date();
  const inList = (ids: string[]) => ids.map(() => '?').join(', ');
  // Raw statements on the transaction's connection (db.run/db.all): this transaction holds the writers' queue (on
  // SQLite the one writer the acknowledgements wait for), so it is kept to a few cheap statements.
  const { affected: done } = await db.run(t,
    `UPDATE generation_jobs SET status = 'succeeded', progress = 100, provider = ?, fallback_from = ?, refund_milli = ?, finished_at = ?, updated_at = ?,
       heartbeat_at = NULL
     WHERE id = ? AND status = 'running' AND worker_token = ?`,
    [drawn[0]!.result.provider, fallbackFrom, refund, now, now, job.id, token]);
  if (!done) {
    // Another worker owns the job; the caller still discards the files of creations their user deleted meanwhile.
    const rows = await db.all<{ id: string }>(t, `SELECT id FROM generated_images WHERE id IN (${inList(drawn.map((d) => d.imageId))}) AND deleted_at IS NOT NULL`,
      drawn.map((d) => d.imageId));
    return { gone: rows.map((r) => r.id) };
  }
  // An image the user deleted while it was being made keeps its 'deleted' status (the update finds no row); its
  // files are discarded by the caller.
  const gone: string[] = [];
  for (const [i, d] of drawn.entries()) {
    const free = charged[i]! > 0 ? '' : 'billable = ?, ';
    const { affected } = await db.run(t,
      `UPDATE generated_images SET status = 'succeeded', storage_key = ?, thumb_key = ?, width = ?, height = ?, provider = ?, credits_spent = ?, ${free}updated_at = ?
       WHERE id = ? AND deleted_at IS NULL`,
      [`${d.base}.png`, `${d.base}.thumb.webp`, d.result.width, d.result.height, d.result.provider, charged[i]!, ...(free ? [false] : []), now, d.imageId]);
    if (!affected) gone.push(d.imageId);
  }
  if (lostIds.length) {
    await db.run(t, `UPDATE generated_images SET status = 'failed', billable = ?, updated_at = ? WHERE id IN (${inList(lostIds)})`, [false, now, ...lostIds]);
  }
  if (refund > 0) {
    const note = [lostIds.length ? `${lostIds.length} of ${lostIds.length + drawn.length} images failed` : '', fallbackFrom ? `drawn by the fallback (${fallbackFrom} unavailable)` : '']
      .filter(Boolean).join('; ');
    await applyMovement(t, { tenantId: job.tenantId, userId: job.userId, delta: refund, reason: 'refund', refType: 'job', refId: job.id,
      timezone: config.timezone, note: `Refund: ${note}`.slice(0, 500) });
  }
  // First generation decided by the conditional UPDATE itself: of two jobs of one user settling at once, the second
  // waits on the row lock and then matches nothing (a read-then-write let both see NULL on MariaDB).
  const isFirst = (await db.run(t, 'UPDATE users SET first_generation_at = ? WHERE id = ? AND first_generation_at IS NULL', [now, job.userId])).affected === 1;
  await db.run(t, 'UPDATE users SET generation_count = generation_count + ?, last_active_at = ?, updated_at = ? WHERE id = ?',
    [drawn.length, now, now, job.userId]);
  // The analytics rows of the job in one multi-row INSERT (trackMany), in the order track() would write them.
  const events: [EventName, Record<string, unknown>][] = drawn.map((d) => ['image_generated', { jobId: job.id, imageId: d.imageId, tier: req.tier,
    provider: d.result.provider, format: req.format ?? 'square', ...(d.result.fallbackFrom ? { fallback: true, fallbackFrom: d.result.fallbackFrom } : {}) }]);
  if (isFirst) events.push(['first_generation_done', { jobId: job.id }]);
  await trackMany(t, events.map(([name, props]) => eventValues(job.tenantId, job.userId, name, props, now)));
  await emitUserEvent(t, job.tenantId, job.userId, 'generation.succeeded', {
    jobId: job.id, imageId: drawn[0]!.imageId, images: drawn.length, failedImages: lostIds.length, tier: req.tier, format: req.format ?? 'square',
    provider: drawn[0]!.result.provider, credits: credits(job.cost - refund), refundedCredits: credits(refund),
  });
  if (req.remixOf) await recordRemixOf(t, job, config, req.remixOf, drawn[0]!.imageId);
  return { settled: { isFirst, refund }, gone };
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
