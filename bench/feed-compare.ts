/**
 * Feed on SQLite against MariaDB (issue 13 item 4): the same scenarios of bench/feed.ts (first and deep pages, sorts,
 * category), on the same number of posts (100,000 by default), one after the other in one run, and the throughput
 * ratio per scenario (MariaDB req/s / SQLite req/s; the target is ≤ 2). Each database gets its own seed (reused when present).
 * CLI: `npx tsx bench/feed-compare.ts [--posts 100000] [--concurrency 20] [--duration 8] [--depth 20]`.
 */
import os from 'node:os';
import path from 'node:path';
import { runFeedBench } from './feed.js';

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };

export async function compareFeed(opts: { posts?: number; concurrency?: number; durationSec?: number; depth?: number } = {}) {
  const posts = opts.posts ?? 100_000;
  const common = { posts, concurrency: opts.concurrency ?? 20, durationSec: opts.durationSec ?? 8, depth: opts.depth ?? 20 };
  const sqlite = await runFeedBench({ ...common, url: `sqlite://${path.join(os.tmpdir(), `ais-bench-feed-${posts}.db`)}`, port: 3911 });
  const mariadb = await runFeedBench({ ...common, url: `mysql://root@127.0.0.1:3306/ais_bench_feed_${posts}`, port: 3912 });
  const rows = sqlite.results.map((s, i) => {
    const m = mariadb.results[i]!;
    return { scenario: s.name, sqliteRps: s.rps, sqliteP95: s.p95, mariadbRps: m.rps, mariadbP95: m.p95, ratio: Math.round((m.rps / Math.max(1, s.rps)) * 100) / 100 };
  });
  return { date: sqlite.date, machine: sqlite.machine, load: os.loadavg().map((x) => Math.round(x * 10) / 10), ...common, rows,
    explain: { sqlite: sqlite.explain, mariadb: mariadb.explain } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  compareFeed({ posts: arg('posts') ? Number(arg('posts')) : undefined, concurrency: arg('concurrency') ? Number(arg('concurrency')) : undefined,
    durationSec: arg('duration') ? Number(arg('duration')) : undefined, depth: arg('depth') ? Number(arg('depth')) : undefined })
    .then((r) => { console.log(JSON.stringify(r, null, 2)); process.exit(0); })
    .catch((err) => { console.error(err); process.exit(1); });
}
