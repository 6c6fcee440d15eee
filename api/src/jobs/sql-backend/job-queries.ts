import { Op, Sequelize } from 'sequelize';
import type { Order, WhereOptions } from 'sequelize';
import { computeJobState } from 'agenda';
import type { JobParameters, JobState, JobsOverview, JobsQueryOptions, JobsResult, JobsSort, JobWithState } from 'agenda';
import type { JobModel, JobRow } from './job-model.js';
import { fromRow } from './job-row.js';
import { dataMatches } from './job-filters.js';

/** Read-only views for dashboards (agendash-style); not on the hot path. */

/** A disabled job is reported as paused whatever its timestamps say. */
export function stateOf(job: JobParameters, now: Date): JobState {
  return job.disabled ? 'paused' : computeJobState(job, now);
}

const SORT_COLUMNS: Record<keyof JobsSort, keyof JobRow | null> = {
  nextRunAt: 'nextRunAt',
  lastRunAt: 'lastRunAt',
  lastFinishedAt: 'lastFinishedAt',
  priority: 'priority',
  name: 'name',
  data: null, // JSON text does not sort meaningfully
};

function orderFor(sort: JobsSort | undefined): Order {
  const order: [string, string][] = [];
  for (const [key, direction] of Object.entries(sort ?? {})) {
    const column = SORT_COLUMNS[key as keyof JobsSort];
    if (column && direction) order.push([column, direction === 'desc' ? 'DESC' : 'ASC']);
  }
  if (order.length === 0) order.push(['nextRunAt', 'DESC'], ['lastRunAt', 'DESC']);
  order.push(['id', 'ASC']); // stable pages
  return order;
}

function whereFor(options: JobsQueryOptions): WhereOptions<JobRow> {
  const where: Record<string | symbol, unknown> = {};
  const and: unknown[] = [];
  if (options.name) where.name = options.name;
  else if (options.names && options.names.length > 0) where.name = { [Op.in]: options.names };
  // INSTR rather than LIKE: SQLite has no default LIKE escape, so '%' or '_' in a
  // search would act as wildcards there.
  if (options.search) {
    const needle = options.search.toLowerCase();
    and.push(Sequelize.where(Sequelize.fn('INSTR', Sequelize.fn('LOWER', Sequelize.col('name')), needle), Op.gt, 0));
  }
  if (options.id) where.id = options.id;
  else if (options.ids && options.ids.length > 0) where.id = { [Op.in]: options.ids };
  if (options.includeDisabled === false) where.disabled = false;
  if (and.length > 0) where[Op.and] = and;
  return where as WhereOptions<JobRow>;
}

export async function queryJobs(model: JobModel, options: JobsQueryOptions = {}): Promise<JobsResult> {
  const now = new Date();
  const { state, data, skip = 0, limit = 0 } = options;
  const where = whereFor(options);
  const order = orderFor(options.sort);
  const withState = (job: JobParameters): JobWithState => ({ ...job, _id: job._id!, state: stateOf(job, now) });

  // Without JS-side filters the database can paginate and count by itself.
  if (!state && data === undefined) {
    const { rows, count } = await model.findAndCountAll({
      where,
      order,
      offset: skip > 0 ? skip : undefined,
      limit: limit > 0 ? limit : undefined,
    });
    return { jobs: rows.map(r => withState(fromRow(r.get({ plain: true })))), total: count };
  }

  const rows = await model.findAll({ where, order });
  const matching = rows
    .map(r => withState(fromRow(r.get({ plain: true }))))
    .filter(job => (data === undefined || dataMatches(job.data, data)) && (!state || job.state === state));
  const page = limit > 0 ? matching.slice(skip, skip + limit) : matching.slice(skip);
  return { jobs: page, total: matching.length };
}

export async function jobsOverview(model: JobModel): Promise<JobsOverview[]> {
  const now = new Date();
  const rows = await model.findAll({
    attributes: ['id', 'name', 'lockedAt', 'lastFinishedAt', 'failedAt', 'nextRunAt', 'repeatInterval', 'disabled'],
    order: [['name', 'ASC']],
  });
  const byName = new Map<string, JobsOverview>();
  for (const r of rows) {
    const row = r.get({ plain: true });
    let overview = byName.get(row.name);
    if (!overview) {
      overview = { name: row.name, total: 0, running: 0, scheduled: 0, queued: 0, completed: 0, failed: 0, repeating: 0, paused: 0 };
      byName.set(row.name, overview);
    }
    const job = {
      name: row.name,
      priority: 0,
      type: 'normal',
      data: null,
      nextRunAt: row.nextRunAt ?? null,
      lockedAt: row.lockedAt ?? undefined,
      lastFinishedAt: row.lastFinishedAt ?? undefined,
      failedAt: row.failedAt ?? undefined,
      repeatInterval: row.repeatInterval ?? undefined,
      disabled: Boolean(row.disabled),
    } satisfies JobParameters;
    overview.total += 1;
    overview[stateOf(job, now)] += 1;
  }
  return [...byName.values()];
}
