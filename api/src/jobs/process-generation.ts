import crypto from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { services } from '../context.js';
import { GeneratedImage, GenerationJob } from '../models/index.js';
import { applyMovement, isDuplicateMovement } from '../ledger/ledger.js';
import { ProviderError } from '../providers/errors.js';
import { makeThumbnail } from '../images/index.js';
import { StorageError } from '../storage/storage.js';
import { logger } from '../logger.js';
import { track } from '../analytics/track.js';
import { emit } from '../hooks.js';
import { getTenantConfig } from '../tenants/config-store.js';
import type { ImageRequest, Tier } from '../providers/images/types.js';
import { retryOnDeadlock } from '../db.js';
import { jobImageIds, settleJob, type DrawnImage } from './settle-generation.js';
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
  const imageIds = jobImageIds(job);
  await GeneratedImage.update({ status: 'running' }, { where: { id: imageIds, deletedAt: null } });
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
    const config = await getTenantConfig(job.tenantId);
    const provider = instrumentProvider(await services().providers.imageFor(job.tenantId));
    log.info({ provider: provider.name, tier: req.tier, count: imageIds.length, format: req.format ?? 'square' }, 'generation started');
    onProgress(10);
    // The variations are drawn at once; each is stored under its own creation's id. One that fails does not stop
    // the others: the job settles with what succeeded and refunds exactly the share of what did not (settle.ts).
    const shares = imageIds.map(() => 0);
    const outcomes = await Promise.allSettled(imageIds.map(async (imageId, i) => {
      const result = await provider.generate(
        { prompt: req.prompt, tier: req.tier as Tier, width: req.width, height: req.height, styleHint: req.styleHint ?? undefined, seed: imageId,
          format: req.format as ImageRequest['format'] },
        { fallback: config.studio.fallback, onProgress: (pct) => { shares[i] = pct; onProgress(10 + (shares.reduce((x, y) => x + y, 0) / shares.length) * 0.7); } },
      );
      const base = `${job.tenantId}/${job.userId}/${imageId}`;
      const thumb = await makeThumbnail(result.png);
      await services().storage.put(`${base}.png`, result.png, 'image/png');
      await services().storage.put(`${base}.thumb.webp`, thumb, 'image/webp');
      return { imageId, base, result };
    }));
    const drawn: DrawnImage[] = [];
    const lost: { imageId: string; error: unknown }[] = [];
    outcomes.forEach((o, i) => (o.status === 'fulfilled' ? drawn.push(o.value) : lost.push({ imageId: imageIds[i]!, error: o.reason })));
    // Nothing made: the job as a whole is retried or failed and refunded, as a single image always was.
    if (!drawn.length) throw lost[0]!.error;
    for (const l of lost) log.warn({ imageId: l.imageId, err: { message: (l.error as Error)?.message } }, 'one variation failed; its share is refunded');
    onProgress(85);
    const first = await retryOnDeadlock(() => db.tx((t) => settleJob(t, job, token, config, drawn, lost.map((l) => l.imageId))));
    const storage = services().storage;
    const gone = await GeneratedImage.findAll({ where: { id: drawn.map((d) => d.imageId) }, attributes: ['id', 'deletedAt'] });
    // A variation lost to the store may have left its original behind; never referenced, removed best effort.
    for (const l of lost) {
      const base = `${job.tenantId}/${job.userId}/${l.imageId}`;
      if (l.error instanceof StorageError) await Promise.all([storage.delete(`${base}.png`), storage.delete(`${base}.thumb.webp`)]).catch(() => undefined);
    }
    for (const g of gone) {
      if (!g.deletedAt) continue;
      // Best effort: the job has succeeded either way; an unreachable store only leaves an orphan behind.
      const base = `${job.tenantId}/${job.userId}/${g.id}`;
      await Promise.all([storage.delete(`${base}.png`), storage.delete(`${base}.thumb.webp`)]).catch(() => undefined);
    }
    if (!first) {
      // Files of another worker's claim are its own; ours for failed variations are never referenced (best effort cleanup skipped).
      log.warn('lost the claim while rendering; another worker owns the job');
      return 'skipped';
    }
    log.info({ provider: drawn[0]!.result.provider, succeeded: drawn.length, failed: lost.length, refundMilli: first.refund }, 'generation succeeded');
    await emit('generationSucceeded', { tenantId: job.tenantId, userId: job.userId, jobId, imageId: drawn[0]!.imageId, first: first.isFirst });
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
        await GeneratedImage.update({ status: 'queued' }, { where: { id: imageIds, deletedAt: null } });
        return 'retry';
      }
      return 'skipped';
    }
    await failJob(job, token, code, (err as Error).message);
    if (err instanceof StorageError) {
      // The original may have been written before the thumbnail failed. After the refund, and best effort: the store
      // is probably still failing, and a stray object of a failed job is never served.
      const { storage } = services();
      await Promise.all(imageIds.flatMap((id) => {
        const base = `${job.tenantId}/${job.userId}/${id}`;
        return [storage.delete(`${base}.png`), storage.delete(`${base}.thumb.webp`)];
      })).catch(() => undefined);
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
      await GeneratedImage.update({ status: 'failed', billable: false }, { where: { id: jobImageIds(job) }, transaction: t });
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
