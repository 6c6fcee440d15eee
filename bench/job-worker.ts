/**
 * A job worker for the job-backend benchmark (bench/jobs.ts): boots like `ROLE=worker` (same config, services and
 * job definitions, so its polls cover every real job name) and adds one bench-only no-op job type. Each run is
 * reported to the parent over IPC in batches: the job's sequence number, when it was enqueued and when it
 * started, so the parent can count runs per job (exactly once) and the enqueue → start latency. Every SQL
 * statement this process sends is counted (Sequelize beforeQuery hook, plus the backend's raw statements): the idle cost.
 * Bench-only: nothing under api/ knows this job type.
 */
import { loadConfig } from '../api/src/config.js';
import { configureLogger } from '../api/src/logger.js';
import { bootServices, shutdownServices } from '../api/src/boot.js';
import { services } from '../api/src/context.js';
import { defineJob } from '../api/src/jobs/definition.js';
import * as sqlBackend from '../api/src/jobs/sql-backend/raw.js';

export const BENCH_JOB = 'bench-noop';
export const benchNoopJob = defineJob<{ seq: number; at: number }>({
  name: BENCH_JOB,
  parse: (d) => {
    const v = d as { seq?: unknown; at?: unknown };
    if (typeof v?.seq !== 'number' || typeof v?.at !== 'number') throw new Error('bench job data: { seq, at }');
    return { seq: v.seq, at: v.at };
  },
  concurrency: Number(process.env.BENCH_JOB_CONCURRENCY || 50),
  handler: async ({ seq, at }) => { runs.push([seq, at, Date.now()]); },
});

const runs: [number, number, number][] = [];
/** Statements the backend sends past Sequelize (raw.ts, from round 2 of issue 13); 0 on a tree without it. */
const rawCount = (): number => (sqlBackend as { rawStatementCount?: () => number }).rawStatementCount?.() ?? 0;
let queries = 0;

if (process.send) {
  const config = loadConfig();
  configureLogger(config.logLevel);
  await bootServices(config, { worker: true, workerName: process.env.WORKER_NAME || `bench-worker-${process.pid}` });
  services().db.sequelize.addHook('beforeQuery', () => { queries += 1; });
  services().queue.define(benchNoopJob);
  const flush = setInterval(() => { if (runs.length) process.send!({ runs: runs.splice(0) }); }, 100);
  process.on('message', (m: { cmd: string }) => {
    if (m.cmd === 'queries') { const c = process.cpuUsage(); process.send!({ queries: queries + rawCount(), cpuMs: (c.user + c.system) / 1000 }); }
    if (m.cmd === 'stop') {
      clearInterval(flush);
      void shutdownServices().catch(() => undefined).finally(() => {
        process.send!({ runs: runs.splice(0), final: true }, () => process.exit(0));
      });
    }
  });
  process.send({ ready: true });
}
