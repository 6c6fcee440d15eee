/**
 * Seeds a MariaDB/MySQL or SQLite database with N community posts for the feed benchmark, fast: multi-row INSERTs of
 * `batch` rows per statement (5,000 by default) in one transaction each. An existing seed of at least N posts is
 * reused. CLI: `npx tsx bench/seed-feed.ts [--url mysql://root@127.0.0.1:3306/ais_bench_feed] [--posts 1000000]`.
 */
import crypto from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { createDatabase, ensureDatabaseExists, migrate, type Database } from '../api/src/db.js';
import { initModels } from '../api/src/models/index.js';
import { databaseOnlyContext, setAppContext } from '../api/src/context.js';
import { configureLogger } from '../api/src/logger.js';
import { ensureDefaultTenant, DEFAULT_TENANT_ID } from '../api/src/tenants/tenants.js';
import { seedCatalog } from '../api/src/tenants/seed-catalog.js';
import { trendingScore } from '../api/src/community/scoring.js';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../api/src/config.js';

export const DEFAULT_BENCH_URL = 'mysql://root@127.0.0.1:3306/ais_bench_feed';
/** The secrets the seed and the benchmarked server share (the default partner's JWT secret is stored encrypted). */
export const BENCH_ENV = {
  NODE_ENV: 'production', AUTH_JWT_SECRET: 'bench-jwt-secret-0123456789abcdef', MASTER_KEY: 'bench-master-key-0123456789abcdef',
  PAYMENTS_SANDBOX_SECRET: 'bench-sandbox-secret-0123456789', DATA_DIR: path.join(os.tmpdir(), 'ais-bench-feed'), LOG_LEVEL: 'warn',
  // Production refuses to guess the gateway and leave /metrics open.
  PAYMENTS_GATEWAY: 'sandbox', METRICS_TOKEN: 'bench-metrics-token-0123456789',
};
export interface SeedOptions { url?: string; posts?: number; users?: number; batch?: number; log?: (msg: string) => void }

const rid = () => crypto.randomBytes(12).toString('base64url');
let sqliteDates = false;
/** A date as the column stores it (SQLite rows written by Sequelize carry the offset). */
const sqlDate = (d: Date) => d.toISOString().slice(0, 23).replace('T', ' ') + (sqliteDates ? ' +00:00' : '');

export async function openBenchDb(url = DEFAULT_BENCH_URL): Promise<Database> {
  configureLogger('warn');
  await ensureDatabaseExists(url);
  const db = createDatabase(url, { poolMax: 4 });
  initModels(db.sequelize);
  setAppContext(databaseOnlyContext(loadConfig({ ...BENCH_ENV, DATABASE_URL: url }), db));
  await migrate(db);
  await ensureDefaultTenant();
  await seedCatalog(DEFAULT_TENANT_ID);
  return db;
}

/** Seeds posts (and their authors) unless the database already holds enough; returns the post count. */
export async function seedFeed(opts: SeedOptions = {}): Promise<{ posts: number; seeded: number; ms: number }> {
  const url = opts.url ?? DEFAULT_BENCH_URL;
  const want = opts.posts ?? 1_000_000;
  const batch = opts.batch ?? 5000;
  const log = opts.log ?? ((m: string) => console.error(m));
  const db = await openBenchDb(url);
  sqliteDates = db.dialect === 'sqlite';
  const ignore = db.dialect === 'sqlite' ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
  const q = (sql: string, replacements?: Record<string, unknown>) => db.sequelize.query(sql, { replacements, type: QueryTypes.SELECT }) as Promise<Record<string, unknown>[]>;
  try {
    const started = Date.now();
    const [{ n }] = (await q('SELECT COUNT(*) AS n FROM community_posts WHERE tenant_id = :t', { t: DEFAULT_TENANT_ID })) as [{ n: number }];
    const have = Number(n);
    if (have >= want) {
      log(`seed: reusing ${have} existing posts`);
      return { posts: have, seeded: 0, ms: 0 };
    }
    const cats = (await q('SELECT id FROM image_categories WHERE tenant_id = :t AND is_active = 1', { t: DEFAULT_TENANT_ID })).map((r) => String(r.id));
    const userCount = opts.users ?? 5000;
    const [{ u }] = (await q("SELECT COUNT(*) AS u FROM users WHERE tenant_id = :t AND sub LIKE 'bench-author-%'", { t: DEFAULT_TENANT_ID })) as [{ u: number }];
    const now = new Date();
    if (Number(u) < userCount) {
      for (let start = Number(u); start < userCount; start += batch) {
        const rows: string[] = [];
        for (let i = start; i < Math.min(userCount, start + batch); i++) {
          rows.push(`('usr_bench${i}', '${DEFAULT_TENANT_ID}', 'bench-author-${i}', 'Author ${i}', 'user', 'B${i.toString(36).toUpperCase().padStart(7, '0')}', 0, 0, '${sqlDate(now)}', '${sqlDate(now)}')`);
        }
        await db.sequelize.query(`${ignore} INTO users (id, tenant_id, sub, name, role, referral_code, is_paying, generation_count, created_at, updated_at) VALUES ${rows.join(',')}`);
      }
    }
    const yearMs = 365 * 24 * 3600e3;
    let seeded = 0;
    for (let start = have; start < want; start += batch) {
      const rows: string[] = [];
      for (let i = start; i < Math.min(want, start + batch); i++) {
        const created = new Date(now.getTime() - 60_000 - Math.floor(Math.random() * yearMs));
        // Heavy-tailed engagement: most posts have a few likes, a few have hundreds.
        const likes = Math.floor(Math.exp(Math.random() * 6)) - 1;
        const reuses = Math.floor(likes * Math.random() * 0.3);
        const roll = Math.random();
        const visibility = roll < 0.02 ? 'private' : 'public';
        const hidden = roll >= 0.02 && roll < 0.03 ? 1 : 0;
        const listed = visibility === 'public' && !hidden ? 1 : 0;
        const d = sqlDate(created);
        rows.push(`('post_${rid()}', '${DEFAULT_TENANT_ID}', 'img_bench${i}', 'usr_bench${i % userCount}', 'Bench post ${i}', '${cats[i % cats.length]}', '["bench"]', 'bench prompt ${i}', ${likes}, ${reuses}, 0, '${visibility}', ${hidden}, 0, ${listed}, ${trendingScore(likes, reuses, created)}, 1, NULL, '1970-01-01 00:00:00.000', '${d}', '${d}')`);
      }
      await db.tx(async (t) => {
        await db.sequelize.query(`INSERT INTO community_posts (id, tenant_id, image_id, user_id, title, category_id, tags, prompt_text, likes_count, reuse_count,
          reward_total, visibility, is_hidden, is_deleted, listed, trending_score, watermark, hidden_reason, score_changed_at, created_at, updated_at) VALUES ${rows.join(',')}`,
        { transaction: t });
      });
      seeded += rows.length;
      if ((start / batch) % 20 === 0) log(`seed: ${start + rows.length}/${want} posts (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    await db.sequelize.query(db.dialect === 'sqlite' ? 'ANALYZE' : 'ANALYZE TABLE community_posts, users');
    const ms = Date.now() - started;
    log(`seed: ${seeded} posts inserted in ${Math.round(ms / 1000)} s`);
    return { posts: have + seeded, seeded, ms };
  } finally {
    await db.close();
  }
}

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
if (import.meta.url === `file://${process.argv[1]}`) {
  seedFeed({ url: arg('url'), posts: arg('posts') ? Number(arg('posts')) : undefined })
    .then((r) => console.log(JSON.stringify(r)))
    .catch((err) => { console.error(err); process.exit(1); });
}
