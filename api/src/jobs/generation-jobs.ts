import { Op } from 'sequelize';
import { services } from '../context.js';
import { GenerationJob } from '../models/index.js';
import { logger } from '../logger.js';
import { defineJob, noData, stringField } from './definition.js';
import type { JobQueue } from './queue.js';
import { leaseMs, processGeneration } from './process-generation.js';

/**
 * The image generation's jobs. The generation_jobs row is the source of truth; the queued job is only its trigger,
 * and a sweeper re-triggers jobs whose trigger was lost (process died between commit and enqueue, or mid-run).
 */
const lockLifetimeMs = () => Math.max(leaseMs() * 2, 10000);

export const generateImageJob = defineJob({
  name: 'generate-image',
  parse: stringField('jobId'),
  lockLifetimeMs,
  logContext: ({ jobId }) => ({ requestId: `job:${jobId}`, jobId }),
  async handler({ jobId }, ctx) {
    const outcome = await processGeneration(jobId, { workerId: ctx.workerName });
    if (outcome === 'retry') {
      const row = await GenerationJob.findByPk(jobId, { attributes: ['attempts'] });
      const delays = services().config.jobs.retryDelaysMs;
      await ctx.queue.enqueue(generateImageJob, { jobId }, { delayMs: delays[Math.min((row?.attempts ?? 1) - 1, delays.length - 1)]! });
    }
    return outcome; // the outcome label of ais_job_duration_seconds
  },
});

export const generationSweeperJob = defineJob({
  name: 'generation-sweeper',
  parse: noData,
  async handler(_data, ctx) {
    // Queued jobs nobody picked up (trigger lost) and running jobs whose worker stopped heartbeating.
    const stale = new Date(Date.now() - leaseMs());
    const rows = await GenerationJob.findAll({
      attributes: ['id'],
      where: { [Op.or]: [{ status: 'queued', updatedAt: { [Op.lt]: stale } }, { status: 'running', heartbeatAt: { [Op.lt]: stale } }] },
      limit: 200,
    });
    for (const r of rows) await processGeneration(r.id, { workerId: `${ctx.workerName ?? process.pid}-sweeper` });
    if (rows.length) logger().info({ count: rows.length }, 'sweeper re-ran stale generation jobs');
  },
});

/** Registers the generation jobs and the sweeper (every JOB_SWEEP_EVERY on workers). */
export async function defineGenerationJobs(queue: JobQueue) {
  queue.define(generateImageJob);
  queue.define(generationSweeperJob);
  await queue.every(services().config.jobs.sweepEvery, generationSweeperJob, {});
}
