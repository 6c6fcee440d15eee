/**
 * Generate-acknowledgement benchmark: POST /api/studio/generate at N concurrent clients for T seconds.
 *
 * The server runs as a child process (ROLE=api: the worker is OFF, so jobs pile up queued and only the
 * acknowledgement path is measured — debit, job + image rows, job trigger), booted exactly like main.ts on
 * the given database, with one user holding a huge wallet and a rate limit high enough never to refuse.
 * The client is autocannon in this process, every request with its own Idempotency-Key.
 * Run as `tsx bench/generate.ts --serve` it is that child.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';

const SECRET = 'bench-jwt-secret-0123456789abcdefghij';
const HERE = fileURLToPath(import.meta.url);

export interface LatencyStats { count: number; perSecond: number; p50: number; p95: number; p99: number; max: number }

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
export function stats(latencies: number[], seconds: number): LatencyStats {
  const s = [...latencies].sort((a, b) => a - b);
  return { count: s.length, perSecond: s.length / seconds, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

export interface GenerateBenchResult extends LatencyStats {
  refused: number; errors: number; statuses: Record<string, number>;
  /** Images the server's own worker finished during the measured window (ROLE=all), per second. */
  imagesPerSecond?: number;
  /** ROLE=all: server CPU during the window divided by the images finished in it (acks and images share that CPU). */
  serverCpuMsPerImageUnderLoad?: number;
  /**
   * ROLE=all with drainSeconds: the worker alone, clients stopped, still drawing the backlog: server CPU and SQLite
   * statements (BENCH_COUNT_SQL preload) per image finished, i.e. the cost of one image job end to end.
   */
  drain?: { images: number; cpuMsPerImage: number; statementsPerImage?: number };
  /** CPU time of the server process per acknowledgement (user + system): the cost of the path, whatever else the machine runs. */
  serverCpuMsPerAck: number;
}

/** Boots a server child on dbUrl and hammers it; the child and its data are removed afterwards. */
export async function runGenerateBench(o: {
  dbUrl: string; seconds: number; connections: number;
  /** ROLE=all: the server's own worker draws the queued images meanwhile (the embedded default), else ROLE=api. */
  worker?: boolean;
  /** Requests spread round-robin over this many users (default 1: one hot wallet). */
  users?: number;
  /** Extra environment of the server (RENDER_THREADS...). */
  env?: Record<string, string>;
  /** The server's script (default this file): another tree's bench/generate.ts, for an A/B against it. */
  serverScript?: string;
  /** ROLE=all: after the window, measure this many seconds of the worker alone (see `drain`). */
  drainSeconds?: number;
}): Promise<GenerateBenchResult> {
  const users = Math.max(1, o.users ?? 1);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-bench-data-'));
  const countSql = Boolean(o.worker && o.drainSeconds);
  const child = fork(o.serverScript ?? HERE, ['--serve'], {
    // From the checkout whose api/ it runs (bench/ab-generate.ts runs another one's through a shadow directory, the
    // embedded A/B another checkout's bench): tsx reads that checkout's tsconfig (decorators) only for files under its
    // working directory.
    cwd: o.serverScript ? path.resolve(path.dirname(o.serverScript), '..') : path.dirname(fs.realpathSync(path.join(path.dirname(HERE), '..', 'api'))),
    // BENCH_CPU_PROF=dir writes a V8 CPU profile of the server to dir (open it in Chrome DevTools).
    execArgv: ['--import', 'tsx', ...(countSql ? ['--import', new URL('./count-sql.mjs', import.meta.url).href] : []),
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: {
      ...process.env, NODE_ENV: 'production', DATABASE_URL: o.dbUrl, DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1',
      PAYMENTS_SANDBOX_SECRET: 'bench-sandbox-secret-0123456789', MASTER_KEY: 'bench-master-key-0123456789', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      ROLE: o.worker ? 'all' : 'api', SERVE_EXAMPLES: 'false', PAYMENTS_GATEWAY: 'sandbox', METRICS_TOKEN: 'bench-metrics-token-0123456789',
      BENCH_USERS: String(users), ...o.env,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { port: number }).port));
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const tokens = Array.from({ length: users }, (_, i) => jwt.sign({ sub: benchSub(i) }, SECRET, { algorithm: 'HS256', expiresIn: '2h' }));
    const ask = <T>(cmd: string) => new Promise<T>((resolve) => {
      child.once('message', (m) => resolve(m as T));
      child.send({ cmd });
    });
    // Warm-up: JIT, connection pools, caches.
    await hammer(port, tokens, 3, o.connections);
    const before = await ask<{ cpuMs: number; succeeded: number }>('stats');
    const r = await hammer(port, tokens, o.seconds, o.connections);
    const after = await ask<{ cpuMs: number; succeeded: number }>('stats');
    const images = after.succeeded - before.succeeded;
    let drain: GenerateBenchResult['drain'];
    if (o.worker && o.drainSeconds) {
      const sql0 = await ask<{ statements: number }>('sql');
      const d0 = await ask<{ cpuMs: number; succeeded: number }>('stats');
      await new Promise((r) => setTimeout(r, o.drainSeconds! * 1000));
      const d1 = await ask<{ cpuMs: number; succeeded: number }>('stats');
      const sql1 = await ask<{ statements: number }>('sql');
      const n = d1.succeeded - d0.succeeded;
      drain = { images: n, cpuMsPerImage: (d1.cpuMs - d0.cpuMs) / Math.max(1, n), statementsPerImage: (sql1.statements - sql0.statements) / Math.max(1, n) };
    }
    return { ...r, serverCpuMsPerAck: (after.cpuMs - before.cpuMs) / Math.max(1, r.count + r.refused),
      ...(o.worker ? { imagesPerSecond: images / o.seconds, serverCpuMsPerImageUnderLoad: (after.cpuMs - before.cpuMs) / Math.max(1, images), drain } : {}) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => { if (child.exitCode !== null) r(null); else child.once('exit', r); });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const benchSub = (i: number) => (i === 0 ? 'bench-user' : `bench-user-${i}`);

async function hammer(port: number, tokens: string[], seconds: number, connections: number): Promise<Omit<GenerateBenchResult, 'serverCpuMsPerAck'>> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let n = 0;
  const run = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [{
      method: 'POST',
      path: '/api/studio/generate',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req: Record<string, any>) => {
        n++;
        req.headers = { ...req.headers, authorization: `Bearer ${tokens[n % tokens.length]}`, 'idempotency-key': `bench-${crypto.randomUUID()}` };
        req.body = JSON.stringify({ prompt: `benchmark poster number ${n}, neon city at night`, tier: 'standard' });
        return req;
      },
    }],
  });
  run.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode === 202) latencies.push(responseTime);
  });
  const result = await run;
  const s = stats(latencies, seconds);
  return { ...s, refused: Object.entries(statuses).filter(([c]) => c !== '202').reduce((a, [, v]) => a + v, 0), errors: result.errors + result.timeouts, statuses };
}

/** The child: boots like main.ts, makes the bench user rich and unlimited, reports its port. */
async function serve() {
  const { loadConfig } = await import('../api/src/config.js');
  const { configureLogger } = await import('../api/src/logger.js');
  const { bootServices } = await import('../api/src/boot.js');
  const { buildApp } = await import('../api/src/app.js');
  const { services } = await import('../api/src/context.js');
  const { TenantConfigRow, GenerationJob } = await import('../api/src/models/index.js');
  const { resolveUser } = await import('../api/src/auth/users.js');
  const { applyMovement } = await import('../api/src/ledger/ledger.js');
  const config = loadConfig();
  // Logs go where production sends them, stdout (this child's is /dev/null: stdio 'ignore'), through the same
  // destination as main.ts (access lines batched per event-loop turn): same serialisation and writes, nobody reading.
  configureLogger(config.logLevel);
  await bootServices(config);
  const last = await TenantConfigRow.findOne({ where: { tenantId: 'tnt_default' }, order: [['version', 'DESC']] });
  await TenantConfigRow.create({ tenantId: 'tnt_default', version: (last?.version ?? 0) + 1, config: { limits: { generatePerMinute: 10_000_000 } }, createdBy: 'bench' });
  for (let i = 0; i < Number(process.env.BENCH_USERS || 1); i++) {
    const { id } = await resolveUser('tnt_default', { sub: benchSub(i) }, {});
    await services().db.tx((t) => applyMovement(t, { tenantId: 'tnt_default', userId: id, delta: 1e12, reason: 'admin', refType: 'bench', refId: `bench-${Date.now()}-${i}`, note: 'bench wallet' }));
  }
  const server = buildApp().listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on('message', (m) => {
    if ((m as { cmd?: string }).cmd !== 'stats') return;
    const u = process.cpuUsage();
    void GenerationJob.count({ where: { status: 'succeeded' } }).then((succeeded) => process.send!({ cpuMs: (u.user + u.system) / 1000, succeeded }));
  });
  process.on('SIGTERM', () => process.exit(0));
}

if (process.argv.includes('--serve')) await serve();
