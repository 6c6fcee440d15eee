import crypto from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { services } from '../context.js';
import { GeneratedImage, GenerationJob, User } from '../models/index.js';
import { applyMovement, isDuplicateMovement } from '../ledger/ledger.js';
import { ProviderError } from '../providers/errors.js';
import { makeThumbnail } from '../images/index.js';
import { StorageError } from '../storage/storage.js';
import { logger } from '../logger.js';
import { track } from '../analytics/track.js';
import { emit } from '../hooks.js';
import { getTenantConfig } from '../tenants/config-store.js';
import type { Tier } from '../providers/images/types.js';
import { instrumentProvider } from '../metrics/providers.js';
import { credits, emitUserEvent } from '../webhooks/events.js';

/** How long a running job may go without a heartbeat before another worker may take it over. */
export const leaseMs = () => services().config.jobs.leaseMs;
const HEARTBEAT_MS = () => Math.max(200, Math.floor(leaseMs() / 4));

export type ProcessOutcome = 'succeeded' | 'failed' | 'retry' | 'skipped';

/**
 * Runs one generation job. Safe to call any number of times for the same job, from any worker:
 * the conditional claim lets exactly one worker own it at a time, a worker that died loses the
 * claim when its heartbeat goes stale, and success and failure are both conditional on still
 * holding the claim, so a job is never both finished and refunded.
 */
export async function processGeneration(jobId: string, opts: { workerId?: string } = {}): Promise<ProcessOutcome> {
  const { db } = services();
  const token = `${opts.workerId ?? process.pid}:${crypto.randomBytes(6).toString('hex')}`;
  const now = new Date();
  const [, claimed] = (await db.sequelize.query(
    `UPDATE generation_jobs SET status = 'running', attempts = attempts + 1, worker_token = :token, heartbeat_at = :now,
       started_at = COALESCE(started_at, :now), updated_at = :now
     WHERE id = :id AND (status = 'queued' OR (status = 'running' AND heartbeat_at < :stale))`,
    { replacements: { token, now, id: jobId, stale: new Date(now.getTime() - leaseMs()) }, type: QueryTypes.UPDATE },
  )) as unknown as [unknown, number];
  if (!claimed) return 'skipped';
  const job = (await GenerationJob.findByPk(jobId))!;
  const log = logger().child({ jobId, tenantId: job.tenantId, userId: job.userId, attempt: job.attempts });
  if (job.attempts > job.maxAttempts) {
    await failJob(job, token, 'provider_unavailable', 'The job ran out of attempts.');
    return 'failed';
  }
  await GeneratedImage.update({ status: 'running' }, { where: { id: job.imageId, deletedAt: null } });
  const heartbeat = setInterval(() => {
    void GenerationJob.update({ heartbeatAt: new Date() }, { where: { id: jobId, workerToken: token } }).catch(() => undefined);
  }, HEARTBEAT_MS());
  let lastProgress = 0;
  const onProgress = (pct: number) => {
    const p = Math.max(1, Math.min(95, Math.round(pct)));
    if (p - lastProgress < 10) return;
    lastProgress = p;
    log.info({ progress: p }, 'generation progress');
    void GenerationJob.update({ progress: p }, { where: { id: jobId, workerToken: token } }).catch(() => undefined);
  };
  try {
    const req = job.request;
    const provider = instrumentProvider(await services().providers.imageFor(job.tenantId));
    log.info({ provider: provider.name, tier: req.tier }, 'generation started');
    onProgress(10);
    const result = await provider.generate(
      { prompt: req.prompt, tier: req.tier as Tier, width: req.width, height: req.height, styleHint: req.styleHint ?? undefined, seed: job.imageId },
      { onProgress: (p) => onProgress(10 + p * 0.7) },
    );
    onProgress(85);
    const storage = services().storage;
    const base = `${job.tenantId}/${job.userId}/${job.imageId}`;
    const thumb = await makeThumbnail(result.png);
    await storage.put(`${base}.png`, result.png, 'image/png');
    await storage.put(`${base}.thumb.webp`, thumb, 'image/webp');
    const first = await db.tx(async (t) => {
      const [, done] = (await db.sequelize.query(
        `UPDATE generation_jobs SET status = 'succeeded', progress = 100, provider = :provider, finished_at = :now, updated_at = :now, heartbeat_at = NULL
         WHERE id = :id AND status = 'running' AND worker_token = :token`,
        { replacements: { provider: result.provider, now: new Date(), id: jobId, token }, type: QueryTypes.UPDATE, transaction: t },
      )) as unknown as [unknown, number];
      if (!done) return undefined;
      // An image the user deleted while it was being made keeps its 'deleted' status; its files are discarded below.
      await GeneratedImage.update(
        { status: 'succeeded', storageKey: `${base}.png`, thumbKey: `${base}.thumb.webp`, width: result.width, height: result.height, provider: result.provider },
        { where: { id: job.imageId, deletedAt: null }, transaction: t },
      );
      const user = await User.findByPk(job.userId, { transaction: t, attributes: ['id', 'firstGenerationAt'] });
      const isFirst = !user?.firstGenerationAt;
      await User.update(
        { generationCount: db.sequelize.literal('generation_count + 1'), ...(isFirst ? { firstGenerationAt: new Date() } : {}), lastActiveAt: new Date() },
        { where: { id: job.userId }, transaction: t },
      );
      await track(job.tenantId, job.userId, 'image_generated', { jobId, imageId: job.imageId, tier: req.tier, provider: result.provider }, t);
      if (isFirst) await track(job.tenantId, job.userId, 'first_generation_done', { jobId }, t);
      await emitUserEvent(t, job.tenantId, job.userId, 'generation.succeeded', { jobId, imageId: job.imageId, tier: req.tier, credits: credits(job.cost) });
      return { isFirst };
    });
    const after = await GeneratedImage.findByPk(job.imageId, { attributes: ['deletedAt'] });
    if (after?.deletedAt) {
      // Best effort: the job has succeeded either way; an unreachable store only leaves an orphan behind.
      await Promise.all([storage.delete(`${base}.png`), storage.delete(`${base}.thumb.webp`)]).catch(() => undefined);
    }
    if (!first) {
      log.warn('lost the claim while rendering; another worker owns the job');
      return 'skipped';
    }
    log.info({ provider: result.provider }, 'generation succeeded');
    await emit('generationSucceeded', { tenantId: job.tenantId, userId: job.userId, jobId, imageId: job.imageId, first: first.isFirst });
    return 'succeeded';
  } catch (err) {
    const pe = err instanceof ProviderError ? err : undefined;
    // An unreachable image store is temporary like a provider outage: retried, then failed and refunded.
    const code = err instanceof StorageError ? 'storage_unavailable' : pe?.code ?? 'provider_unavailable';
    log.warn({ err: { message: (err as Error).message, code } }, 'generation attempt failed');
    // A refusal or a permanent error (bad key, bad request) fails at once: retrying would only delay the refund.
    const retryable = code !== 'content_policy_violation' && (pe ? pe.retryable : true);
    if (retryable && job.attempts < job.maxAttempts) {
      const [, requeued] = (await db.sequelize.query(
        `UPDATE generation_jobs SET status = 'queued', error_code = :code, error_message = :msg, updated_at = :now, heartbeat_at = NULL
         WHERE id = :id AND status = 'running' AND worker_token = :token`,
        { replacements: { code, msg: String((err as Error).message).slice(0, 500), now: new Date(), id: jobId, token }, type: QueryTypes.UPDATE },
      )) as unknown as [unknown, number];
      if (requeued) {
        await GeneratedImage.update({ status: 'queued' }, { where: { id: job.imageId, deletedAt: null } });
        return 'retry';
      }
      return 'skipped';
    }
    await failJob(job, token, code, (err as Error).message);
    if (err instanceof StorageError) {
      // The original may have been written before the thumbnail failed. After the refund, and best effort: the store
      // is probably still failing, and a stray object of a failed job is never served.
      const base = `${job.tenantId}/${job.userId}/${job.imageId}`;
      const { storage } = services();
      await Promise.all([storage.delete(`${base}.png`), storage.delete(`${base}.thumb.webp`)]).catch(() => undefined);
    }
    return 'failed';
  } finally {
    clearInterval(heartbeat);
  }
}

/** Marks the job failed and refunds its debit, in one transaction; the ledger's unique (refund, job) makes a second refund impossible. */
export async function failJob(job: GenerationJob, token: string | null, code: string, message: string) {
  const { db } = services();
  const config = await getTenantConfig(job.tenantId);
  let refunded = false;
  try {
    refunded = await db.tx(async (t) => {
      const [, changed] = (await db.sequelize.query(
        `UPDATE generation_jobs SET status = 'failed', error_code = :code, error_message = :msg, refunded = :refund, finished_at = :now, updated_at = :now, heartbeat_at = NULL
         WHERE id = :id AND status IN ('running', 'queued') ${token ? 'AND worker_token = :token' : ''}`,
        { replacements: { code, msg: message.slice(0, 500), refund: job.cost > 0, now: new Date(), id: job.id, token }, type: QueryTypes.UPDATE, transaction: t },
      )) as unknown as [unknown, number];
      if (!changed) return false;
      await GeneratedImage.update({ status: 'failed', billable: false }, { where: { id: job.imageId }, transaction: t });
      if (job.cost > 0) {
        await applyMovement(t, { tenantId: job.tenantId, userId: job.userId, delta: job.cost, reason: 'refund', refType: 'job', refId: job.id,
          timezone: config.timezone, note: `Refund: ${code}` });
      }
      await track(job.tenantId, job.userId, 'generation_failed', { jobId: job.id, code }, t);
      await emitUserEvent(t, job.tenantId, job.userId, 'generation.failed', { jobId: job.id, imageId: job.imageId, errorCode: code,
        refundedCredits: credits(job.cost > 0 ? job.cost : 0) });
      return true;
    });
  } catch (err) {
    if (!isDuplicateMovement(err)) throw err;
  }
  if (refunded) {
    logger().info({ jobId: job.id, code }, 'generation failed and was refunded');
    await emit('generationFailed', { tenantId: job.tenantId, userId: job.userId, jobId: job.id, imageId: job.imageId, errorCode: code });
  }
}
