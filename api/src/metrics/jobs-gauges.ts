import client from 'prom-client';
import { QueryTypes } from 'sequelize';
import { services } from '../context.js';
import { registry } from './registry.js';
import { onResetForTests } from '../util/process-cache.js';

/**
 * The backlog, read from the jobs table at scrape time: every process sees the same queue, so a per-process
 * counter would be wrong as soon as two processes enqueue or two workers take. Waiting = due and not locked by
 * a worker. The query uses the next_run_at index and only reads due rows (the backlog itself).
 */
async function backlog(): Promise<{ name: string; n: number; oldest: Date | string | null }[]> {
  return services().db.sequelize.query(
    `SELECT name, COUNT(*) AS n, MIN(next_run_at) AS oldest FROM agenda_jobs
     WHERE next_run_at <= :now AND locked_at IS NULL AND disabled = :no GROUP BY name`,
    // Rounded up to the second: a raw query's date loses its milliseconds on MySQL, which would hide the jobs
    // enqueued in the current second (a job due within the next second counts as waiting; no gauge can tell).
    { replacements: { now: new Date(Math.ceil(Date.now() / 1000) * 1000), no: false }, type: QueryTypes.SELECT },
  );
}

let pending: Promise<Awaited<ReturnType<typeof backlog>>> | undefined;
onResetForTests(() => { pending = undefined; });
/** Both gauges of one scrape share one query. */
function once() {
  pending ??= backlog().finally(() => { setImmediate(() => { pending = undefined; }); });
  return pending;
}

const waiting = new client.Gauge({
  name: 'ais_jobs_waiting',
  help: 'Jobs due to run and not yet taken by a worker, by job name (from the jobs table, the same for every process).',
  labelNames: ['name'] as const,
  registers: [registry],
  aggregator: 'max', // merged across cluster children: each read the same table
  async collect() {
    waiting.reset();
    const rows = await once().catch(() => undefined);
    if (!rows) return; // no series rather than a false 0 while the database is unreachable
    waiting.set({ name: 'generate-image' }, 0);
    for (const r of rows) waiting.set({ name: r.name }, Number(r.n));
  },
});

const oldest = new client.Gauge({
  name: 'ais_jobs_oldest_waiting_seconds',
  aggregator: 'max',
  help: 'How long the longest-waiting due job has waited, by job name (0 when none waits).',
  labelNames: ['name'] as const,
  registers: [registry],
  async collect() {
    oldest.reset();
    const rows = await once().catch(() => undefined);
    if (!rows) return;
    oldest.set({ name: 'generate-image' }, 0);
    const now = Date.now();
    for (const r of rows) {
      const at = r.oldest ? new Date(r.oldest).getTime() : now;
      oldest.set({ name: r.name }, Math.max(0, (now - at) / 1000));
    }
  },
});
