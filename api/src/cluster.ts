import cluster, { type Worker } from 'node:cluster';
import type { AppConfig } from './config.js';
import { logger } from './logger.js';
import { createDatabase, ensureDatabaseExists, migrate } from './db.js';
import { initModels } from './models/index.js';
import { setAppContext, databaseOnlyContext } from './context.js';
import { ensureDefaultTenant, DEFAULT_TENANT_ID } from './tenants/tenants.js';
import { seedCatalog } from './tenants/seed-catalog.js';
import { startMetricsServer } from './metrics/server.js';
import { clusterMetricsSource } from './metrics/cluster.js';

/**
 * API_PROCESSES=N: a small primary process forks N HTTP processes that share one port (node:cluster hands the
 * connections out round-robin), and with ROLE=all one more process that runs the job worker. The primary serves
 * nothing and opens no database pool: it migrates once, forks, restarts a process that dies, and on SIGTERM
 * stops them all gracefully. Every child boots exactly like a standalone `ROLE=api` / `ROLE=worker` process.
 */
type Kind = 'api' | 'worker';
const RESTART_WINDOW_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/** How many HTTP processes to run: API_PROCESSES, except where several cannot work (said once in the log). */
export function httpProcesses(config: AppConfig): number {
  if (config.apiProcesses <= 1) return 1;
  if (config.role === 'worker') {
    logger().warn({ apiProcesses: config.apiProcesses }, 'API_PROCESSES is ignored with ROLE=worker (it serves no HTTP); run more worker processes instead');
    return 1;
  }
  if (config.databaseUrl.startsWith('sqlite:')) {
    logger().warn({ apiProcesses: config.apiProcesses }, `API_PROCESSES=${config.apiProcesses} ignored: SQLite has one writer, so this runs one process; use MySQL/MariaDB for more`);
    return 1;
  }
  return config.apiProcesses;
}

/**
 * Migrations, the default partner and its catalogue, once, before the children start: N processes booting at
 * the same moment would otherwise race to apply the same migration.
 */
async function prepareDatabase(config: AppConfig) {
  await ensureDatabaseExists(config.databaseUrl);
  const db = createDatabase(config.databaseUrl);
  initModels(db.sequelize);
  setAppContext(databaseOnlyContext(config, db));
  try {
    await migrate(db);
    await ensureDefaultTenant();
    await seedCatalog(DEFAULT_TENANT_ID);
  } finally {
    await db.close();
  }
}

export async function runPrimary(config: AppConfig, processes: number) {
  await prepareDatabase(config);
  const kinds = new Map<number, Kind>();
  const exits: number[] = [];
  let stopping = false;

  const start = (kind: Kind) => {
    // The child reads ROLE like any process: 'api' serves HTTP only, 'worker' runs jobs only.
    // The children share the cursor key without help: it is CURSOR_KEY or derived from MASTER_KEY (config.ts).
    const w = cluster.fork({ ROLE: kind });
    kinds.set(w.id, kind);
  };
  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());

  cluster.on('exit', (w, code, signal) => {
    const kind = kinds.get(w.id) ?? 'api';
    kinds.delete(w.id);
    if (stopping) return;
    // A process that keeps dying at boot (database down, bad deploy) is restarted with a growing delay, not in a loop.
    const now = Date.now();
    while (exits.length && now - exits[0]! > RESTART_WINDOW_MS) exits.shift();
    exits.push(now);
    const delayMs = Math.min(30_000, 250 * 2 ** Math.max(0, exits.length - 3));
    logger().warn({ kind, childPid: w.process.pid, code, signal, restartInMs: delayMs }, `${kind} process ${w.process.pid} exited; starting another`);
    setTimeout(() => { if (!stopping) start(kind); }, delayMs);
  });
  cluster.on('listening', (w, address) => logger().info({ childPid: w.process.pid, kind: kinds.get(w.id), port: address.port }, kinds.get(w.id) === 'worker' ? 'worker process listening (metrics)' : 'API process listening'));

  for (let i = 0; i < processes; i++) start('api');
  if (config.role === 'all') start('worker');
  // METRICS_PORT on the primary: one scrape answers for every child (summed counters), which per-child ports cannot.
  const metricsServer = config.metricsPort === undefined ? undefined
    : await startMetricsServer({ port: config.metricsPort, host: config.host, token: config.metricsToken, source: clusterMetricsSource() });
  logger().info({ apiProcesses: processes, jobWorker: config.role === 'all' ? 'dedicated child process' : 'none (ROLE=api)', port: config.port, url: config.publicUrl },
    'Community AI Studio primary started');

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    metricsServer?.close();
    logger().info({ signal, processes: alive().length }, 'stopping every process');
    // Each child drains: closes its listener, finishes in-flight requests, stops its job worker, closes the database.
    for (const w of alive()) w.process.kill('SIGTERM');
    const force = setTimeout(() => {
      for (const w of alive()) w.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_TIMEOUT_MS);
    const check = () => {
      if (alive().length) return;
      clearTimeout(force);
      process.exit(0);
    };
    cluster.on('exit', check);
    check();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
