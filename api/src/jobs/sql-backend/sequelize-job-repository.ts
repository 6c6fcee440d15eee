import { randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import type { Sequelize, WhereOptions } from 'sequelize';
import { isUniqueViolation, retryOnDeadlock } from '../../db.js';
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
import { claimBatch, namesWithWork, rawOf } from './claim.js';
import type { RawMysql } from './raw.js';
import { logger } from '../../logger.js';

export interface SequelizeJobRepositoryOptions {
  sequelize: Sequelize;
  tableName?: string;
  /** How many due jobs one claim locks at most (the rest wait in this worker for Agenda's next polls). */
  pollBatchSize?: number;
  /** Told after a job was saved due now (the backend publishes a wake-up for its name). */
  onDue?: (jobName: string) => void;
  /**
   * MySQL/MariaDB: a run's start state is written this many ms late (default 20; 0: at once), so a job that
   * finishes sooner is written once (its finish) instead of twice.
   */
  combineStartMs?: number;
}

/** One saveJobState write: the row's id and name and the state columns. */
interface RawState { id: string; name: string; changes: Partial<JobRow> }

/** Claimed jobs Agenda has not asked for within this long are unlocked again for other workers. */
const BUFFER_HOLD_MS = 2000;
const UPSERT_ATTEMPTS = 3;
/** Most rows in one multi-row INSERT of new jobs. */
const INSERT_BATCH = 200;
/** …and about this much job data (characters) in one. */
const INSERT_BYTES = 1_000_000;
/** The model's column defaults (job-model.ts), for rows written without model.create. */
const JOB_DEFAULTS: Partial<JobRow> = { priority: 0, type: 'normal', disabled: false, fork: false };

/**
 * Agenda's job storage on a SQL table through Sequelize. Polls claim jobs in batches (claim.ts: FOR UPDATE SKIP
 * LOCKED on MySQL/MariaDB, one UPDATE … RETURNING on SQLite) and hand the rest of a batch to Agenda's next polls
 * without asking the database again; an idle worker sends one probe statement per poll interval for all its job
 * names; a wake-up (notification channel) skips the probe (see docs/jobs-backend.md).
 */
export class SequelizeJobRepository implements JobRepository {
  readonly model: JobModel;
  readonly tableName: string;
  private readonly pollBatchSize: number;
  private readonly onDue: ((jobName: string) => void) | undefined;
  /** Job names with a getNextJobToRun in flight on this repository (one worker). */
  private readonly polling = new Set<string>();
  /** Names asked for while their poll was in flight: that poll looks once more before answering "nothing". */
  private readonly missed = new Set<string>();
  /** Every job name polled here: the probe asks about all of them in one statement. */
  private readonly knownNames = new Set<string>();
  /** Names whose last claim found work (Agenda polls them again at once): they skip the probe. */
  private readonly hot = new Set<string>();
  /** Names a notification said have a new job. */
  private readonly woken = new Set<string>();
  /** Names the probe saw an expired lock for. */
  private readonly expired = new Set<string>();
  /** Jobs claimed in a batch, locked for this worker, not yet handed to Agenda. */
  private readonly buffer = new Map<string, JobRow[]>();
  private probing: Promise<{ due: Set<string>; expired: Set<string> }> | undefined;
  private probeStartedAt = 0;
  /** MySQL/MariaDB: the hot statements go raw (raw.ts); SQLite keeps Sequelize (its writes queue on db.ts's mutex). */
  private readonly raw: RawMysql | undefined;
  private readonly saveStateSql: string;
  /** New jobs saved in this turn of the event loop, written by one multi-row INSERT (MySQL/MariaDB). */
  private inserts: { row: JobRow; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private readonly combineStartMs: number;
  /** Run starts not written yet, by job id (saveJobState). */
  private readonly pendingStarts = new Map<string, { state: RawState; timer: NodeJS.Timeout }>();
  /** Deferred starts being written, by job id: a finish waits for it. */
  private readonly startWrites = new Map<string, Promise<boolean>>();

  constructor(options: SequelizeJobRepositoryOptions) {
    this.tableName = options.tableName ?? 'agenda_jobs';
    this.pollBatchSize = Math.max(1, options.pollBatchSize ?? 10);
    this.model = defineJobModel(options.sequelize, this.tableName);
    this.onDue = options.onDue;
    this.raw = options.sequelize.getDialect() === 'sqlite' ? undefined : rawOf(this.model);
    this.combineStartMs = Math.max(0, options.combineStartMs ?? 20);
    this.saveStateSql = `UPDATE \`${this.tableName}\` SET locked_at = ?, next_run_at = ?, last_run_at = ?, last_finished_at = ?, failed_at = ?, `
      + `fail_count = ?, fail_reason = ?, progress = ?, last_modified_by = COALESCE(?, last_modified_by), updated_at = ? WHERE id = ? AND name = ?`;
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
    const saved = await this.save(job, options);
    if (this.onDue && saved.nextRunAt && !saved.disabled && new Date(saved.nextRunAt).getTime() <= Date.now()) this.onDue(saved.name);
    return saved;
  }

  private async save<DATA>(job: JobParameters<DATA>, options: JobRepositoryOptions | undefined): Promise<JobParameters<DATA>> {
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
    // Agenda ignores a failed save at the end of a run, which would leave the job locked and run it again once the
    // lock expires: a deadlock with a racing claim (InnoDB picks either side as the victim) is retried here.
    if (this.raw) {
      const state: RawState = { id, name: job.name, changes };
      // A run's start (lockedAt set: Agenda's run() before the handler, or touch()) is written a few ms later; a
      // finish (lockedAt cleared) that comes first replaces it, so a job that finishes within that window costs one
      // UPDATE instead of two (see docs/performance.md "Job backend").
      if (changes.lockedAt && this.combineStartMs > 0) {
        const pending = this.pendingStarts.get(id);
        if (pending) pending.state = state;
        else {
          const entry = { state, timer: setTimeout(() => void this.flushStart(id), this.combineStartMs) };
          this.pendingStarts.set(id, entry);
        }
        return;
      }
      const pending = this.pendingStarts.get(id);
      if (pending) {
        clearTimeout(pending.timer);
        this.pendingStarts.delete(id);
      }
      // A start already on its way is written before this save, never after it.
      await this.startWrites.get(id)?.catch(() => undefined);
      await this.writeState(state);
      return;
    }
    const [affected] = await retryOnDeadlock(() => this.model.update(changes, { where: { id, name: job.name } }));
    // MySQL counts changed rows only, so zero can also mean "same values": check.
    if (affected === 0 && (await this.model.count({ where: { id, name: job.name } })) === 0) {
      throw new Error(`job ${id} (name: ${job.name}) cannot be updated in the database, maybe it does not exist anymore?`);
    }
  }

  /** One saveJobState UPDATE (raw, MySQL/MariaDB): a prepared statement of a fixed text (raw.ts). */
  private async writeState({ id, name, changes }: RawState): Promise<void> {
    const at = new Date();
    const affected = await retryOnDeadlock(() => this.raw!.run(this.saveStateSql, [
      changes.lockedAt ?? null, changes.nextRunAt ?? null, changes.lastRunAt ?? null, changes.lastFinishedAt ?? null,
      changes.failedAt ?? null, changes.failCount ?? null, changes.failReason ?? null, changes.progress ?? null,
      changes.lastModifiedBy ?? null, at, id, name,
    ]));
    // Sequelize's connections count changed rows only (-FOUND_ROWS), so zero can also mean "same values": check.
    if (affected === 0 && Number((await this.raw!.all<{ n: number }>(`SELECT COUNT(*) AS n FROM \`${this.tableName}\` WHERE id = ? AND name = ?`, [id, name]))[0]?.n) === 0) {
      throw new Error(`job ${id} (name: ${name}) cannot be updated in the database, maybe it does not exist anymore?`);
    }
  }

  /** Writes a deferred start now (its window passed, or the worker is unlocking/stopping); answers whether it is saved. */
  private flushStart(id: string): Promise<boolean> {
    const pending = this.pendingStarts.get(id);
    if (!pending) return this.startWrites.get(id) ?? Promise.resolve(true);
    clearTimeout(pending.timer);
    this.pendingStarts.delete(id);
    const write = this.writeState(pending.state)
      .then(() => true, (error) => {
        logger().warn({ err: error, jobId: id, job: pending.state.name }, 'job start state not saved (its finish will be)');
        return false;
      })
      .finally(() => { if (this.startWrites.get(id) === write) this.startWrites.delete(id); });
    this.startWrites.set(id, write);
    return write;
  }

  /** Writes every deferred start now (and waits for those being written); answers the ids whose start is not saved. */
  async flushStarts(): Promise<Set<string>> {
    const ids = [...new Set([...this.pendingStarts.keys(), ...this.startWrites.keys()])];
    const saved = await Promise.all(ids.map(id => this.flushStart(id)));
    return new Set(ids.filter((_, i) => !saved[i]));
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
    // A deferred start (nextRunAt null once written) must be in the table before the "mid-run" test below reads it.
    // A job whose start could not be saved still shows its old nextRunAt although it is running: it keeps its lock
    // too (retried through lock expiry), or another worker could run it at the same time.
    const unsaved = await this.flushStarts();
    const ids = jobIds.map(String).filter(id => !unsaved.has(id));
    if (ids.length === 0) return;
    // A job with no next run was mid-run when its worker stopped; leave its lock
    // so it is only retried through lock expiry, as Agenda's own backends do.
    await retryOnDeadlock(() => this.model.update(
      { lockedAt: null },
      { where: { id: { [Op.in]: ids }, nextRunAt: { [Op.ne]: null } } },
    ));
  }

  async getNextJobToRun(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    now: Date | undefined,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    this.knownNames.add(jobName);
    const buffered = this.takeBuffered(jobName, lockDeadline);
    if (buffered) return buffered;
    // Agenda starts a queue fill every processEvery without waiting for the previous one, and on every wake-up.
    // When the database answers slower than that (a loaded machine), fills overlap and pile up: hundreds of polls
    // queue on the pool and the saves that finish running jobs wait behind them, so a worker nearly stops. One
    // poll per job name at a time: an overlapping one answers "nothing now" and marks the name, and the poll in
    // flight looks once more before it answers "nothing" itself, so a wake-up is never lost. Never two callers
    // with one job: that would run it twice.
    if (this.polling.has(jobName)) {
      this.missed.add(jobName);
      return undefined;
    }
    this.polling.add(jobName);
    try {
      for (;;) {
        this.missed.delete(jobName);
        const job = await this.lockNext(jobName, nextScanAt, lockDeadline, now ?? new Date(), options);
        if (job || !this.missed.has(jobName)) return job;
      }
    } finally {
      this.polling.delete(jobName);
    }
  }

  /**
   * Marks a job name as having work (a wake-up from the notification channel): its next poll claims at once
   * instead of asking the probe first.
   */
  wake(jobName: string): void {
    this.woken.add(jobName);
  }

  /** Unlocks the jobs claimed in a batch that Agenda has not asked for yet (worker stopping). */
  async releaseBuffered(): Promise<void> {
    await this.flushStarts().catch(() => undefined);
    const held = [...this.buffer.values()].flat();
    this.buffer.clear();
    await this.release(held);
  }

  private async lockNext(
    jobName: string,
    nextScanAt: Date,
    lockDeadline: Date,
    lockedAt: Date,
    options: JobRepositoryOptions | undefined,
  ): Promise<JobParameters | undefined> {
    const woken = this.woken.delete(jobName);
    const cold = !this.hot.has(jobName) && !woken;
    // One probe per poll interval covers every name (hot ones too, so an expired lock is noticed under load).
    const interval = Math.max(20, nextScanAt.getTime() - Date.now());
    if (cold) {
      const found = await this.probe(nextScanAt, lockDeadline);
      if (!found.due.has(jobName) && !found.expired.has(jobName)) return undefined;
    } else if (Date.now() - this.probeStartedAt >= interval) {
      this.probe(nextScanAt, lockDeadline).catch(() => undefined); // a failed probe is retried next interval
    }
    const claim = (kind: 'due' | 'expired') =>
      claimBatch(this.model, {
        name: jobName, kind, nextScanAt, lockDeadline, lockedAt, lastModifiedBy: options?.lastModifiedBy, limit: this.pollBatchSize,
        // Told there is work (probe, wake-up): do not let a neighbour's momentary row lock hide it.
        retryWaiting: cold || woken,
      });
    let rows: JobRow[] = [];
    if (this.expired.delete(jobName)) rows = await claim('expired');
    if (rows.length === 0) rows = await claim('due');
    if (rows.length === 0) {
      this.hot.delete(jobName);
      return undefined;
    }
    this.hot.add(jobName);
    const [first, ...rest] = rows;
    if (rest.length > 0) this.hold(jobName, rest);
    return fromRow(first);
  }

  /**
   * Which known names have work. Calls of one poll arrive together (Agenda asks for every name in the same
   * turn of the event loop): the probe starts on the next turn, so one statement answers all of them.
   */
  private probe(nextScanAt: Date, lockDeadline: Date): Promise<{ due: Set<string>; expired: Set<string> }> {
    if (this.probing) return this.probing;
    this.probeStartedAt = Date.now();
    const probing = new Promise<void>(resolve => setImmediate(resolve))
      .then(() => namesWithWork(this.model, [...this.knownNames], nextScanAt, lockDeadline))
      .then(found => {
        for (const name of found.expired) this.expired.add(name);
        return found;
      })
      .finally(() => {
        this.probing = undefined;
      });
    this.probing = probing;
    return probing;
  }

  /** Keeps the rest of a batch for the next polls of this name; released if Agenda does not ask soon. */
  private hold(jobName: string, rows: JobRow[]): void {
    this.buffer.set(jobName, [...(this.buffer.get(jobName) ?? []), ...rows]);
    const timer = setTimeout(() => {
      const left = this.buffer.get(jobName)?.filter(r => rows.includes(r)) ?? [];
      if (left.length === 0) return;
      this.buffer.set(jobName, (this.buffer.get(jobName) ?? []).filter(r => !left.includes(r)));
      void this.release(left).catch(() => undefined);
    }, BUFFER_HOLD_MS);
    timer.unref();
  }

  private takeBuffered(jobName: string, lockDeadline: Date): JobParameters | undefined {
    const rows = this.buffer.get(jobName);
    while (rows && rows.length > 0) {
      const row = rows.shift()!;
      // Our lock on it expired (a very long stall): another worker may have it now. Never hand it out.
      if (row.lockedAt && new Date(row.lockedAt) > lockDeadline) return fromRow(row);
    }
    return undefined;
  }

  /** Unlocks rows this repository claimed, only where the lock is still the one it took. */
  private async release(rows: JobRow[]): Promise<void> {
    const byLock = new Map<number, string[]>();
    for (const r of rows) {
      if (!r.lockedAt) continue;
      const at = new Date(r.lockedAt).getTime();
      byLock.set(at, [...(byLock.get(at) ?? []), r.id]);
    }
    for (const [at, ids] of byLock) {
      await retryOnDeadlock(() => this.model.update({ lockedAt: null }, { where: { id: { [Op.in]: ids }, lockedAt: new Date(at) } }));
    }
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
    if (this.raw && dedupeKey === null) return this.insertBatched(values);
    const created = await this.model.create({ ...values, id: randomUUID(), dedupeKey });
    return created.get({ plain: true });
  }

  /**
   * A new job without a unique key (agenda.now/schedule: what the API enqueues) on MySQL/MariaDB: the saves of one
   * turn of the event loop go out as one multi-row INSERT (one statement and one commit for all of them). The row is
   * built here with the model's defaults, as model.create would write it. A failed batch is retried row by row, so
   * one bad row fails only its own save.
   */
  private insertBatched(values: Partial<JobRow>): Promise<JobRow> {
    const now = new Date();
    const row = { ...JOB_DEFAULTS, ...values, id: randomUUID(), dedupeKey: null, createdAt: now, updatedAt: now } as JobRow;
    return new Promise<JobRow>((resolve, reject) => {
      this.inserts.push({ row, resolve: () => resolve(row), reject });
      if (this.inserts.length === 1) setImmediate(() => void this.flushInserts());
    });
  }

  private async flushInserts(): Promise<void> {
    const pending = this.inserts;
    this.inserts = [];
    // Chunks of at most INSERT_BATCH rows and about INSERT_BYTES of job data (well under max_allowed_packet).
    const chunks: (typeof pending)[] = [];
    let bytes = 0;
    for (const p of pending) {
      const size = 512 + (p.row.data?.length ?? 0);
      const last = chunks[chunks.length - 1];
      if (!last || last.length >= INSERT_BATCH || bytes + size > INSERT_BYTES) { chunks.push([p]); bytes = size; }
      else { last.push(p); bytes += size; }
    }
    for (const chunk of chunks) {
      try {
        await this.insertRows(chunk.map(p => p.row));
        for (const p of chunk) p.resolve();
      } catch (error) {
        if (chunk.length === 1) { chunk[0]!.reject(error); continue; }
        for (const p of chunk) await this.insertRows([p.row]).then(p.resolve, p.reject);
      }
    }
  }

  private insertRows(rows: JobRow[]): Promise<number> {
    const attributes = this.model.getAttributes();
    const keys = Object.keys(attributes) as (keyof JobRow)[];
    const columns = keys.map(k => `\`${attributes[k]!.field ?? k}\``).join(', ');
    const one = `(${keys.map(() => '?').join(', ')})`;
    return retryOnDeadlock(() => this.raw!.text(
      `INSERT INTO \`${this.tableName}\` (${columns}) VALUES ${rows.map(() => one).join(', ')}`,
      rows.flatMap(r => keys.map(k => (r[k] ?? null) as string | number | boolean | Date | null)),
    ));
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
