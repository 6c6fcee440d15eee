/**
 * Seeds one partner on MariaDB/MySQL with the analytics data set of issue 13 item 3, fast (multi-row INSERTs of
 * 5,000 rows): 100,000 users over the last 365 days, 2,000,000 analytics events (a quarter of them
 * `generate_acknowledged` with a latency), and the business rows the KPIs read: 200,000 jobs and images, their
 * ledger debits, rewards, 10,000 paid orders. Then builds the daily rollups (analytics/rollup.ts) for every day.
 *
 * The database is reused: a complete seed leaves a marker row (`bench_seed`: this seed's version and its sizes), and a
 * later call with the same version and sizes only brings the rollups up to date (and rebuilds them all when the rollup
 * schema changed, `ROLLUP_SCHEMA` of analytics/rollup.ts). A database without the marker (an interrupted seed, an older
 * seed) is dropped and seeded again: about 5 minutes of inserts on a quiet 2-core machine, 9 under heavy load.
 * CLI: `npx tsx bench/seed-analytics.ts [--url mysql://root@127.0.0.1:3306/ais_bench_analytics] [--users 100000] [--events 2000000] [--rebuild-rollups]`.
 */
import { QueryTypes } from 'sequelize';
import { DEFAULT_TENANT_ID } from '../api/src/tenants/tenants.js';
import { getTenantConfig } from '../api/src/tenants/config-store.js';
import { ROLLUP_SCHEMA, ROLLUP_TABLES, rollupTenant } from '../api/src/analytics/rollup.js';
import { openBenchDb } from './seed-feed.js';
import { dropDatabase } from '../api/src/db.js';

/** Bump when the generated rows change: a database with another version is seeded again. */
export const SEED_VERSION = 'analytics-2026-11-26';

export const ANALYTICS_BENCH_URL = 'mysql://root@127.0.0.1:3306/ais_bench_analytics';
const T = DEFAULT_TENANT_ID;
const DAY = 86_400_000;
const sqlDate = (d: Date | number) => new Date(d).toISOString().slice(0, 23).replace('T', ' ');


/** Rows of the seed's multi-row INSERTs: `row(i)` is the VALUES tuple of row i. */
type Insert = (table: string, cols: string, total: number, row: (i: number) => string) => Promise<void>;

/**
 * One job, its image and its debit per entry of `imgs` (user id, time), ids `job_<tag><i>` and `img_<tag><i>`: one in
 * 50 failed and refunded, the providers in turn. The seed's year (tag `an`) and today's top-up (`td`).
 */
async function insertImages(insert: Insert, tag: string, imgs: { u: string; t: string }[]) {
  const providers = ['local', 'openai', 'stability'];
  const n = imgs.length;
  const failed = (i: number) => i % 50 === 0;
  await insert('generation_jobs', 'id, tenant_id, user_id, image_id, status, progress, attempts, max_attempts, cost, refunded, request, provider, created_at, updated_at',
    n, (i) => `('job_${tag}${i}', '${T}', '${imgs[i]!.u}', 'img_${tag}${i}', '${failed(i) ? 'failed' : 'succeeded'}', 100, 1, 3, 1000, ${failed(i) ? 1 : 0}, '{}', '${providers[i % 3]}', '${imgs[i]!.t}', '${imgs[i]!.t}')`);
  await insert('generated_images', 'id, tenant_id, user_id, job_id, prompt_text, tier, width, height, provider, status, watermark, credits_spent, billable, created_at, updated_at',
    n, (i) => `('img_${tag}${i}', '${T}', '${imgs[i]!.u}', 'job_${tag}${i}', 'p', 'standard', 512, 512, '${providers[i % 3]}', '${failed(i) ? 'failed' : 'succeeded'}', 1, 1000, 1, '${imgs[i]!.t}', '${imgs[i]!.t}')`);
  await insert('credit_ledger', 'tenant_id, user_id, delta, balance_after, reason, ref_type, ref_id, spending, created_at',
    n, (i) => `('${T}', '${imgs[i]!.u}', -1000, 0, 'generation', 'job', 'job_${tag}${i}', 1, '${imgs[i]!.t}')`);
}

/** The marker of a complete seed, or null (no marker table, no row, another version or size). */
async function readMarker(url: string, want: string): Promise<{ seed: boolean; rollups: string | null }> {
  const u = new URL(url);
  const { Sequelize } = await import('sequelize');
  const admin = new Sequelize('', decodeURIComponent(u.username), decodeURIComponent(u.password), { dialect: 'mysql', host: u.hostname, port: Number(u.port || 3306), logging: false });
  try {
    const db = u.pathname.slice(1);
    const [t] = (await admin.query('SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = ?',
      { type: QueryTypes.SELECT, replacements: [db, 'bench_seed'] })) as [{ n: number }];
    if (!Number(t.n)) return { seed: false, rollups: null };
    const rows = (await admin.query(`SELECT name, version FROM \`${db}\`.bench_seed`, { type: QueryTypes.SELECT })) as { name: string; version: string }[];
    const get = (n: string) => rows.find((r) => r.name === n)?.version ?? null;
    return { seed: get('seed') === want, rollups: get('rollups') };
  } finally { await admin.close(); }
}

/** Whether the bench database holds a complete seed of this version and size (a cheap check: the marker row only). */
export async function analyticsSeedReady(opts: { url?: string; users?: number; events?: number } = {}) {
  const url = opts.url ?? ANALYTICS_BENCH_URL;
  return (await readMarker(url, `${SEED_VERSION}/${opts.users ?? 100_000}/${opts.events ?? 2_000_000}`)).seed;
}

export async function seedAnalytics(opts: { url?: string; users?: number; events?: number; images?: number; rebuildRollups?: boolean; log?: (m: string) => void } = {}) {
  const url = opts.url ?? ANALYTICS_BENCH_URL;
  const nUsers = opts.users ?? 100_000;
  const nEvents = opts.events ?? 2_000_000;
  const nImages = opts.images ?? 200_000;
  const log = opts.log ?? ((m: string) => console.error(m));
  const version = `${SEED_VERSION}/${nUsers}/${nEvents}`;
  const marker = await readMarker(url, version);
  if (!marker.seed) {
    log(`seed: no complete seed (${version}) in ${url}: dropping it and seeding ${nUsers} users and ${nEvents} events (about 5 min on a quiet 2-core machine, 9 min loaded)`);
    await dropDatabase(url);
  }
  const db = await openBenchDb(url);
  const started = Date.now();
  try {
    await db.sequelize.query('CREATE TABLE IF NOT EXISTS bench_seed (name VARCHAR(32) PRIMARY KEY, version VARCHAR(191) NOT NULL, at DATETIME(3) NOT NULL)');
    const setMarker = (name: string, v: string) => db.sequelize.query('REPLACE INTO bench_seed (name, version, at) VALUES (?, ?, NOW(3))', { replacements: [name, v] });
    if (!marker.seed) {
      const now = Date.now();
      // The data ends yesterday so the rollups cover it all; "today" stays live and small.
      const end = now - (now % DAY);
      const begin = end - 365 * DAY;
      let x = 7;
      const rnd = () => { x = (x * 1103515245 + 12345) % 2 ** 31; return x / 2 ** 31; };
      const userAt = (i: number) => begin + Math.floor((i / nUsers) * 365 * DAY);
      const insert = async (table: string, cols: string, total: number, row: (i: number) => string) => {
        for (let s = 0; s < total; s += 5000) {
          const rows: string[] = [];
          for (let i = s; i < Math.min(total, s + 5000); i++) rows.push(row(i));
          await db.sequelize.query(`INSERT INTO ${table} (${cols}) VALUES ${rows.join(',')}`);
          if ((s / 5000) % 40 === 0) log(`seed: ${table} ${s + rows.length}/${total} (${Math.round((Date.now() - started) / 1000)} s)`);
        }
      };
      const bands = ['A', 'B', 'C'];
      await insert('users', 'id, tenant_id, sub, name, role, referral_code, referred_by_user_id, price_band, is_paying, generation_count, first_generation_at, created_at, updated_at',
        nUsers, (i) => {
          const at = userAt(i);
          const gen = rnd() < 0.6 ? `'${sqlDate(at + Math.floor(rnd() * 3 * DAY))}'` : 'NULL';
          const ref = i > 100 && rnd() < 0.1 ? `'usr_an${Math.floor(rnd() * i)}'` : 'NULL';
          return `('usr_an${i}', '${T}', 'an-${i}', 'User ${i}', 'user', 'AN${i.toString(36).toUpperCase()}', ${ref}, '${bands[i % 3]}', 0, 0, ${gen}, '${sqlDate(at)}', '${sqlDate(at)}')`;
        });
      // A user's activity happens after its signup.
      const actAt = (u: number) => { const a = userAt(u); return a + Math.floor(rnd() * (end - a)); };
      const imgUser: number[] = []; const imgAt: number[] = [];
      for (let i = 0; i < nImages; i++) { const u = Math.floor(rnd() * nUsers); imgUser.push(u); imgAt.push(actAt(u)); }
      await insertImages(insert, 'an', imgUser.map((u, i) => ({ u: `usr_an${u}`, t: sqlDate(imgAt[i]!) })));
      await insert('credit_ledger', 'tenant_id, user_id, delta, balance_after, reason, ref_type, ref_id, spending, created_at',
        nImages / 10, (i) => `('${T}', 'usr_an${Math.floor(rnd() * 5000)}', 500, 0, 'reward', 'reuse', 'rw_an${i}', 0, '${sqlDate(imgAt[i * 10]!)}')`);
      await insert('prompt_reuse_events', 'id, tenant_id, source_post_id, remixer_user_id, remixed_image_id, creator_user_id, rewarded, reward_credits, created_at',
        nImages / 10, (i) => `('reu_an${i}', '${T}', 'post_an${i % 1000}', 'usr_an${imgUser[i * 10]}', 'img_an${i * 10}', 'usr_an${i % 5000}', 1, 500, '${sqlDate(imgAt[i * 10]!)}')`);
      await insert('orders', 'id, tenant_id, user_id, gateway, gateway_order_id, amount_paise, currency, credits, pack_id, quantity, price_band, status, paid_at, created_at, updated_at',
        10_000, (i) => { const u = Math.floor(rnd() * nUsers); const at = sqlDate(actAt(u)); return `('ord_an${i}', '${T}', 'usr_an${u}', 'sandbox', 'g${i}', ${[2000, 5000, 10000][i % 3]}, 'INR', 10000, 'pack_10', 10, '${bands[u % 3]}', 'paid', '${at}', '${at}', '${at}')`; });
      const names = ['image_generated', 'remix_opened', 'post_liked', 'image_published', 'generate_acknowledged'];
      await insert('analytics_events', 'tenant_id, user_id, name, props, created_at', nEvents, (i) => {
        const u = Math.floor(rnd() * nUsers);
        const name = names[i % 4 === 0 ? 4 : i % 4];
        const props = name === 'generate_acknowledged' ? `{"ms":${5 + Math.floor(rnd() * rnd() * 600)},"tier":"standard"}` : '{}';
        return `('${T}', 'usr_an${u}', '${name}', '${props}', '${sqlDate(actAt(u))}')`;
      });
      await db.sequelize.query('ANALYZE TABLE users, generation_jobs, generated_images, credit_ledger, orders, analytics_events, prompt_reuse_events');
      await setMarker('seed', version);
      log(`seed: inserted in ${Math.round((Date.now() - started) / 1000)} s`);
    } else log(`seed: reusing the complete seed ${version}`);
    const r0 = Date.now();
    if (opts.rebuildRollups || marker.rollups !== ROLLUP_SCHEMA) {
      // Rollups of another schema (or asked for): every day again, so new rollup tables are filled for the whole year.
      log(`seed: rebuilding the rollups of every day (schema ${marker.rollups ?? 'none'} -> ${ROLLUP_SCHEMA})`);
      for (const table of ROLLUP_TABLES) await db.sequelize.query(`DELETE FROM ${table} WHERE tenant_id = ?`, { replacements: [T] });
    }
    const done = await rollupTenant(T, { ...(await getTenantConfig(T)), retention: { analyticsEventsDays: 3650 } });
    await setMarker('rollups', ROLLUP_SCHEMA);
    log(`seed: rollups of ${done.computed} days in ${Math.round((Date.now() - r0) / 1000)} s`);
    return { ms: Date.now() - started, rollupDays: done.computed, rollupMs: Date.now() - r0 };
  } finally {
    await db.close();
  }
}

/**
 * Gives the partner's today (its midnight, in its time zone, to now) a whole day's volume of the seed's rows: a 365th
 * of its signups, jobs and images with their debits, rewards and remixes, paid orders and analytics events, spread
 * over the hours gone so far. The seed itself ends at the last UTC midnight, so without this the report's live slice
 * (today, computed from the source tables on every request) held anything from nothing to a few hours of rows
 * depending on the hour the bench ran; now it is measured at its largest. Rows of an earlier top-up are replaced.
 */
export async function topUpToday(opts: { url?: string; users?: number; events?: number; images?: number; timezone?: string } = {}) {
  const url = opts.url ?? ANALYTICS_BENCH_URL;
  const nUsers = Math.round((opts.users ?? 100_000) / 365);
  const nEvents = Math.round((opts.events ?? 2_000_000) / 365);
  const nImages = Math.round((opts.images ?? 200_000) / 365);
  const { DateTime } = await import('luxon');
  const now = Date.now();
  const start = DateTime.fromMillis(now).setZone(opts.timezone ?? 'Asia/Kolkata').startOf('day').toMillis();
  const db = await openBenchDb(url);
  try {
    const q = (sql: string, replacements: unknown[] = []) => db.sequelize.query(sql, { replacements });
    // The previous top-up's rows (ids and references with "td", events marked in their props).
    await q("DELETE FROM users WHERE id LIKE 'usr_td%'");
    await q("DELETE FROM generation_jobs WHERE id LIKE 'job_td%'");
    await q("DELETE FROM generated_images WHERE id LIKE 'img_td%'");
    await q("DELETE FROM credit_ledger WHERE reason = 'generation' AND ref_type = 'job' AND ref_id LIKE 'job_td%'");
    await q("DELETE FROM credit_ledger WHERE reason = 'reward' AND ref_type = 'reuse' AND ref_id LIKE 'rw_td%'");
    await q("DELETE FROM prompt_reuse_events WHERE id LIKE 'reu_td%'");
    await q("DELETE FROM orders WHERE id LIKE 'ord_td%'");
    await q(`DELETE FROM analytics_events WHERE tenant_id = ? AND created_at >= ? AND props LIKE '%"td":1%'`, [T, sqlDate(start - 2 * DAY)]);
    let x = 11;
    const rnd = () => { x = (x * 1103515245 + 12345) % 2 ** 31; return x / 2 ** 31; };
    const at = () => sqlDate(start + Math.floor(rnd() * Math.max(1, now - start - 1000)));
    const insert = async (table: string, cols: string, total: number, row: (i: number) => string) => {
      for (let s = 0; s < total; s += 2000) {
        const rows: string[] = [];
        for (let i = s; i < Math.min(total, s + 2000); i++) rows.push(row(i));
        await q(`INSERT INTO ${table} (${cols}) VALUES ${rows.join(',')}`);
      }
    };
    const bands = ['A', 'B', 'C'];
    await insert('users', 'id, tenant_id, sub, name, role, referral_code, referred_by_user_id, price_band, is_paying, generation_count, first_generation_at, created_at, updated_at',
      nUsers, (i) => { const t = at(); return `('usr_td${i}', '${T}', 'td-${i}', 'Today ${i}', 'user', 'TD${i.toString(36).toUpperCase()}', NULL, '${bands[i % 3]}', 0, 0, ${rnd() < 0.6 ? `'${t}'` : 'NULL'}, '${t}', '${t}')`; });
    // Today's activity comes from anyone: today's signups and the seed's users.
    const who = () => (rnd() < 0.2 ? `usr_td${Math.floor(rnd() * nUsers)}` : `usr_an${Math.floor(rnd() * 100_000)}`);
    const imgs = Array.from({ length: nImages }, () => ({ u: who(), t: at() }));
    await insertImages(insert, 'td', imgs);
    const nRewards = Math.round(nImages / 10);
    await insert('credit_ledger', 'tenant_id, user_id, delta, balance_after, reason, ref_type, ref_id, spending, created_at',
      nRewards, (i) => `('${T}', 'usr_an${Math.floor(rnd() * 5000)}', 500, 0, 'reward', 'reuse', 'rw_td${i}', 0, '${imgs[i * 10]!.t}')`);
    await insert('prompt_reuse_events', 'id, tenant_id, source_post_id, remixer_user_id, remixed_image_id, creator_user_id, rewarded, reward_credits, created_at',
      nRewards, (i) => `('reu_td${i}', '${T}', 'post_an${i % 1000}', '${imgs[i * 10]!.u}', 'img_td${i * 10}', 'usr_an${i % 5000}', 1, 500, '${imgs[i * 10]!.t}')`);
    await insert('orders', 'id, tenant_id, user_id, gateway, gateway_order_id, amount_paise, currency, credits, pack_id, quantity, price_band, status, paid_at, created_at, updated_at',
      Math.round(10_000 / 365), (i) => { const t = at(); return `('ord_td${i}', '${T}', '${who()}', 'sandbox', 'gtd${i}', ${[2000, 5000, 10000][i % 3]}, 'INR', 10000, 'pack_10', 10, '${bands[i % 3]}', 'paid', '${t}', '${t}', '${t}')`; });
    const names = ['image_generated', 'remix_opened', 'post_liked', 'image_published', 'generate_acknowledged'];
    await insert('analytics_events', 'tenant_id, user_id, name, props, created_at', nEvents, (i) => {
      const name = names[i % 4 === 0 ? 4 : i % 4];
      const props = name === 'generate_acknowledged' ? `{"ms":${5 + Math.floor(rnd() * rnd() * 600)},"tier":"standard","td":1}` : '{"td":1}';
      return `('${T}', '${who()}', '${name}', '${props}', '${at()}')`;
    });
    return { since: new Date(start).toISOString(), users: nUsers, images: nImages, events: nEvents };
  } finally {
    await db.close();
  }
}

const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };
if (import.meta.url === `file://${process.argv[1]}`) {
  seedAnalytics({ url: arg('url'), users: arg('users') ? Number(arg('users')) : undefined, events: arg('events') ? Number(arg('events')) : undefined,
    rebuildRollups: process.argv.includes('--rebuild-rollups') })
    .then((r) => console.log(JSON.stringify(r)))
    .catch((err) => { console.error(err); process.exit(1); });
}
