/**
 * Feed benchmark (issue 3): seeds N posts into MariaDB (bench/seed-feed.ts, reused when present), starts the API
 * in a child process (ROLE=api) and measures p50/p95/p99 of sort=trending and sort=latest, first and deep pages
 * (after following `depth` cursors), with and without a category filter, at `concurrency` closed-loop clients.
 * Also prints EXPLAIN of the page queries. CLI: `npx tsx bench/feed.ts [--url mysql://...] [--posts 1000000] [--concurrency 50] [--duration 10] [--depth 50]`
 * (env FEED_BENCH_URL / FEED_BENCH_POSTS set the defaults when called from bench/run.ts).
 */
import http from 'node:http';
import os from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import { QueryTypes } from 'sequelize';
import jwt from 'jsonwebtoken';
import { BENCH_ENV, DEFAULT_BENCH_URL, openBenchDb, seedFeed } from './seed-feed.js';
import { dbDate, latestSql, trendingSql } from '../api/src/operations/community/feed.js';
import { DEFAULT_TENANT_ID } from '../api/src/tenants/tenants.js';

export interface FeedBenchOptions {
  url?: string; posts?: number; concurrency?: number; durationSec?: number; warmupSec?: number; depth?: number; port?: number; limit?: number;
  log?: (msg: string) => void;
}
export interface ScenarioResult { name: string; path: string; requests: number; errors: number; rps: number; p50: number; p95: number; p99: number; max: number }
export interface FeedBenchReport {
  date: string; machine: string; posts: number; concurrency: number; durationSec: number; depth: number; results: ScenarioResult[]; explain: Record<string, string>;
}

const agentFor = (n: number) => new http.Agent({ keepAlive: true, maxSockets: n });

function get(agent: http.Agent, port: number, path: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const pct = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
const r2 = (x: number) => Math.round(x * 100) / 100;

async function load(agent: http.Agent, port: number, path: string, token: string, concurrency: number, warmupSec: number, durationSec: number) {
  const lat: number[] = [];
  let errors = 0;
  let measuring = false;
  const warmEnd = Date.now() + warmupSec * 1000;
  const end = warmEnd + durationSec * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      const res = await get(agent, port, path, token).catch(() => ({ status: 0, body: '' }));
      const ms = performance.now() - t0;
      if (!measuring && Date.now() >= warmEnd) measuring = true;
      if (!measuring) continue;
      if (res.status !== 200) errors++;
      lat.push(ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  lat.sort((a, b) => a - b);
  return { requests: lat.length, errors, rps: Math.round(lat.length / durationSec), p50: r2(pct(lat, 0.5)), p95: r2(pct(lat, 0.95)), p99: r2(pct(lat, 0.99)), max: r2(lat[lat.length - 1] ?? NaN) };
}

async function startServer(url: string, port: number, log: (m: string) => void): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
    env: { ...process.env, ...BENCH_ENV, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', ROLE: 'api', SERVE_EXAMPLES: 'false', PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    const ok = await get(agentFor(1), port, '/readyz', '').then((r) => r.status === 200).catch(() => false);
    if (ok) break;
    if (Date.now() > until) throw new Error('API did not become ready');
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`api: ready on port ${port} (pid ${child.pid})`);
  return child;
}

async function explainAll(url: string, cat: string): Promise<Record<string, string>> {
  const db = await openBenchDb(url);
  try {
    const now = new Date();
    const t = now.getTime();
    const d = db.dialect;
    const bind = { tenant: DEFAULT_TENANT_ID, me: 'usr_x', T: dbDate(t, d), S: dbDate(t - 1000, d), a: dbDate(t - 2 * 86400e3, d), s: 2.1e9, id: 'post_m' };
    const shapes: Record<string, [string, Record<string, unknown>]> = {
      'latest first': [latestSql(false, false, 20, d), bind], 'latest deep': [latestSql(false, true, 20, d), bind],
      'latest category deep': [latestSql(true, true, 20, d), { ...bind, cat }], 'trending first': [trendingSql(false, false, 20, d), bind],
      'trending deep': [trendingSql(false, true, 20, d), bind], 'trending category deep': [trendingSql(true, true, 20, d), { ...bind, cat }],
    };
    const out: Record<string, string> = {};
    for (const [name, [sql, b]] of Object.entries(shapes)) {
      // SQLite: EXPLAIN QUERY PLAN (one line per step); MariaDB: EXPLAIN (one row per table).
      const rows = (await db.sequelize.query(`${d === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${sql}`, { replacements: b, type: QueryTypes.SELECT })) as Record<string, unknown>[];
      out[name] = d === 'sqlite' ? rows.map((r) => String(r.detail)).join(' | ')
        : rows.map((r) => `${r.select_type} ${r.table}: type=${r.type} key=${r.key} key_len=${r.key_len} rows=${r.rows} extra=${r.Extra ?? ''}`).join(' | ');
    }
    return out;
  } finally {
    await db.close();
  }
}

export async function runFeedBench(opts: FeedBenchOptions = {}): Promise<FeedBenchReport> {
  const url = opts.url ?? process.env.FEED_BENCH_URL ?? DEFAULT_BENCH_URL;
  const log = opts.log ?? ((m: string) => console.error(m));
  const concurrency = opts.concurrency ?? 50;
  const durationSec = opts.durationSec ?? 10;
  const warmupSec = opts.warmupSec ?? 2;
  const depth = opts.depth ?? 50;
  const limit = opts.limit ?? 20;
  const port = opts.port ?? 3901;
  const seeded = await seedFeed({ url, posts: opts.posts ?? (Number(process.env.FEED_BENCH_POSTS) || 1_000_000), log });
  const child = await startServer(url, port, log);
  const token = jwt.sign({ sub: 'bench-reader', name: 'Bench Reader' }, BENCH_ENV.AUTH_JWT_SECRET, { algorithm: 'HS256', expiresIn: '4h' });
  const agent = agentFor(concurrency);
  try {
    const cats = JSON.parse((await get(agent, port, '/api/studio/categories', token)).body).items as { id: string }[];
    const cat = cats[0]!.id;
    const deep = async (query: string) => {
      let cursor: string | undefined;
      for (let i = 0; i < depth; i++) {
        const r = await get(agent, port, `/api/community/feed?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
        if (r.status !== 200) throw new Error(`deep walk failed: ${r.status} ${r.body}`);
        cursor = JSON.parse(r.body).nextCursor;
        if (!cursor) throw new Error('feed ended before the requested depth');
      }
      return `/api/community/feed?${query}&cursor=${encodeURIComponent(cursor!)}`;
    };
    const scenarios: [string, string][] = [
      ['trending, first page', `/api/community/feed?sort=trending&limit=${limit}`],
      ['latest, first page', `/api/community/feed?sort=latest&limit=${limit}`],
      [`trending, page ${depth + 1}`, await deep(`sort=trending&limit=${limit}`)],
      [`latest, page ${depth + 1}`, await deep(`sort=latest&limit=${limit}`)],
      ['trending + category, first page', `/api/community/feed?sort=trending&limit=${limit}&categoryId=${cat}`],
      [`trending + category, page ${depth + 1}`, await deep(`sort=trending&limit=${limit}&categoryId=${cat}`)],
      [`latest + category, page ${depth + 1}`, await deep(`sort=latest&limit=${limit}&categoryId=${cat}`)],
    ];
    const results: ScenarioResult[] = [];
    for (const [name, path] of scenarios) {
      const r = await load(agent, port, path, token, concurrency, warmupSec, durationSec);
      results.push({ name, path: path.length > 80 ? `${path.slice(0, 77)}...` : path, ...r });
      log(`${name}: ${r.rps} req/s p50 ${r.p50} ms p95 ${r.p95} ms p99 ${r.p99} ms (errors ${r.errors})`);
    }
    const explain = await explainAll(url, cat);
    const cpus = os.cpus();
    return {
      date: new Date().toISOString(), machine: `${cpus.length} cores (${cpus[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`,
      posts: seeded.posts, concurrency, durationSec, depth, results, explain,
    };
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
  }
}

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
if (import.meta.url === `file://${process.argv[1]}`) {
  runFeedBench({
    url: arg('url'), posts: arg('posts') ? Number(arg('posts')) : undefined, concurrency: arg('concurrency') ? Number(arg('concurrency')) : undefined,
    durationSec: arg('duration') ? Number(arg('duration')) : undefined, depth: arg('depth') ? Number(arg('depth')) : undefined,
  }).then((r) => { console.log(JSON.stringify(r, null, 2)); process.exit(0); })
    .catch((err) => { console.error(err); process.exit(1); });
}
