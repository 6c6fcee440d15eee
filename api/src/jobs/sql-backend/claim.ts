import { QueryTypes } from 'sequelize';
import { retryOnDeadlock } from '../../db.js';
import { RawMysql } from './raw.js';
import { processCache } from '../../util/process-cache.js';
import type { JobModel, JobRow } from './job-model.js';

/**
 * Batch claims: one round of statements locks up to `limit` jobs of one name for this worker, exactly once across
 * processes. Which rows a claim may take:
 * - `due`: unlocked and due by `nextScanAt`, in Agenda's order (next_run_at asc, priority desc), straight out of
 *   the agenda_jobs_poll index (name, locked_at, next_run_at, priority desc) without a sort;
 * - `expired`: locked before `lockDeadline` (a worker died mid-run), oldest first. Rare, so its own statement keeps
 *   the due scan an index range.
 *
 * MySQL/MariaDB (10.6+): SELECT … FOR UPDATE SKIP LOCKED then UPDATE … WHERE id IN (…) in one transaction. Racing
 * workers skip each other's row locks instead of waiting, and a row we hold cannot be taken by anyone until we
 * commit, by which time its locked_at no longer matches. SQLite: one UPDATE … WHERE id IN (SELECT … LIMIT n)
 * RETURNING *; SQLite runs one writer at a time, so the statement is atomic.
 */
export interface ClaimRequest {
  name: string;
  kind: 'due' | 'expired';
  nextScanAt: Date;
  lockDeadline: Date;
  lockedAt: Date;
  lastModifiedBy: string | undefined;
  limit: number;
  /**
   * MySQL/MariaDB: wait for rows locked by a racing claim instead of skipping them. SKIP LOCKED also passes over
   * a row that a neighbour's scan holds for an instant (InnoDB locks the record just past a range before it
   * knows the record is out of it), so a claim that found nothing looks again once, waiting.
   */
  wait?: boolean;
  /** Look again, waiting, when the SKIP LOCKED claim finds nothing (the probe or a wake-up said there is work). */
  retryWaiting?: boolean;
}

export async function claimBatch(model: JobModel, req: ClaimRequest): Promise<JobRow[]> {
  if (model.sequelize!.getDialect() === 'sqlite') return claimSqlite(model, req);
  const rows = await claimMysql(model, req);
  return rows.length > 0 || req.wait || !req.retryWaiting ? rows : claimMysql(model, { ...req, wait: true });
}

/** The WHERE … ORDER BY of the rows a claim may take (named replacements :name, :scan, :deadline). */
function pick(req: ClaimRequest, positional?: '?'): string {
  const [name, scan, deadline, no] = positional ? ['?', '?', '?', '?'] : [':name', ':scan', ':deadline', ':no'];
  return req.kind === 'due'
    ? `name = ${name} AND locked_at IS NULL AND next_run_at <= ${scan} AND disabled = ${no} ORDER BY next_run_at ASC, priority DESC`
    : `name = ${name} AND locked_at <= ${deadline} AND disabled = ${no} ORDER BY locked_at ASC`;
}

/** One raw runner per Sequelize instance. */
const raws = processCache<object, RawMysql>();
export function rawOf(model: JobModel): RawMysql {
  const sequelize = model.sequelize!;
  let raw = raws.get(sequelize);
  if (!raw) raws.set(sequelize, (raw = new RawMysql(sequelize)));
  return raw;
}


async function claimMysql(model: JobModel, req: ClaimRequest): Promise<JobRow[]> {
  const table = model.getTableName() as string;
  const raw = rawOf(model);
  const lastModifiedBy = req.lastModifiedBy ?? null;
  return retryOnDeadlock(() =>
    // READ COMMITTED (raw.ts sets it per connection): no gap locks, and the row after the scanned range is not left
    // locked, where SKIP LOCKED in a racing claim would pass it over. Raw statements: Sequelize's mysql dialect does
    // not emit SKIP LOCKED (only postgres/oracle), and this runs once per batch on every busy worker.
    raw.transaction(async c => {
      const picked = await c.all<Record<string, unknown>>(
        `SELECT * FROM \`${table}\` WHERE ${pick(req, '?')} LIMIT ${Math.max(1, Math.floor(req.limit))} FOR UPDATE${req.wait ? '' : ' SKIP LOCKED'}`,
        req.kind === 'due' ? [req.name, req.nextScanAt, false] : [req.name, req.lockDeadline, false],
      );
      if (picked.length === 0) return [];
      const rows = rowsOf(model, picked);
      // Text protocol: the IN list's length varies, and each length would be one more prepared statement.
      await c.text(
        `UPDATE \`${table}\` SET locked_at = ?, last_modified_by = COALESCE(?, last_modified_by), updated_at = ? WHERE id IN (?)`,
        [req.lockedAt, lastModifiedBy, req.lockedAt, rows.map(r => r.id)],
      );
      const changes: Partial<JobRow> = { lockedAt: req.lockedAt };
      if (req.lastModifiedBy !== undefined) changes.lastModifiedBy = req.lastModifiedBy;
      return rows.map(r => ({ ...r, ...changes }));
    }),
  );
}

/** Column name → attribute name, to read RETURNING rows (raw columns) as JobRow. */
const columnsOf = processCache<string, Map<string, string>>();
function columns(model: JobModel): Map<string, string> {
  const key = String(model.getTableName());
  let map = columnsOf.get(key);
  if (!map) {
    map = new Map(Object.entries(model.getAttributes()).map(([attr, def]) => [def.field ?? attr, attr]));
    columnsOf.set(key, map);
  }
  return map;
}

const DATES = new Set(['nextRunAt', 'lockedAt', 'lastRunAt', 'lastFinishedAt', 'failedAt', 'startDate', 'endDate', 'debounceStartedAt', 'createdAt', 'updatedAt']);

/** Raw rows (column names, driver types) as JobRow. */
function rowsOf(model: JobModel, raw: Record<string, unknown>[]): JobRow[] {
  const map = columns(model);
  return raw.map(r => {
    const row: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(r)) {
      const attr = map.get(column) ?? column;
      row[attr] = DATES.has(attr) && value != null ? new Date(value as string | Date) : value;
    }
    row.disabled = Boolean(row.disabled);
    row.fork = Boolean(row.fork);
    return row as unknown as JobRow;
  });
}

async function claimSqlite(model: JobModel, req: ClaimRequest): Promise<JobRow[]> {
  const table = model.getTableName() as string;
  const setBy = req.lastModifiedBy !== undefined ? ', last_modified_by = :by' : '';
  const sql = `UPDATE \`${table}\` SET locked_at = :lockedAt${setBy}, updated_at = :lockedAt
    WHERE id IN (SELECT id FROM \`${table}\` WHERE ${pick(req)} LIMIT :limit) RETURNING *`;
  const raw = await retryOnDeadlock(() =>
    model.sequelize!.query<Record<string, unknown>>(sql, {
      type: QueryTypes.SELECT,
      replacements: {
        name: req.name,
        scan: req.nextScanAt,
        deadline: req.lockDeadline,
        lockedAt: req.lockedAt,
        by: req.lastModifiedBy ?? null,
        no: false,
        limit: req.limit,
      },
    }),
  );
  // RETURNING comes in no particular order: hand jobs out in Agenda's.
  const t = (d: Date | null) => (d ? d.getTime() : Number.NEGATIVE_INFINITY);
  return rowsOf(model, raw).sort((a, b) =>
    req.kind === 'due' ? t(a.nextRunAt) - t(b.nextRunAt) || b.priority - a.priority : t(a.lockedAt) - t(b.lockedAt),
  );
}

/**
 * Which of `names` have work: a due unlocked job by `nextScanAt`, or a lock older than `lockDeadline`. One
 * statement for all names of a poll, two index range scans on agenda_jobs_poll; this is all an idle worker asks.
 */
export async function namesWithWork(
  model: JobModel,
  names: string[],
  nextScanAt: Date,
  lockDeadline: Date,
): Promise<{ due: Set<string>; expired: Set<string> }> {
  const table = model.getTableName() as string;
  const rows = await model.sequelize!.query<{ name: string; kind: string }>(
    `SELECT DISTINCT name, 'due' AS kind FROM \`${table}\` WHERE name IN (:names) AND locked_at IS NULL AND next_run_at <= :scan AND disabled = :no
     UNION ALL
     SELECT DISTINCT name, 'expired' AS kind FROM \`${table}\` WHERE name IN (:names) AND locked_at <= :deadline AND disabled = :no`,
    { type: QueryTypes.SELECT, replacements: { names, scan: dateParam(model, nextScanAt), deadline: dateParam(model, lockDeadline), no: false } },
  );
  const due = new Set<string>();
  const expired = new Set<string>();
  for (const r of rows) (r.kind === 'due' ? due : expired).add(r.name);
  return { due, expired };
}

/**
 * A raw query's Date loses its milliseconds on MySQL (see metrics/jobs-gauges.ts). The probe only needs to err
 * towards "there is work": both bounds are rounded up to the second (a lock up to a second short of expiry is
 * then reported too, and the claim, which compares with milliseconds, simply finds nothing yet).
 */
function dateParam(model: JobModel, d: Date): Date {
  if (model.sequelize!.getDialect() === 'sqlite') return d;
  return new Date(Math.ceil(d.getTime() / 1000) * 1000);
}
