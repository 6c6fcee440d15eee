import crypto from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
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
import { ThrottledProgress } from './job-progress.js';

/** How long a running job may go without a heartbeat before another worker may take it over. */
export const leaseMs = () => services().config.jobs.leaseMs;
const HEARTBEAT_MS = () => Math.max(200, Math.floor(leaseMs() / 4));
/** The progress a claimed job shows at once (written by the claim). */
export const STARTED_PROGRESS = 10;
/** A running job writes its progress at most this often (the last value always, unless the job settles first). */
export const PROGRESS_WRITE_MS = 1000;

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
  // The job's fixed fields (request, images, cost) are read before the claim, outside the writers' queue; a job that
  // is already finished is not claimed at all. The claim itself decides who runs it.
  const job = await GenerationJob.findByPk(jobId);
  if (!job || job.status === 'succeeded' || job.status === 'failed') return 'skipped';
  const imageIds = jobImageIds(job);
  const claim = await retryOnDeadlock(() => db.tx((t) => claimJob(t, job, imageIds, token)));
  if (!claim) return 'skipped';
  job.attempts = claim.attempts;
  job.maxAttempts = claim.maxAttempts;
  job.workerToken = token;
  const log = logger().child({ jobId, tenantId: job.tenantId, userId: job.userId, attempt: job.attempts });
  if (job.attempts > job.maxAttempts) {
    await failJob(job, token, 'provider_unavailable', 'The job ran out of attempts.');
    return 'failed';
  }
  const heartbeat = setInterval(() => {
    void GenerationJob.update({ heartbeatAt: new Date() }, { where: { id: jobId, workerToken: token } }).catch(() => undefined);
  }, HEARTBEAT_MS());
  // The claim stored STARTED_PROGRESS; later values are throttled (job-progress.ts), and only while the job is ours and running.
  const progress = new ThrottledProgress((p) => GenerationJob.update({ progress: p }, { where: { id: jobId, workerToken: token, status: 'running' } }),
    PROGRESS_WRITE_MS, STARTED_PROGRESS);
  let lastProgress = 0;
  const onProgress = (pct: number) => {
    const p = Math.max(1, Math.min(95, Math.round(pct)));
    if (p - lastProgress < 10) return;
    lastProgress = p;
    log.info({ progress: p }, 'generation progress');
    progress.report(p);
  };
  try {
    const req = job.request;
    const config = await getTenantConfig(job.tenantId);
    const provider = instrumentProvider(await services().providers.imageFor(job.tenantId));
    log.info({ provider: provider.name, tier: req.tier, count: imageIds.length, format: req.format ?? 'square' }, 'generation started');
    onProgress(STARTED_PROGRESS);
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
    // Nothing more is written; a progress write already started is conditional on the job running under our claim.
    progress.stop();
    const { settled: first, gone } = await retryOnDeadlock(() => db.tx((t) => settleJob(t, job, token, config, drawn, lost.map((l) => l.imageId))));
    const storage = services().storage;
    // A variation lost to the store may have left its original behind; never referenced, removed best effort.
    for (const l of lost) {
      const base = `${job.tenantId}/${job.userId}/${l.imageId}`;
      if (l.error instanceof StorageError) await Promise.all([storage.delete(`${base}.png`), storage.delete(`${base}.thumb.webp`)]).catch(() => undefined);
    }
    for (const id of gone) {
      // Deleted by its user while it was being made. Best effort: the job has succeeded either way; an unreachable
      // store only leaves an orphan behind.
      const base = `${job.tenantId}/${job.userId}/${id}`;
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
    progress.stop();
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
    progress.stop();
  }
}

/**
 * The claim, in one short transaction of raw statements (one wait in the writers' queue instead of three): the job
 * becomes ours (queued, or running with a stale heartbeat), shows STARTED_PROGRESS, and its creations show running.
 * Answers the attempts after the claim, or undefined when another worker holds the job or it is finished.
 */
async function claimJob(t: Transaction, job: GenerationJob, imageIds: string[], token: string) {
  const { db } = services();
  const now = new Date();
  // `progress` is assigned before `attempts`: MySQL evaluates SET left to right (SQLite reads the old row throughout),
  // so both compare the attempts before this claim. A job out of attempts keeps its progress and is failed below.
  const { affected } = await db.run(t,
    `UPDATE generation_jobs SET status = 'running', progress = CASE WHEN attempts < max_attempts THEN ? ELSE progress END,
       attempts = attempts + 1, worker_token = ?, heartbeat_at = ?, started_at = COALESCE(started_at, ?), updated_at = ?
     WHERE id = ? AND (status = 'queued' OR (status = 'running' AND heartbeat_at < ?))`,
    [STARTED_PROGRESS, token, now, now, now, job.id, new Date(now.getTime() - leaseMs())]);
  if (!affected) return undefined;
  const [row] = await db.all<{ attempts: number; max_attempts: number }>(t, 'SELECT attempts, max_attempts FROM generation_jobs WHERE id = ?', [job.id]);
  const claim = { attempts: Number(row!.attempts), maxAttempts: Number(row!.max_attempts) };
  if (claim.attempts <= claim.maxAttempts) {
    await db.run(t, `UPDATE generated_images SET status = 'running', updated_at = ? WHERE id IN (${imageIds.map(() => '?').join(', ')}) AND deleted_at IS NULL`,
      [now, ...imageIds]);
  }
  return claim;
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
