import { randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import type { Sequelize, WhereOptions } from 'sequelize';
import { isUniqueViolation } from '../../db.js';
import type {
  JobId,
  JobParameters,
  JobRepository,
  JobRepositoryOptions,
  JobsOverview,
  JobsQueryOptions,
  JobsResult,
  RemoveJobsOptions,
} from 'agenda';
import { defineJobModel } from './job-model.js';
import type { JobModel, JobRow } from './job-model.js';
import { fromRow, toRow } from './job-row.js';
import { dataMatches, whereForSelection } from './job-filters.js';
import { continueDebounce, singleKey, startDebounce, uniqueKey } from './dedupe.js';
import { jobsOverview, queryJobs } from './job-queries.js';

export interface SequelizeJobRepositoryOptions {
  sequelize: Sequelize;
  tableName?: string;
  /** How many lockable candidates one poll reads before trying to claim them. */
  pollBatchSize?: number;
}

// A claim only fails when another worker took that very row, so a few rounds of
// re-reading candidates are enough even with many workers racing.
const CLAIM_ROUNDS = 3;
const UPSERT_ATTEMPTS = 3;

/**
 * Agenda's job storage on a SQL table through Sequelize. Every lock is taken by
 * a conditional UPDATE whose WHERE repeats the lockability test; the affected
 * row count says whether this worker won the row (see docs/jobs-backend.md).
 */
export class SequelizeJobRepository implements JobRepository {
  readonly model: JobModel;
  readonly tableName: string;
  private readonly pollBatchSize: number;
  /** Job names with a getNextJobToRun in flight on this repository (one worker). */
  private readonly polling = new Set<string>();

  constructor(options: SequelizeJobRepositoryOptions) {
    this.tableName = options.tableName ?? 'agenda_jobs';
    this.pollBatchSize = Math.max(1, options.pollBatchSize ?? 5);
    this.model = defineJobModel(options.sequelize, this.tableName);
  }

  /** Fails fast with a readable message when the migration has not been run. */
  async connect(): Promise<void> {
    try {
      await this.model.findOne({ attributes: ['id'] });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`agenda job table "${this.tableName}" is not usable (run the migrations): ${reason}`);
    }
  }

  queryJobs(options?: JobsQueryOptions): Promise<JobsResult> {
    return queryJobs(this.model, options);
  }

  getJobsOverview(): Promise<JobsOverview[]> {
    return jobsOverview(this.model);
  }

  async getDistinctJobNames(): Promise<string[]> {
    const rows = await this.model.findAll({ attributes: ['name'], group: ['name'], order: [['name', 'ASC']] });
    return rows.map(r => r.get('name') as string);
  }

  async getJobById(id: string): Promise<JobParameters | null> {
    const row = await this.model.findByPk(String(id));
    return row ? fromRow(row.get({ plain: true })) : null;
  }

  async getQueueSize(): Promise<number> {
    return this.model.count({ where: { nextRunAt: { [Op.lt]: new Date() } } });
  }

  async removeJobs(options: RemoveJobsOptions): Promise<number> {
    const where = await this.resolveSelection(options);
    if (!where) return 0;
    return this.model.destroy({ where });
  }

  async purgeAllJobs(): Promise<number> {
    return this.model.destroy({ where: {} });
  }

  disableJobs(options: RemoveJobsOptions): Promise<number> {
    return this.setDisabled(options, true);
  }

  enableJobs(options: RemoveJobsOptions): Promise<number> {
    return this.setDisabled(options, false);
  }

  async saveJob<DATA = unknown>(
    job: JobParameters<DATA>,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters<DATA>> {
    const { _id, unique, uniqueOpts, ...props } = job;
    const lastModifiedBy = options?.lastModifiedBy ?? props.lastModifiedBy;
    const values = toRow({ ...props, ...(lastModifiedBy !== undefined ? { lastModifiedBy } : {}) } as JobParameters);

    if (_id) {
      await this.model.update(values, { where: { id: String(_id), name: props.name } });
      const row = await this.findRow(String(_id));
      // A job removed while its owner still held it: hand back what we were given.
      return row && row.name === props.name ? fromRow<DATA>(row) : job;
    }

    const dedupeKey = props.type === 'single' ? singleKey(props.name) : unique ? uniqueKey(props.name, unique) : null;
    if (!dedupeKey) return fromRow<DATA>(await this.insert(values, null));

    const now = new Date();
    const proposed = props.nextRunAt ? new Date(props.nextRunAt) : null;
    const debounce = props.type !== 'single' ? uniqueOpts?.debounce : undefined;
    for (let attempt = 0; attempt < UPSERT_ATTEMPTS; attempt += 1) {
      const existing = await this.model.findOne({ where: { dedupeKey } });
      if (!existing) {
        const fresh = debounce ? { ...values, ...startDebounce(debounce, proposed, now) } : values;
        try {
          return fromRow<DATA>(await this.insert(fresh, dedupeKey));
        } catch (error) {
          // Another worker inserted the same key first: update that row instead.
          if (isUniqueViolation(error)) continue;
          throw error;
        }
      }
      const current = existing.get({ plain: true });
      if (uniqueOpts?.insertOnly) return fromRow<DATA>(current);
      const changes: Partial<JobRow> = { ...values };
      if (props.type === 'single' && proposed && proposed <= now) {
        // every() re-saves on each boot with nextRunAt = now; keep the schedule already stored.
        delete changes.nextRunAt;
      }
      if (debounce) Object.assign(changes, continueDebounce(debounce, current, proposed, now));
      await this.model.update(changes, { where: { id: current.id } });
      const row = await this.findRow(current.id);
      if (row) return fromRow<DATA>(row);
    }
    throw new Error(`could not save job "${props.name}": its unique key kept changing under concurrent saves`);
  }

  async saveJobState(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<void> {
    if (!job._id) throw new Error('cannot save job state without a job id');
    const id = String(job._id);
    const changes = toRow({
      lockedAt: job.lockedAt,
      nextRunAt: job.nextRunAt,
      lastRunAt: job.lastRunAt,
      lastFinishedAt: job.lastFinishedAt,
      failedAt: job.failedAt,
      failCount: job.failCount,
      failReason: job.failReason,
      progress: job.progress,
      ...(options?.lastModifiedBy !== undefined ? { lastModifiedBy: options.lastModifiedBy } : {}),
    });
    const [affected] = await this.model.update(changes, { where: { id, name: job.name } });
    // MySQL counts changed rows only, so zero can also mean "same values": check.
    if (affected === 0 && (await this.model.count({ where: { id, name: job.name } })) === 0) {
      throw new Error(`job ${id} (name: ${job.name}) cannot be updated in the database, maybe it does not exist anymore?`);
    }
  }

  async lockJob(job: JobParameters, options: JobRepositoryOptions | undefined): Promise<JobParameters | undefined> {
    if (!job._id) return undefined;
    const id = String(job._id);
    const where: WhereOptions<JobRow> = {
      id,
      name: job.name,
      lockedAt: null,
      nextRunAt: job.nextRunAt ? new Date(job.nextRunAt) : null,
      disabled: false,
    };
    return this.claim(id, where, new Date(), options);
  }

  async unlockJob(job: JobParameters): Promise<void> {
    if (!job._id) return;
    await this.unlockJobs([job._id]);
  }

  async unlockJobs(jobIds: (JobId | string)[]): Promise<void> {
    if (jobIds.length === 0) return;
    // A job with no next run was mid-run when its worker stopped; leave its lock
    // so it is only retried through lock expiry, as Agenda's own backends do.
    await this.model.update(
      { lockedAt: null },
      { where: { id: { [Op.in]: jobIds.map(String) }, nextRunAt: { [Op.ne]: null } } },
    );
  }

  async getNextJobToRun(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    // Agenda starts a queue fill every processEvery without waiting for the previous one. When the database
    // answers slower than that (a loaded machine), fills overlap and pile up: hundreds of polls queue on the pool
    // and the saves that finish running jobs wait behind them, so a worker nearly stops. One poll per job name at
    // a time: an overlapping one answers "nothing now"; the fill in flight keeps locking (Agenda polls again after
    // every lock) and the next tick polls afresh. Never two callers with one job: that would run it twice.
    if (this.polling.has(jobName)) return undefined;
    this.polling.add(jobName);
    try {
      return await this.lockNext(jobName, nextScanAt, lockDeadline, now ?? new Date(), options);
    } finally {
      this.polling.delete(jobName);
    }
  }

  private async lockNext(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    lockedAt: Date,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    const lockable: WhereOptions<JobRow> = {
      disabled: false,
      [Op.or]: [{ lockedAt: null, nextRunAt: { [Op.lte]: nextScanAt } }, { lockedAt: { [Op.lte]: lockDeadline } }],
    };
    for (let round = 0; round < CLAIM_ROUNDS; round += 1) {
      const candidates = await this.findCandidates(jobName, nextScanAt, lockDeadline);
      if (candidates.length === 0) return undefined;
      for (const id of candidates) {
        const claimed = await this.claim(id, { ...lockable, id }, lockedAt, options);
        if (claimed) return claimed;
      }
    }
    return undefined;
  }

  /**
   * Reads a few lockable ids in Agenda's order (nextRunAt asc, priority desc).
   * Two plain queries instead of one OR so each one is an index range scan on
   * (name, locked_at, next_run_at): due unlocked jobs, and expired locks.
   */
  private async findCandidates(jobName: string, nextScanAt: Date, lockDeadline: Date): Promise<string[]> {
    const query = (where: WhereOptions<JobRow>) =>
      this.model.findAll({
        attributes: ['id', 'nextRunAt', 'priority'],
        where: { name: jobName, disabled: false, ...where },
        order: [['nextRunAt', 'ASC'], ['priority', 'DESC']],
        limit: this.pollBatchSize,
      });
    const [due, expired] = await Promise.all([
      query({ lockedAt: null, nextRunAt: { [Op.lte]: nextScanAt } }),
      query({ lockedAt: { [Op.lte]: lockDeadline } }),
    ]);
    const time = (d: Date | null) => (d ? new Date(d).getTime() : Number.NEGATIVE_INFINITY);
    return [...due, ...expired]
      .map(r => r.get({ plain: true }))
      .sort((a, b) => time(a.nextRunAt) - time(b.nextRunAt) || b.priority - a.priority)
      .slice(0, this.pollBatchSize)
      .map(r => r.id);
  }

  /** The conditional UPDATE: one affected row means this worker owns the lock. */
  private async claim(
    id: string,
    where: WhereOptions<JobRow>,
    lockedAt: Date,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    const changes: Partial<JobRow> = { lockedAt };
    if (options?.lastModifiedBy !== undefined) changes.lastModifiedBy = options.lastModifiedBy;
    const [affected] = await this.model.update(changes, { where });
    if (affected !== 1) return undefined;
    const row = await this.findRow(id);
    return row ? fromRow(row) : undefined;
  }

  private async insert(values: Partial<JobRow>, dedupeKey: string | null): Promise<JobRow> {
    const created = await this.model.create({ ...values, id: randomUUID(), dedupeKey });
    return created.get({ plain: true });
  }

  private async findRow(id: string): Promise<JobRow | null> {
    const row = await this.model.findByPk(id);
    return row ? row.get({ plain: true }) : null;
  }

  private async setDisabled(options: RemoveJobsOptions, disabled: boolean): Promise<number> {
    const where = await this.resolveSelection(options);
    if (!where) return 0;
    // Only rows that change: keeps the count identical on SQLite (matched rows)
    // and MySQL (changed rows).
    const [affected] = await this.model.update({ disabled }, { where: { [Op.and]: [where, { disabled: !disabled }] } });
    return affected;
  }

  /** SQL filter for a selection; a data filter is applied here and turned into ids. */
  private async resolveSelection(options: RemoveJobsOptions): Promise<WhereOptions<JobRow> | null> {
    const where = whereForSelection(options);
    if (!where || options.data === undefined) return where;
    const rows = await this.model.findAll({ attributes: ['id', 'data'], where });
    const ids = rows
      .map(r => r.get({ plain: true }))
      .filter(r => dataMatches(r.data == null ? null : JSON.parse(r.data), options.data))
      .map(r => r.id);
    return ids.length > 0 ? { id: { [Op.in]: ids } } : null;
  }
}
