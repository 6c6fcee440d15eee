import type { Transaction } from 'sequelize';

/**
 * A job kind is a typed definition: its name, how its stored data is read back (a schema: the row may have been
 * written by an older version, or by hand), and its handler. The queue (queue.ts) runs any definition and names none.
 */
export interface JobDefinition<D> {
  /** Unique name, stored on the job row. */
  readonly name: string;
  /** Validates and types the data; throws on data that is not this job's (checked on enqueue and before each run). */
  parse(data: unknown): D;
  /** Resolves when done; a string result names the run's outcome in the job metrics (succeeded, retry, failed...). */
  handler(data: D, ctx: JobContext): Promise<void | string>;
  /** At most this many at once per worker (default: the worker's WORKER_CONCURRENCY). */
  readonly concurrency?: number;
  /** How long a running job stays locked to its worker before another may take it (default: the queue's). */
  lockLifetimeMs?(): number;
  /** Request-context fields for the run's log lines (default: `job:<name>:<id>`). */
  logContext?(data: D): { requestId: string; jobId?: string };
}

/** What a handler may use besides its data: the queue (to enqueue follow-ups) and its worker's name. */
export interface JobContext {
  queue: JobEnqueuer;
  workerName?: string;
}

export interface JobEnqueuer {
  /** Runs the job now, or after delayMs. */
  enqueue<D>(def: JobDefinition<D>, data: D, opts?: { delayMs?: number }): Promise<void>;
  /**
   * Writes the job's trigger in the caller's transaction, so it exists exactly when the rows it works on do
   * (nothing lost between commit and enqueue) and the request commits once instead of twice.
   */
  enqueueInTx<D>(t: Transaction, def: JobDefinition<D>, data: D): Promise<void>;
}

export const defineJob = <D>(def: JobDefinition<D>): JobDefinition<D> => def;

export class JobDataError extends Error {}

/** Schema of a job without data (recurring jobs). */
export const noData = (): Record<string, never> => ({});

/** Schema of a job whose data is `{ <field>: string }`, e.g. `{ jobId }`. */
export function stringField<K extends string>(field: K, max = 64) {
  return (data: unknown): { [P in K]: string } => {
    const v = (data as Record<string, unknown> | null | undefined)?.[field];
    if (typeof v !== 'string' || !v || v.length > max) throw new JobDataError(`job data: ${field} must be a string of 1 to ${max} characters`);
    return { [field]: v } as { [P in K]: string };
  };
}
