/**
 * Job backend benchmark: N worker processes (bench/job-worker.ts, default 4) on one database, a producer in this
 * process enqueueing a bench-only no-op job at a fixed rate for T seconds (the API's path: agenda.now through the
 * SQL backend, which publishes a Redis wake-up when REDIS_URL is set). Reports jobs started per second over the
 * window, enqueue → start latency percentiles, jobs run more than once (every run is reported by sequence
 * number) or never, and the statements per second of an idle worker (counted in the worker, after the backlog
 * is gone). Standalone: `npx tsx bench/jobs.ts --db mysql --rate 400 --seconds 15 [--redis]`.
 * The workers take their config from the environment like real ones: Agenda's per-worker cap on running jobs is
 * 2 × WORKER_CONCURRENCY (8 with the default 4), below the no-op job's own 50; the bench's workers run with
 * WORKER_CONCURRENCY=25 (a cap of 50) unless the environment sets it, so the backend is measured, not the cap.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Agenda } from 'agenda';
import { createDatabase, ensureDatabaseExists, migrate } from '../api/src/db.js';
import { SequelizeBackend } from '../api/src/jobs/sql-backend/index.js';
import { scratchDatabase } from './scratch-db.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const percentile = (s: number[], p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN);

export interface JobBenchResult {
  workers: number; rate: number; seconds: number; redis: boolean;
  enqueued: number; enqueuedPerSecond: number; started: number; startedPerSecond: number; p50: number; p95: number; p99: number; max: number;
  duplicates: number; missing: number; idleQueriesPerSecond: number; workerCpuMsPerJob: number;
  /** This process (the producer: enqueues, Redis publishes, run bookkeeping over IPC) per job enqueued in the window. */
  producerCpuMsPerJob: number;
  /** mariadbd's own CPU (/proc/<pid>/stat; NaN when not found or not local) per job: shared with anything else using it. */
  dbCpuMsPerJob: number;
  /** Statements the 4 workers sent (counted in each worker) per job enqueued in the window. */
  workerStatementsPerJob: number;
}

/** CPU ms used so far by the local mariadbd/mysqld (utime + stime from /proc), or NaN. */
function dbServerCpuMs(): number {
  try {
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let comm = '';
      try { comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim(); } catch { continue; }
      if (comm !== 'mariadbd' && comm !== 'mysqld') continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // fields 14, 15 in clock ticks (CLK_TCK 100)
    }
  } catch { /* not Linux */ }
  return NaN;
}
const ownCpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };

export async function runJobBench(o: { dbUrl: string; workers?: number; rate: number; seconds: number; redisUrl?: string; idleSeconds?: number }): Promise<JobBenchResult> {
  const workers = o.workers ?? 4;
  await ensureDatabaseExists(o.dbUrl);
  const db = createDatabase(o.dbUrl);
  await migrate(db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-bench-jobs-'));
  const children: ChildProcess[] = [];
  const metricsBase = 20000 + Math.floor(Math.random() * 20000);
  const runs = new Map<number, number>();
  const latencies: number[] = [];
  let windowStart = 0;
  let windowEnd = 0;
  let startedInWindow = 0;
  try {
    for (let i = 0; i < workers; i++) {
      const child = fork(path.join(HERE, 'job-worker.ts'), [], {
        // BENCH_WORKER_CPU_PROF=<dir>: a V8 CPU profile of each worker, written when it stops.
        execArgv: ['--import', 'tsx', ...(process.env.BENCH_WORKER_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_WORKER_CPU_PROF] : [])],
        env: {
          ...process.env, NODE_ENV: 'production', ROLE: 'worker', DATABASE_URL: o.dbUrl, DATA_DIR: dataDir, WORKER_NAME: `bench-worker-${i}`,
          AUTH_JWT_SECRET: 'bench-secret-0123456789-0123456789', PAYMENTS_SANDBOX_SECRET: 'bench-sandbox-secret-0123456789',
          MASTER_KEY: 'bench-master-key-0123456789', METRICS_TOKEN: 'bench-metrics-token-0123456789', METRICS_PORT: String(metricsBase + i),
          LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', PAYMENTS_GATEWAY: 'sandbox', SERVE_EXAMPLES: 'false',
          REDIS_URL: o.redisUrl ?? '',
          // The backend is what is measured, not Agenda's per-worker cap (2 × WORKER_CONCURRENCY, 8 by default).
          WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? '25',
        },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children.push(child);
      child.on('message', (m: { runs?: [number, number, number][] }) => {
        for (const [seq, at, startedAt] of m.runs ?? []) {
          runs.set(seq, (runs.get(seq) ?? 0) + 1);
          latencies.push(startedAt - at);
          if (startedAt >= windowStart && startedAt < windowEnd) startedInWindow += 1;
        }
      });
      await new Promise<void>((resolve, reject) => {
        child.once('message', () => resolve());
        child.once('exit', (code) => reject(new Error(`bench worker exited with ${code}`)));
      });
    }
    // The producer: the API's way of enqueueing, a backend of its own on its own connection.
    const backend = new SequelizeBackend({ sequelize: db.sequelize, wake: o.redisUrl ? { url: o.redisUrl, channel: 'ais:jobs:wake' } : undefined });
    const agenda = new Agenda({ backend, name: 'bench-producer' });
    await agenda.ready;
    let seq = 0;
    const produce = async (seconds: number) => {
      const until = Date.now() + seconds * 1000;
      const t0 = Date.now();
      const inFlight = new Set<Promise<unknown>>();
      while (Date.now() < until) {
        const due = Math.floor(((Date.now() - t0) / 1000) * o.rate);
        // At most 512 enqueues waiting on the database: enough for 400/s at ~1 s per enqueue on a loaded machine (64,
        // the first round's cap, let the producer offer only 64 / latency, 28–51/s at load 20–40).
        while (seq < due && inFlight.size < 512) {
          const p = agenda.now('bench-noop', { seq: seq++, at: Date.now() }).finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      await Promise.all(inFlight);
    };
    // Warm-up (JIT, pools), then the measured window.
    await produce(2);
    const warm = seq;
    await waitFor(() => [...runs.keys()].length >= warm, 60_000);
    const cpuOf = async () => (await Promise.all(children.map((c) => new Promise<number>((resolve) => {
      const on = (m: { cpuMs?: number }) => { if (m.cpuMs !== undefined) { c.off('message', on); resolve(m.cpuMs); } };
      c.on('message', on);
      c.send({ cmd: 'queries' });
    })))).reduce((a, b) => a + b, 0);
    const statementsOf = async () => { let n = 0; for (const c of children) n += await new Promise<number>((resolve) => {
      const on = (m: { queries?: number }) => { if (m.queries !== undefined) { c.off('message', on); resolve(m.queries); } };
      c.on('message', on);
      c.send({ cmd: 'queries' });
    }); return n; };
    const statementsStart = await statementsOf();
    const cpuStart = await cpuOf();
    const producerStart = ownCpuMs();
    const dbStart = dbServerCpuMs();
    windowStart = Date.now();
    windowEnd = windowStart + o.seconds * 1000;
    const latencyFrom = latencies.length;
    const firstSeq = seq;
    await produce(o.seconds);
    const enqueued = seq - firstSeq;
    await waitFor(() => runs.size >= seq, 120_000).catch(() => undefined);
    const cpuEnd = await cpuOf();
    const statementsEnd = await statementsOf();
    const producerCpu = ownCpuMs() - producerStart;
    const dbCpu = dbServerCpuMs() - dbStart;
    const cpuMsPerJob = (cpuEnd - cpuStart) / Math.max(1, enqueued);
    const measured = latencies.slice(latencyFrom).sort((a, b) => a - b);
    const cpu = new Map<ChildProcess, number>();
    // Idle: no job due; statements per second of each worker over idleSeconds.
    const idleSeconds = o.idleSeconds ?? 10;
    await new Promise((r) => setTimeout(r, 1500));
    const count = () => Promise.all(children.map((c) => new Promise<number>((resolve) => {
      const on = (m: { queries?: number; cpuMs?: number }) => { if (m.queries !== undefined) { c.off('message', on); cpu.set(c, m.cpuMs ?? 0); resolve(m.queries); } };
      c.on('message', on);
      c.send({ cmd: 'queries' });
    })));
    const before = await count();
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const after = await count();
    // The median worker: one of them may run a recurring job (the sweepers) in the window, which is work, not idling.
    const perWorker = after.map((a, i) => (a - before[i]!) / idleSeconds).sort((a, b) => a - b);
    const idle = perWorker[Math.floor((perWorker.length - 1) / 2)]!;
    await (backend as { close?: () => Promise<void> }).close?.();
    let duplicates = 0;
    for (const n of runs.values()) if (n > 1) duplicates += n - 1;
    return {
      workers, rate: o.rate, seconds: o.seconds, redis: Boolean(o.redisUrl), enqueued, enqueuedPerSecond: enqueued / o.seconds, started: startedInWindow,
      startedPerSecond: startedInWindow / o.seconds, p50: percentile(measured, 50), p95: percentile(measured, 95), p99: percentile(measured, 99),
      max: measured[measured.length - 1] ?? NaN, duplicates, missing: seq - runs.size, idleQueriesPerSecond: idle, workerCpuMsPerJob: cpuMsPerJob,
      producerCpuMsPerJob: producerCpu / Math.max(1, enqueued), dbCpuMsPerJob: dbCpu / Math.max(1, enqueued),
      workerStatementsPerJob: (statementsEnd - statementsStart) / Math.max(1, enqueued),
    };
  } finally {
    await Promise.all(children.map((c) => new Promise((resolve) => {
      if (c.exitCode !== null) return resolve(null);
      c.once('exit', resolve);
      c.send({ cmd: 'stop' });
      setTimeout(() => c.kill('SIGKILL'), 10_000).unref();
    })));
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitFor(check: () => boolean, ms: number) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}


/**
 * The section `npm run bench` prints: MariaDB/MySQL only (the target; SQLite has one writer), with Redis
 * wake-ups when REDIS_URL is set, `runs` runs, medians. --job-rate sets the rate the producer is asked for (default 500/s;
 * the producer in this process reaches about three quarters of it on 2 cores, so the offered rate is printed).
 */
export async function runJobBenchSection(o: { runs: number; seconds: number }): Promise<void> {
  if (!process.env.MYSQL_URL) { console.log('\nJob backend benchmark: needs MYSQL_URL; skipped'); return; }
  const argv = process.argv;
  const rate = argv.includes('--job-rate') ? Number(argv[argv.indexOf('--job-rate') + 1]) || 500 : 500;
  console.log(`\nJob backend benchmark (bench/jobs.ts): 4 worker processes, ${rate} jobs/s offered for ${o.seconds} s, Redis ${process.env.REDIS_URL ? 'on' : 'off'}`);
  const results: JobBenchResult[] = [];
  for (let i = 0; i < o.runs; i++) {
    const made = await scratchDatabase('mysql');
    try {
      const r = await runJobBench({ dbUrl: made.url, rate, seconds: o.seconds, redisUrl: process.env.REDIS_URL || undefined });
      results.push(r);
      console.log(`  run ${i + 1}: ${r.enqueuedPerSecond.toFixed(1)} jobs/s offered, ${r.startedPerSecond.toFixed(1)} jobs/s started, p50 ${r.p50} ms, p95 ${r.p95} ms, run twice ${r.duplicates}, never ${r.missing}, `
        + `idle ${r.idleQueriesPerSecond.toFixed(1)} statements/s, worker CPU ${r.workerCpuMsPerJob.toFixed(2)} ms/job (load ${os.loadavg()[0]!.toFixed(1)})`);
    } finally {
      await made.drop();
    }
  }
  const med = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };
  console.log('| jobs/s offered | jobs/s started | p95 enqueue→start ms | run twice | idle statements/s per worker | worker CPU ms/job |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| ${med(results.map((r) => r.enqueuedPerSecond)).toFixed(1)} | ${med(results.map((r) => r.startedPerSecond)).toFixed(1)} | ${med(results.map((r) => r.p95))} | ${results.reduce((n, r) => n + r.duplicates, 0)} | `
    + `${med(results.map((r) => r.idleQueriesPerSecond)).toFixed(1)} | ${med(results.map((r) => r.workerCpuMsPerJob)).toFixed(2)} |`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name: string, def: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : def; };
  const made = await scratchDatabase(arg('db', 'mysql') as 'sqlite' | 'mysql');
  try {
    const r = await runJobBench({ dbUrl: made.url, rate: Number(arg('rate', '400')), seconds: Number(arg('seconds', '15')), workers: Number(arg('workers', '4')),
      redisUrl: process.argv.includes('--redis') ? (process.env.REDIS_URL || 'redis://127.0.0.1:6379') : undefined, idleSeconds: Number(arg('idle', '10')) });
    console.log(JSON.stringify({ ...r, load: os.loadavg() }));
  } finally {
    await made.drop();
  }
  process.exit(0);
}
