/**
 * npm run bench — the benchmarks of the project, on SQLite and (when MYSQL_URL is set) MariaDB/MySQL.
 *   --seconds 20   --connections 50   --runs 3   --db sqlite|mysql   --skip-feed   --skip-jobs   --job-rate 500
 *   --users 20        the many-user variant of generate (requests spread over that many users; 0 skips it)
 *   --skip-embedded   skip the embedded default under render (ROLE=all on SQLite, its worker drawing, RENDER_THREADS
 *                     default against RENDER_THREADS=0, i.e. drawing on the API's thread as before)
 *   --skip-render     skip the local renderer throughput (standard images/s, render threads and main thread)
 *   --only-embedded   run only the embedded default under render (no generate, bare-SQL or many-user runs)
 *   --embedded-ab DIR the embedded default against another checkout's server (DIR/bench/generate.ts, e.g. the base
 *                     commit), alternating run by run, instead of render threads against RENDER_THREADS=0
 *   --embedded-env K=V,K2=V2   (repeatable) one more embedded variant of this tree with that server environment,
 *                     alternated with the default (e.g. WORKER_CONCURRENCY=2, UV_THREADPOOL_SIZE=8)
 *   --drain 3         after each embedded window, this many seconds of the worker alone: server CPU and SQLite
 *                     statements per image job (0 skips)
 * Generate: acknowledgements per second and latency percentiles of POST /api/studio/generate (worker off),
 * next to the ceiling, the bare debit transaction on the same database. Medians over the runs are printed,
 * and the raw figures written to test-output/bench-generate.json.
 * Then the feed benchmark, when bench/feed.ts exists (it exports runFeedBench).
 *   --skip-analytics     skip analytics at scale (bench/analytics.ts, MariaDB: every admin analytics view over 100,000
 *                        users and 2,000,000 events; the data set is seeded on first use, about 5 to 9 minutes, then reused)
 *   --analytics-requests 15   sequential requests per analytics view and run
 *   --skip-feed-compare  skip the feed on SQLite against MariaDB (bench/feed-compare.ts, 100,000 posts each, seeded on first use)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runGenerateBench, type GenerateBenchResult, type LatencyStats } from './generate.js';
import { runBareSqlBench } from './bare-sql.js';
import { runRenderBench, type RenderBenchResult } from './render.js';
import { scratchDatabase } from './scratch-db.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : def;
};
const seconds = Number(arg('seconds', '20'));
const connections = Number(arg('connections', '50'));
const runs = Number(arg('runs', '3'));
const only = arg('db', '');
const onlyEmbedded = process.argv.includes('--only-embedded');
const manyUsers = onlyEmbedded ? 0 : Number(arg('users', '20'));
const embeddedAb = arg('embedded-ab', '');
const drainSeconds = Number(arg('drain', '3'));
const embeddedEnvs = process.argv.flatMap((a, i) => (a === '--embedded-env' && process.argv[i + 1] ? [process.argv[i + 1]!] : []));

interface Db { name: 'sqlite' | 'mysql'; make: () => Promise<{ url: string; drop: () => Promise<void> }> }
const dbs: Db[] = [{ name: 'sqlite', make: () => scratchDatabase('sqlite') }];
if (process.env.MYSQL_URL) dbs.push({ name: 'mysql', make: () => scratchDatabase('mysql') });

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };
const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');

async function main() {
  const machine = { cores: os.cpus().length, nproc: execSync('nproc').toString().trim(), cpu: os.cpus()[0]?.model ?? '?', node: process.version, date: new Date().toISOString() };
  console.log(`Machine: ${machine.nproc} cores (nproc), ${machine.cpu}, Node ${machine.node}, ${machine.date}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`Generate benchmark: ${connections} concurrent clients, ${seconds} s per run, ${runs} runs per database, worker OFF\n`);
  const raw: Record<string, { generate: GenerateBenchResult[]; bare: LatencyStats[]; many: GenerateBenchResult[] }> = {};
  for (const db of dbs.filter((d) => !onlyEmbedded && (!only || d.name === only))) {
    raw[db.name] = { generate: [], bare: [], many: [] };
    for (let i = 0; i < runs; i++) {
      for (const kind of ['bare', 'generate', ...(manyUsers > 0 ? ['many'] as const : [])] as const) {
        const made = await db.make();
        try {
          if (kind === 'bare') {
            const r = await runBareSqlBench({ dbUrl: made.url, seconds, concurrency: connections });
            raw[db.name]!.bare.push(r);
            console.log(`  ${db.name} run ${i + 1}: bare SQL debit ${f(r.perSecond)} tx/s  p50 ${f(r.p50)} ms  p95 ${f(r.p95)} ms  p99 ${f(r.p99)} ms`);
          } else if (kind === 'many') {
            const r = await runGenerateBench({ dbUrl: made.url, seconds, connections, users: manyUsers });
            raw[db.name]!.many.push(r);
            console.log(`  ${db.name} run ${i + 1}: generate over ${manyUsers} users ${f(r.perSecond)} acks/s  p50 ${f(r.p50)} ms  p95 ${f(r.p95)} ms  p99 ${f(r.p99)} ms  `
              + `server CPU ${f(r.serverCpuMsPerAck, 2)} ms/ack  refused ${r.refused}  errors ${r.errors}  (load ${f(os.loadavg()[0]!)})`);
          } else {
            const r = await runGenerateBench({ dbUrl: made.url, seconds, connections });
            raw[db.name]!.generate.push(r);
            console.log(`  ${db.name} run ${i + 1}: generate ${f(r.perSecond)} acks/s  p50 ${f(r.p50)} ms  p95 ${f(r.p95)} ms  p99 ${f(r.p99)} ms  `
              + `server CPU ${f(r.serverCpuMsPerAck, 2)} ms/ack  refused ${r.refused}  errors ${r.errors}  (load ${f(os.loadavg()[0]!)})`);
          }
        } finally {
          await made.drop();
        }
      }
    }
  }
  console.log('\nMedians');
  console.log('| database | generate acks/s | p50 ms | p95 ms | p99 ms | server CPU ms/ack | bare-SQL debit tx/s | bare p95 ms | generate / bare |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const summary: Record<string, unknown> = {};
  for (const [name, r] of Object.entries(raw)) {
    const g = { perSecond: median(r.generate.map((x) => x.perSecond)), p50: median(r.generate.map((x) => x.p50)), p95: median(r.generate.map((x) => x.p95)),
      p99: median(r.generate.map((x) => x.p99)), cpuMsPerAck: median(r.generate.map((x) => x.serverCpuMsPerAck)) };
    const b = { perSecond: median(r.bare.map((x) => x.perSecond)), p95: median(r.bare.map((x) => x.p95)) };
    const ratio = g.perSecond / b.perSecond;
    summary[name] = { generate: g, bare: b, ratio };
    console.log(`| ${name} | ${f(g.perSecond)} | ${f(g.p50)} | ${f(g.p95)} | ${f(g.p99)} | ${f(g.cpuMsPerAck, 2)} | ${f(b.perSecond)} | ${f(b.p95)} | ${f(ratio * 100, 0)} % |`);
  }
  if (manyUsers > 0) {
    console.log(`\nMany-user generate (${connections} clients over ${manyUsers} users), medians`);
    console.log('| database | acks/s | p50 ms | p95 ms | p99 ms | server CPU ms/ack |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, r] of Object.entries(raw)) {
      const m = { perSecond: median(r.many.map((x) => x.perSecond)), p50: median(r.many.map((x) => x.p50)), p95: median(r.many.map((x) => x.p95)),
        p99: median(r.many.map((x) => x.p99)), cpuMsPerAck: median(r.many.map((x) => x.serverCpuMsPerAck)) };
      (summary[name] as Record<string, unknown>).many = m;
      console.log(`| ${name} | ${f(m.perSecond)} | ${f(m.p50)} | ${f(m.p95)} | ${f(m.p99)} | ${f(m.cpuMsPerAck, 2)} |`);
    }
  }

  if (!process.argv.includes('--skip-embedded')) {
    // The embedded default (npm start): ROLE=all on SQLite, 20 users, its own worker drawing the queued images meanwhile.
    console.log(`\nEmbedded default under render: ROLE=all on SQLite, ${connections} clients over 20 users, worker drawing`);
    type Variant = { label: string; env: Record<string, string>; serverScript?: string };
    const variants: Variant[] = embeddedAb || embeddedEnvs.length
      ? [{ label: 'this tree', env: {} },
        ...embeddedEnvs.map((e) => ({ label: e, env: Object.fromEntries(e.split(',').map((kv) => kv.split('=') as [string, string])) })),
        ...(embeddedAb ? [{ label: `${embeddedAb}`, env: {}, serverScript: path.resolve(embeddedAb, 'bench', 'generate.ts') }] : [])]
      : [{ label: 'render threads (default)', env: {} }, { label: 'RENDER_THREADS=0 (main thread, as before)', env: { RENDER_THREADS: '0' } }];
    const rows: Record<string, GenerateBenchResult[]> = Object.fromEntries(variants.map((v) => [v.label, []]));
    for (let i = 0; i < runs; i++) {
      for (const v of variants) {
        const made = await dbs[0]!.make();
        try {
          const r = await runGenerateBench({ dbUrl: made.url, seconds, connections, users: 20, worker: true, env: v.env, serverScript: v.serverScript, drainSeconds });
          rows[v.label]!.push(r);
          console.log(`  run ${i + 1} ${v.label}: ${f(r.perSecond)} acks/s  p50 ${f(r.p50)} ms  p95 ${f(r.p95)} ms  images ${f(r.imagesPerSecond ?? NaN)}/s  `
            + `CPU ${f(r.serverCpuMsPerAck, 2)} ms/ack ${f(r.serverCpuMsPerImageUnderLoad ?? NaN)} ms/image  `
            + `drain: ${r.drain ? `${r.drain.images} images, ${f(r.drain.cpuMsPerImage)} ms CPU/image, ${f(r.drain.statementsPerImage ?? NaN)} statements/image` : '-'}  (load ${f(os.loadavg()[0]!)})`);
        } finally {
          await made.drop();
        }
      }
    }
    console.log('| server | acks/s | p50 ms | p95 ms | p99 ms | images/s | CPU ms/ack | CPU ms/image under load | drain CPU ms/image | drain statements/image |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    const embedded: Record<string, unknown> = {};
    for (const [label, r] of Object.entries(rows)) {
      const m = { perSecond: median(r.map((x) => x.perSecond)), p50: median(r.map((x) => x.p50)), p95: median(r.map((x) => x.p95)), p99: median(r.map((x) => x.p99)),
        imagesPerSecond: median(r.map((x) => x.imagesPerSecond ?? NaN)), cpuMsPerAck: median(r.map((x) => x.serverCpuMsPerAck)),
        cpuMsPerImageUnderLoad: median(r.map((x) => x.serverCpuMsPerImageUnderLoad ?? NaN)),
        drainCpuMsPerImage: median(r.map((x) => x.drain?.cpuMsPerImage ?? NaN)), drainStatementsPerImage: median(r.map((x) => x.drain?.statementsPerImage ?? NaN)) };
      embedded[label] = { ...m, raw: r };
      console.log(`| ${label} | ${f(m.perSecond)} | ${f(m.p50)} | ${f(m.p95)} | ${f(m.p99)} | ${f(m.imagesPerSecond)} | ${f(m.cpuMsPerAck, 2)} | ${f(m.cpuMsPerImageUnderLoad)} | `
        + `${f(m.drainCpuMsPerImage)} | ${f(m.drainStatementsPerImage, 1)} |`);
    }
    summary.embedded = embedded;
  }

  if (!process.argv.includes('--skip-render')) {
    console.log(`\nLocal renderer throughput: standard images (768×768), ${seconds} s per run`);
    const rows: Record<string, RenderBenchResult[]> = {};
    for (let i = 0; i < runs; i++) {
      for (const r of await runRenderBench({ seconds })) {
        (rows[r.mode] ??= []).push(r);
        console.log(`  run ${i + 1} ${r.mode} (${r.threads || 'no'} threads): ${f(r.imagesPerSecond)} images/s  CPU ${f(r.cpuMsPerImage)} ms/image  p95 ${f(r.p95)} ms`);
      }
    }
    console.log('| renderer | threads | images/s | CPU ms/image | p95 ms |');
    console.log('|---|---|---|---|---|');
    const render: Record<string, unknown> = {};
    for (const [mode, r] of Object.entries(rows)) {
      const m = { threads: r[0]!.threads, imagesPerSecond: median(r.map((x) => x.imagesPerSecond)), cpuMsPerImage: median(r.map((x) => x.cpuMsPerImage)), p95: median(r.map((x) => x.p95)) };
      render[mode] = m;
      console.log(`| ${mode} | ${m.threads} | ${f(m.imagesPerSecond)} | ${f(m.cpuMsPerImage)} | ${f(m.p95)} |`);
    }
    summary.render = render;
  }
  fs.mkdirSync(path.join(HERE, '..', 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(HERE, '..', 'test-output', 'bench-generate.json'), JSON.stringify({ machine, seconds, connections, runs, summary, raw }, null, 2));

  const feed = ['feed.ts', 'feed.js'].map((f) => path.join(HERE, f)).find((p) => fs.existsSync(p));
  if (feed && !process.argv.includes('--skip-feed')) {
    console.log('\nFeed benchmark (bench/feed.ts)');
    type FeedRow = { name: string; rps: number; p50: number; p95: number; p99: number; errors: number };
    const mod = (await import(pathToFileURL(feed).href)) as { runFeedBench?: (o: { concurrency: number }) => Promise<{ results?: FeedRow[] } | undefined> };
    if (typeof mod.runFeedBench === 'function') {
      // The feed benchmark picks its own database, seed and duration (see bench/feed.ts); only the client count is shared.
      const report = await mod.runFeedBench({ concurrency: connections });
      if (report?.results?.length) {
        console.log('| feed scenario | req/s | p50 ms | p95 ms | p99 ms | errors |');
        console.log('|---|---|---|---|---|---|');
        for (const r of report.results) console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`);
      }
    } else console.log('  bench/feed.ts does not export runFeedBench; skipped');
  } else {
    console.log('\nFeed benchmark: bench/feed.ts not present (or --skip-feed); skipped');
  }
  // Job backend (issue 13 item 6): bench/jobs.ts, MariaDB only; --skip-jobs leaves it out.
  if (!process.argv.includes('--skip-jobs')) await (await import('./jobs.js')).runJobBenchSection({ runs, seconds });
  await analyticsSections();
}

/** Issue 13 items 3 and 4: analytics at scale and the feed comparison (self-contained; --skip-analytics, --skip-feed-compare). */
async function analyticsSections() {
  if (!process.argv.includes('--skip-analytics')) {
    console.log('\nAnalytics at scale (bench/analytics.ts): one partner with 100,000 users and 2,000,000 events on MariaDB');
    if (!process.env.MYSQL_URL) console.log('  MariaDB only: set MYSQL_URL; skipped');
    else {
      const { benchAnalytics } = await import('./analytics.js');
      const { analyticsSeedReady } = await import('./seed-analytics.js');
      const u = new URL(process.env.MYSQL_URL);
      u.pathname = '/ais_bench_analytics';
      if (!(await analyticsSeedReady({ url: u.toString() }))) {
        console.log(`  WARNING: ${u.pathname.slice(1)} holds no complete seed: seeding it now, about 5 minutes on a quiet 2-core machine and 9 under load `
          + '(once; later runs reuse it; --skip-analytics to skip)');
      }
      const r = await benchAnalytics({ url: u.toString(), runs, requests: Number(arg('analytics-requests', '15')) });
      console.log(`  ${r.runs} runs of ${r.requestsPerView} sequential requests per view, load average ${r.load.min}–${r.load.max} (median ${r.load.median})`);
      console.log('| analytics view | p50 ms | p95 ms (median of runs) | p95 per run | API CPU ms/request |');
      console.log('|---|---|---|---|---|');
      for (const [name, v] of Object.entries(r.views)) console.log(`| ${name} | ${v.p50Ms} | ${v.p95Ms} | ${v.p95PerRun.join(' / ')} | ${v.cpuMsPerRequest} |`);
      console.log(`  CSV export, peak RSS growth over 20 streamed 365-day exports: median ${Math.round(r.csvPeakRssGrowthKiB.median / 1024)} MB`);
      fs.mkdirSync(path.join(HERE, '..', 'test-output'), { recursive: true });
      fs.writeFileSync(path.join(HERE, '..', 'test-output', 'bench-analytics.json'), JSON.stringify(r, null, 2));
    }
  }
  if (!process.argv.includes('--skip-feed-compare')) {
    console.log('\nFeed on SQLite against MariaDB (bench/feed-compare.ts): 100,000 posts each (seeded on first use, then reused)');
    if (!process.env.MYSQL_URL) console.log('  needs MariaDB: set MYSQL_URL; skipped');
    else {
      const { compareFeed } = await import('./feed-compare.js');
      const r = await compareFeed({ durationSec: Math.min(seconds, 8) });
      console.log(`  load average ${r.load.join(' ')}, ${r.concurrency} clients, ${r.durationSec} s per scenario`);
      console.log('| feed scenario | SQLite req/s | SQLite p95 ms | MariaDB req/s | MariaDB p95 ms | MariaDB / SQLite |');
      console.log('|---|---|---|---|---|---|');
      for (const x of r.rows) console.log(`| ${x.scenario} | ${x.sqliteRps} | ${x.sqliteP95} | ${x.mariadbRps} | ${x.mariadbP95} | ${x.ratio} |`);
    }
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
