/**
 * Analytics at scale (issue 13 item 3): on the data set of bench/seed-analytics.ts (100,000 users, 2,000,000 events,
 * one partner, MariaDB), the latency of every `GET /api/admin/analytics` view over HTTP (p50/p95 of sequential
 * requests, one API process) and the memory of the CSV export while it streams.
 * The data set is seeded once and reused (bench/seed-analytics.ts keeps a marker row of a complete seed); only the
 * rollups are brought up to date before the run. Per view: p50/p95 of each run and their medians, and the CPU of this
 * process per request (the API server runs in it; the HTTP client's share is small), next to the load average.
 * CLI: `npx tsx bench/analytics.ts [--url mysql://...] [--requests 40] [--runs 3]`. Prints JSON.
 */
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import jwt from 'jsonwebtoken';
import { loadConfig } from '../api/src/config.js';
import { configureLogger } from '../api/src/logger.js';
import { bootServices, shutdownServices } from '../api/src/boot.js';
import { buildApp } from '../api/src/app.js';
import { DateTime } from 'luxon';
import { ANALYTICS_BENCH_URL, seedAnalytics, topUpToday } from './seed-analytics.js';
import { BENCH_ENV } from './seed-feed.js';

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!; };
const median = (xs: number[]) => pct(xs, 50);
/** A date of the partner's calendar (Asia/Kolkata, the default partner's zone), as the admin's date pickers send it. */
const day = (offset: number) => DateTime.now().setZone('Asia/Kolkata').plus({ days: offset }).toISODate()!;

export async function benchAnalytics(opts: { url?: string; requests?: number; runs?: number } = {}) {
  const url = opts.url ?? ANALYTICS_BENCH_URL;
  const requests = opts.requests ?? 40;
  const runs = opts.runs ?? 3;
  const seed = await seedAnalytics({ url });
  // Today's live slice at a whole day's volume, whatever the hour (the seed ends at the last UTC midnight).
  const today = await topUpToday({ url });
  console.log(`  analytics: today (since ${today.since}) topped up to a day's volume: ${today.users} signups, ${today.images} images, ${today.events} events`);
  const config = loadConfig({ ...BENCH_ENV, DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'warn' });
  configureLogger('warn');
  await bootServices(config, { worker: false, workerName: 'bench-analytics' });
  const app = buildApp();
  const server: Server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = jwt.sign({ sub: 'bench-admin', name: 'Bench', role: 'admin' }, BENCH_ENV.AUTH_JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
  const views: Record<string, string> = {
    'last 30 days (default)': '/api/admin/analytics',
    'last 7 days + today': `/api/admin/analytics?from=${day(-7)}&to=${day(0)}`,
    '90 days + baseline': `/api/admin/analytics?from=${day(-90)}&to=${day(-1)}&baselineFrom=${day(-180)}&baselineTo=${day(-91)}`,
    '365 days': `/api/admin/analytics?from=${day(-364)}&to=${day(0)}`,
    'ISO window (cut days)': `/api/admin/analytics?from=${day(-40)}T07:13:00Z&to=${day(-10)}T16:41:00Z`,
    'CSV daily 365 days': `/api/admin/analytics.csv?from=${day(-364)}&to=${day(0)}`,
    'CSV kpis 90 days': `/api/admin/analytics.csv?table=kpis&from=${day(-90)}&to=${day(-1)}`,
  };
  const results: Record<string, { p50: number[]; p95: number[]; cpu: number[] }> = {};
  const load: number[] = [];
  const memory: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      for (const [name, path] of Object.entries(views)) {
        const ms: number[] = [];
        const cpu0 = process.cpuUsage();
        for (let i = 0; i < requests; i++) {
          const t0 = performance.now();
          const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
          if (res.status !== 200) throw new Error(`${name}: ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
          ms.push(performance.now() - t0);
        }
        const cpu = process.cpuUsage(cpu0);
        const cpuMs = (cpu.user + cpu.system) / 1000 / requests;
        load.push(os.loadavg()[0]!);
        console.error(`run ${run + 1} ${name}: p50 ${Math.round(pct(ms, 50))} ms p95 ${Math.round(pct(ms, 95))} ms  API CPU ${Math.round(cpuMs)} ms/request  (load ${os.loadavg()[0]!.toFixed(1)})`);
        (results[name] ??= { p50: [], p95: [], cpu: [] }).p50.push(pct(ms, 50));
        results[name].p95.push(pct(ms, 95));
        results[name].cpu.push(cpuMs);
      }
      // CSV memory: peak RSS growth over 20 exports of a year streamed (same process as the server).
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
      for (let i = 0; i < 20; i++) {
        const res = await fetch(base + views['CSV daily 365 days']!, { headers: { authorization: `Bearer ${token}` } });
        const reader = res.body!.getReader();
        while (!(await reader.read()).done) { /* drain */ }
      }
      clearInterval(timer);
      memory.push(Math.round((peak - before) / 1024));
    }
  } finally {
    await new Promise((r) => server.close(r));
    server.closeAllConnections?.();
    await shutdownServices();
  }
  const views2 = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { p50Ms: Math.round(median(v.p50)), p95Ms: Math.round(median(v.p95)),
    p95PerRun: v.p95.map(Math.round), cpuMsPerRequest: Math.round(median(v.cpu)) }]));
  const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? '?', node: process.version, date: new Date().toISOString() };
  return { machine, load: { min: Math.round(Math.min(...load) * 10) / 10, median: Math.round(median(load) * 10) / 10, max: Math.round(Math.max(...load) * 10) / 10 },
    seed, requestsPerView: requests, runs, views: views2, csvPeakRssGrowthKiB: { median: median(memory), runs: memory } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchAnalytics({ url: arg('url'), requests: arg('requests') ? Number(arg('requests')) : undefined, runs: arg('runs') ? Number(arg('runs')) : undefined })
    .then((r) => { console.log(JSON.stringify(r, null, 2)); process.exit(0); })
    .catch((err) => { console.error(err); process.exit(1); });
}
