import { Agenda, type Job } from 'agenda';
import { randomUUID } from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import { services } from '../context.js';
import { SequelizeBackend } from './sql-backend/index.js';
import { toRow } from './sql-backend/job-row.js';
import { processGeneration, leaseMs } from './process-generation.js';
import { GenerationJob } from '../models/index.js';
import { logger } from '../logger.js';
import { requestContext } from '../request-context.js';
import { timeJob } from '../metrics/jobs.js';

/**
 * The job system: Agenda 6 over our SQL backend, so jobs live in the ledger's database.
 * The generation_jobs row is the source of truth; the Agenda job is only the trigger. A sweeper
 * re-triggers jobs whose trigger was lost (process died between commit and enqueue, or mid-run).
 */
export interface JobQueue {
  enqueueGeneration(jobId: string, delayMs?: number): Promise<void>;
  /**
   * Writes the job's trigger in the caller's transaction, so it exists exactly when the generation_jobs row does
   * (nothing to lose between commit and enqueue) and the request commits once instead of twice.
   */
  enqueueGenerationInTx(t: Transaction, jobId: string): Promise<void>;
  /** Other modules add recurring or one-off jobs (payments reconciliation, referral evaluation). */
  define(name: string, handler: (data: Record<string, unknown>) => Promise<void>, opts?: { concurrency?: number }): void;
  every(interval: string, name: string, data?: Record<string, unknown>): Promise<void>;
  now(name: string, data: Record<string, unknown>): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  agenda: Agenda;
}

/** Delays before a retry after attempt 1, 2, ...; JOB_RETRY_DELAYS_MS ("50,50,50") shortens them for tests. */
export function retryDelaysMs(env: NodeJS.ProcessEnv = process.env): number[] {
  const parsed = (env.JOB_RETRY_DELAYS_MS ?? '').split(',').map((v) => Number(v.trim())).filter((n) => Number.isInteger(n) && n >= 0);
  return parsed.length ? parsed : [1000, 5000, 20000];
}
/** How often a worker looks for jobs whose trigger was lost or whose worker died; JOB_SWEEP_EVERY ("2 seconds") for tests. */
const sweepEvery = () => process.env.JOB_SWEEP_EVERY || '30 seconds';

export function createQueue(opts: { worker: boolean; concurrency: number; pollMs: number; name?: string }): JobQueue {
  const { db } = services();
  const backend = new SequelizeBackend({ sequelize: db.sequelize });
  const agenda = new Agenda({
    backend,
    name: opts.name ?? `worker-${process.pid}`,
    processEvery: opts.pollMs,
    maxConcurrency: opts.concurrency * 2,
    defaultConcurrency: opts.concurrency,
    defaultLockLifetime: Math.max(leaseMs() * 2, 10000),
  });
  const recurring: { interval: string; name: string; data?: Record<string, unknown> }[] = [];

  agenda.define('generate-image', async (job: Job) => {
    const { jobId } = job.attrs.data as { jobId: string };
    await requestContext.run({ requestId: `job:${jobId}`, jobId }, async () => {
      const outcome = await timeJob('generate-image', () => processGeneration(jobId, { workerId: opts.name }));
      if (outcome === 'retry') {
        const row = await GenerationJob.findByPk(jobId, { attributes: ['attempts'] });
        const delays = retryDelaysMs();
        const delay = delays[Math.min((row?.attempts ?? 1) - 1, delays.length - 1)]!;
        await queue.enqueueGeneration(jobId, delay);
      }
    });
  }, { concurrency: opts.concurrency, lockLifetime: Math.max(leaseMs() * 2, 10000) });

  agenda.define('generation-sweeper', async () => {
    // Queued jobs nobody picked up (trigger lost) and running jobs whose worker stopped heartbeating.
    const stale = new Date(Date.now() - leaseMs());
    const rows = await GenerationJob.findAll({
      attributes: ['id'],
      where: { [Op.or]: [{ status: 'queued', updatedAt: { [Op.lt]: stale } }, { status: 'running', heartbeatAt: { [Op.lt]: stale } }] },
      limit: 200,
    });
    for (const r of rows) await processGeneration(r.id, { workerId: `${opts.name ?? process.pid}-sweeper` });
    if (rows.length) logger().info({ count: rows.length }, 'sweeper re-ran stale generation jobs');
  });

  const queue: JobQueue = {
    agenda,
    async enqueueGeneration(jobId, delayMs) {
      if (delayMs) await agenda.schedule(new Date(Date.now() + delayMs), 'generate-image', { jobId });
      else await agenda.now('generate-image', { jobId });
    },
    async enqueueGenerationInTx(t, jobId) {
      // The same row agenda.now() saves (Job.toJson through the backend's own row mapping), in our transaction.
      const job = agenda.create('generate-image', { jobId });
      job.schedule(new Date());
      const row = toRow(job.toJson(true));
      await backend.repository.model.create({ ...row, lastModifiedBy: agenda.attrs.name || null, id: randomUUID(), dedupeKey: null }, { transaction: t });
    },
    define(name, handler, o) {
      agenda.define(name, async (job: Job) => {
        await requestContext.run({ requestId: `job:${name}:${String(job.attrs._id ?? '')}` }, () => timeJob(name, () => handler((job.attrs.data ?? {}) as Record<string, unknown>)));
      }, o);
    },
    async every(interval, name, data) {
      recurring.push({ interval, name, data });
      if (opts.worker && started) await agenda.every(interval, name, data ?? {});
    },
    async now(name, data) { await agenda.now(name, data); },
    async start() {
      if (!opts.worker) return;
      started = true;
      await agenda.start();
      await agenda.every(sweepEvery(), 'generation-sweeper', {});
      for (const r of recurring) await agenda.every(r.interval, r.name, r.data ?? {});
    },
    async stop() {
      if (started) await agenda.stop();
      started = false;
    },
  };
  let started = false;
  return queue;
}
