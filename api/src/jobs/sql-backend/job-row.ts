import { toJobId } from 'agenda';
import type { JobParameters } from 'agenda';
import type { JobRow } from './job-model.js';

type Writable = Omit<JobRow, 'id' | 'dedupeKey' | 'createdAt' | 'updatedAt'>;
type Converter = (value: unknown) => unknown;

const asDate: Converter = v => (v == null ? null : new Date(v as string | number | Date));
const asJson: Converter = v => (v === undefined || v === null ? null : JSON.stringify(v));
const asFlag: Converter = v => v === true;
const asValue: Converter = v => (v === undefined ? null : v);

/**
 * How each JobParameters key is written. Keys not listed (_id, unique, uniqueOpts)
 * are never stored: `unique` is folded into dedupe_key instead.
 */
const WRITERS: { [K in keyof Writable]: Converter } = {
  name: asValue,
  priority: v => (typeof v === 'number' ? v : 0),
  type: v => (v === 'single' ? 'single' : 'normal'),
  nextRunAt: asDate,
  lockedAt: asDate,
  lastRunAt: asDate,
  lastFinishedAt: asDate,
  failedAt: asDate,
  failCount: asValue,
  failReason: asValue,
  progress: asValue,
  // JSON keeps number vs string intervals apart ("5000" ms vs "5 minutes").
  repeatInterval: asJson,
  repeatTimezone: asValue,
  repeatAt: asValue,
  startDate: asDate,
  endDate: asDate,
  skipDays: asJson,
  disabled: asFlag,
  fork: asFlag,
  data: asJson,
  debounceStartedAt: asDate,
  lastModifiedBy: asValue,
};

/**
 * Converts the keys present on `job` into column values. A present key holding
 * undefined becomes NULL, an absent key is left out: Job.save() omits the fields
 * the processor owns (lockedAt, lastRunAt, ...) so an update never clobbers them.
 */
export function toRow(job: Partial<JobParameters>): Partial<JobRow> {
  const row: Record<string, unknown> = {};
  for (const key of Object.keys(WRITERS) as (keyof Writable)[]) {
    if (key in job) row[key] = WRITERS[key]((job as Record<string, unknown>)[key]);
  }
  return row as Partial<JobRow>;
}

const parseJson = (text: string | null): unknown => (text == null ? null : JSON.parse(text));

/** Converts a stored row back into what Agenda expects; NULL optionals become absent. */
export function fromRow<DATA = unknown>(row: JobRow): JobParameters<DATA> {
  const job: JobParameters<DATA> = {
    _id: toJobId(row.id),
    name: row.name,
    priority: Number(row.priority),
    type: row.type === 'single' ? 'single' : 'normal',
    nextRunAt: row.nextRunAt ? new Date(row.nextRunAt) : null,
    data: parseJson(row.data) as DATA,
    disabled: Boolean(row.disabled),
  };
  const dates = ['lockedAt', 'lastRunAt', 'lastFinishedAt', 'failedAt', 'startDate', 'endDate', 'debounceStartedAt'] as const;
  for (const key of dates) {
    const value = row[key];
    if (value != null) job[key] = new Date(value);
  }
  if (row.failCount != null) job.failCount = Number(row.failCount);
  if (row.failReason != null) job.failReason = row.failReason;
  if (row.progress != null) job.progress = Number(row.progress);
  if (row.repeatInterval != null) job.repeatInterval = parseJson(row.repeatInterval) as string | number;
  if (row.repeatTimezone != null) job.repeatTimezone = row.repeatTimezone;
  if (row.repeatAt != null) job.repeatAt = row.repeatAt;
  if (row.skipDays != null) job.skipDays = parseJson(row.skipDays) as number[];
  if (row.fork) job.fork = true;
  if (row.lastModifiedBy != null) job.lastModifiedBy = row.lastModifiedBy;
  return job;
}
