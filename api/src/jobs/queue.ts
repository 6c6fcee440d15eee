import { Agenda, type Job } from 'agenda';
import { randomUUID } from 'node:crypto';
import { services } from '../context.js';
import { SequelizeBackend } from './sql-backend/index.js';
import { toRow } from './sql-backend/job-row.js';
import { requestContext } from '../request-context.js';
import type { JobDefinition, JobEnqueuer } from './definition.js';
import { timeJob } from '../metrics/jobs.js';
import { insertRows, type SqlValue } from '../db.js';

export type { JobDefinition, JobContext } from './definition.js';
export { defineJob } from './definition.js';

/**
 * The job system: Agenda 6 over our SQL backend, so jobs live in the ledger's database and a job can be enqueued in
 * the same transaction as the rows it works on. It runs typed definitions (definition.ts) and knows no job kind:
 * modules define theirs at boot (generation-jobs.ts, payments, referrals, community).
 */
export interface JobQueue extends JobEnqueuer {
  define<D>(def: JobDefinition<D>): void;
  /** A recurring job (one per name across all workers), scheduled when the worker starts. */
  every<D>(interval: string, def: JobDefinition<D>, data: D): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * enqueueInTx's row, for a transaction sent as db.script (the generate acknowledgement, several jobs' rows in one
   * multi-row INSERT): the table, its columns and values, and `committed`, to call once the transaction has committed
   * (wakes the workers through Redis when configured).
   */
  triggerRow<D>(def: JobDefinition<D>, data: D): TriggerRow;
  agenda: Agenda;
}

export interface TriggerRow { table: string; columns: string[]; values: SqlValue[]; committed(): void }

export function createQueue(opts: { worker: boolean; concurrency: number; pollMs: number; name?: string }): JobQueue {
  const { db, config } = services();
  const backend = new SequelizeBackend({
    sequelize: db.sequelize,
    pollBatchSize: config.jobClaimBatch,
    wake: config.redisUrl && config.jobWake ? { url: config.redisUrl, channel: `${config.redisKeyPrefix}jobs:wake` } : undefined,
  });
  const defaultLockLifetime = Math.max(config.jobs.leaseMs * 2, 10000);
  const agenda = new Agenda({
    backend,
    name: opts.name ?? `worker-${process.pid}`,
    processEvery: opts.pollMs,
    maxConcurrency: opts.concurrency * 2,
    defaultConcurrency: opts.concurrency,
    defaultLockLifetime,
  });
  const recurring: { interval: string; name: string; data: unknown }[] = [];
  let started = false;

  const queue: JobQueue = {
    agenda,
    define(def) {
      agenda.define(def.name, async (job: Job) => {
        const data = def.parse(job.attrs.data ?? {});
        const ctx = def.logContext?.(data) ?? { requestId: `job:${def.name}:${String(job.attrs._id ?? '')}` };
        // Timed for ais_job_duration_seconds; a handler that answers a string names its outcome (metrics/jobs.ts).
        await requestContext.run(ctx, () => timeJob(def.name, () => def.handler(data, { queue, workerName: opts.name })));
      }, { concurrency: def.concurrency ?? opts.concurrency, lockLifetime: def.lockLifetimeMs?.() ?? defaultLockLifetime });
    },
    async enqueue(def, data, o) {
      const checked = def.parse(data) as Record<string, unknown>;
      if (o?.delayMs) await agenda.schedule(new Date(Date.now() + o.delayMs), def.name, checked);
      else await agenda.now(def.name, checked);
    },
    triggerRow(def, data) {
      // The same row agenda.now() saves (Job.toJson through the backend's own row mapping). A raw statement rather than
      // model.create: this runs in every generate acknowledgement. Same columns as the model would write, named by the model.
      const job = agenda.create(def.name, def.parse(data) as Record<string, unknown>);
      job.schedule(new Date());
      const now = new Date();
      const row: Record<string, unknown> = { ...toRow(job.toJson(true)), lastModifiedBy: agenda.attrs.name || null, id: randomUUID(), dedupeKey: null,
        createdAt: now, updatedAt: now };
      const model = backend.repository.model;
      const keys = Object.keys(row).filter((k) => row[k] !== undefined && model.rawAttributes[k]);
      return {
        table: model.getTableName() as string,
        columns: keys.map((k) => model.rawAttributes[k]!.field ?? k),
        values: keys.map((k) => row[k] as SqlValue),
        // Wakes the workers (Redis) once the job is visible to them.
        committed: () => backend.notifyDue(def.name),
      };
    },
    async enqueueInTx(t, def, data) {
      // In the caller's transaction, on its connection (db.run).
      const trigger = queue.triggerRow(def, data);
      await db.exec(t, insertRows(trigger.table, trigger.columns, [trigger.values])[0]!);
      t.afterCommit(trigger.committed);
    },
    async every(interval, def, data) {
      const checked = def.parse(data) as Record<string, unknown>;
      recurring.push({ interval, name: def.name, data: checked });
      if (opts.worker && started) await agenda.every(interval, def.name, checked);
    },
    async start() {
      if (!opts.worker) return;
      started = true;
      await agenda.start();
      for (const r of recurring) await agenda.every(r.interval, r.name, r.data as Record<string, unknown>);
    },
    async stop() {
      if (started) await agenda.stop();
      started = false;
      await backend.close();
    },
  };
  return queue;
}
