import { DateTime } from 'luxon';
import { Op, QueryTypes, type Transaction } from 'sequelize';
import { GeneratedImage, Order, User } from '../models/index.js';
import { services } from '../context.js';
import { sqlInstant, isUniqueViolation, retryOnDeadlock } from '../db.js';
import { logger } from '../logger.js';

/**
 * Daily rollups of the analytics sources (migrations/0840-analytics-rollups.ts). A day is a calendar day in the
 * partner's time zone; its aggregate is computed from that day's rows only (every source query is bounded by the
 * day, through a tenant+time index), and written whole: delete the day's rows, insert the new ones, in one
 * transaction. Computing a day twice, in one process or several at once, leaves the same rows.
 *
 * The same `aggregateRange` answers any live slice (today so far, the partial first and last day of an ISO
 * date-time window, a day the job has not reached yet), so the report (analytics/report.ts) merges rollups and
 * live slices of one shape.
 */
export interface UserDay { band: string; generations: number; rewardMilli: number; paidPaise: number; paidOrders: number }
export interface RangeAggregate {
  signups: number; activated48h: number; generations: number; activeUsers: number; finishedJobs: number; failedJobs: number; fallbackJobs: number; remixes: number;
  creditsSpentMilli: number; rewardMilli: number; revenuePaise: number; paidOrders: number; newPayers: number;
  /** Acknowledgement latencies: ms value -> count (exact; the p95 over any set of days is computed from the merged counts). */
  acks: Map<number, number>;
  /** `${reason}|${spending ? 1 : 0}` -> positive (credit) and negative (debit, absolute) sums. */
  ledger: Map<string, { credit: number; debit: number }>;
  providers: Map<string, number>;
  /** Price band ('' = none assigned) -> signups and first-time payers. */
  bands: Map<string, { signups: number; newPayers: number }>;
  users: Map<string, UserDay>;
}

const HOUR = 3_600_000;
/** Every table that holds a day's rollup (written together by writeDay). */
export const ROLLUP_TABLES = ['analytics_days', 'analytics_day_ledger', 'analytics_day_providers', 'analytics_day_bands', 'analytics_day_users',
  'analytics_day_earners', 'analytics_day_payers'] as const;
/** The last migration that changed what a day's rollup holds (bench/seed-analytics.ts rebuilds older rollups). */
export const ROLLUP_SCHEMA = '0890-analytics-earners-payers';
/** Days the job always recomputes: job statuses, first generations (48 h activation) and payments settle within them. */
export const SETTLE_DAYS = 3;

export const emptyAggregate = (): RangeAggregate => ({
  signups: 0, activated48h: 0, generations: 0, activeUsers: 0, finishedJobs: 0, failedJobs: 0, fallbackJobs: 0, remixes: 0, creditsSpentMilli: 0, rewardMilli: 0,
  revenuePaise: 0, paidOrders: 0, newPayers: 0, acks: new Map(), ledger: new Map(), providers: new Map(), bands: new Map(), users: new Map(),
});

const num = (v: unknown) => Number(v ?? 0);
const sql = () => services().db.sequelize;

/** The start of a calendar day in a time zone, and of the next one. */
export function dayBounds(day: string, timezone: string): [Date, Date] {
  const start = DateTime.fromISO(day, { zone: timezone }).startOf('day');
  return [start.toJSDate(), start.plus({ days: 1 }).toJSDate()];
}

/**
 * The paid orders of [from, to) only: revenue, paid orders, and each payer's sums (band and first-payment are not
 * looked up). What the ARPPU baseline needs from a live slice; the other seven source queries of aggregateRange are skipped.
 */
export async function aggregateRevenue(tenantId: string, from: Date, to: Date): Promise<RangeAggregate> {
  const a = emptyAggregate();
  const orders = (await sql().query(`SELECT user_id, amount_paise FROM orders WHERE tenant_id = :t AND status = 'paid' AND paid_at >= :a AND paid_at < :b`,
    { type: QueryTypes.SELECT, replacements: { t: tenantId, a: sqlInstant(sql().getDialect(), from), b: sqlInstant(sql().getDialect(), to) } })) as { user_id: string; amount_paise: unknown }[];
  for (const o of orders) {
    let u = a.users.get(o.user_id);
    if (!u) a.users.set(o.user_id, u = { band: '', generations: 0, rewardMilli: 0, paidPaise: 0, paidOrders: 0 });
    u.paidPaise += num(o.amount_paise);
    u.paidOrders += 1;
    a.revenuePaise += num(o.amount_paise);
    a.paidOrders += 1;
  }
  return a;
}

/** Everything the report needs from the rows created in [from, to), computed from the source tables. */
export async function aggregateRange(tenantId: string, from: Date, to: Date): Promise<RangeAggregate> {
  const a = emptyAggregate();
  // Raw replacements keep their milliseconds on MySQL (a job made half a second before "now" belongs to today).
  const r = { t: tenantId, a: sqlInstant(sql().getDialect(), from), b: sqlInstant(sql().getDialect(), to) };
  const q = <T>(text: string, replacements: Record<string, unknown> = r) => sql().query(text, { type: QueryTypes.SELECT, replacements }) as Promise<T[]>;
  const range = { [Op.gte]: from, [Op.lt]: to };
  const [signups, images, jobs, remixes, ledger, rewards, orders, acks] = await Promise.all([
    User.findAll({ where: { tenantId, createdAt: range }, attributes: ['id', 'createdAt', 'firstGenerationAt', 'priceBand'], raw: true }),
    GeneratedImage.findAll({ where: { tenantId, status: 'succeeded', createdAt: range }, attributes: ['userId', 'provider'], raw: true }),
    q<{ status: string; n: number; fallback: number }>(`SELECT status, COUNT(*) AS n, SUM(CASE WHEN fallback_from IS NULL THEN 0 ELSE 1 END) AS fallback
      FROM generation_jobs WHERE tenant_id = :t AND created_at >= :a AND created_at < :b AND status IN ('succeeded', 'failed') GROUP BY status`),
    q<{ n: number }>(`SELECT COUNT(*) AS n FROM prompt_reuse_events r JOIN generated_images i ON i.id = r.remixed_image_id
      WHERE r.tenant_id = :t AND r.created_at >= :a AND r.created_at < :b AND i.status = 'succeeded' AND i.created_at >= :a AND i.created_at < :b`),
    q<{ reason: string; spending: number | boolean; credit: number; debit: number }>(`SELECT reason, spending,
      SUM(CASE WHEN delta > 0 THEN delta ELSE 0 END) AS credit, SUM(CASE WHEN delta < 0 THEN -delta ELSE 0 END) AS debit
      FROM credit_ledger WHERE tenant_id = :t AND created_at >= :a AND created_at < :b GROUP BY reason, spending`),
    q<{ user_id: string; s: number }>(`SELECT user_id, SUM(delta) AS s FROM credit_ledger
      WHERE tenant_id = :t AND created_at >= :a AND created_at < :b AND reason = 'reward' AND delta > 0 GROUP BY user_id`),
    Order.findAll({ where: { tenantId, status: 'paid', paidAt: range }, attributes: ['userId', 'amountPaise'], raw: true }),
    // Latencies from the (tenant, name, created_at, ack_ms) index alone (migration 0900): no event row is read.
    q<{ ms: unknown; n: unknown }>(`SELECT ack_ms AS ms, COUNT(*) AS n FROM analytics_events
      WHERE tenant_id = :t AND name = 'generate_acknowledged' AND created_at >= :a AND created_at < :b GROUP BY ack_ms`),
  ]);
  // Events whose ms is not a JSON number (none that the API writes: ack_ms NULL) have their props read and parsed as
  // before, only when there are any (a filter on ack_ms IS NULL alone would make MariaDB read every row of the range).
  const odd = acks.some((x) => x.ms == null)
    ? await q<{ props: unknown }>(`SELECT props FROM analytics_events
      WHERE tenant_id = :t AND name = 'generate_acknowledged' AND created_at >= :a AND created_at < :b AND ack_ms IS NULL`)
    : [];

  const user = (id: string) => {
    let u = a.users.get(id);
    if (!u) a.users.set(id, u = { band: '', generations: 0, rewardMilli: 0, paidPaise: 0, paidOrders: 0 });
    return u;
  };
  const band = (b: string) => {
    let x = a.bands.get(b);
    if (!x) a.bands.set(b, x = { signups: 0, newPayers: 0 });
    return x;
  };
  const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
  for (const u of signups as unknown as { id: string; createdAt: unknown; firstGenerationAt: unknown; priceBand: string | null }[]) {
    a.signups += 1;
    band(u.priceBand ?? '').signups += 1;
    const first = date(u.firstGenerationAt);
    if (first && first.getTime() - date(u.createdAt)!.getTime() <= 48 * HOUR) a.activated48h += 1;
  }
  for (const i of images as unknown as { userId: string; provider: string | null }[]) {
    a.generations += 1;
    user(i.userId).generations += 1;
    const p = i.provider ?? 'unknown';
    a.providers.set(p, (a.providers.get(p) ?? 0) + 1);
  }
  for (const j of jobs) {
    a.finishedJobs += num(j.n);
    a.fallbackJobs += num(j.fallback);
    if (j.status === 'failed') a.failedJobs += num(j.n);
  }
  a.remixes = num(remixes[0]?.n);
  for (const l of ledger) {
    const spending = l.spending === true || Number(l.spending) === 1;
    a.ledger.set(`${l.reason}|${spending ? 1 : 0}`, { credit: num(l.credit), debit: num(l.debit) });
    if (spending) a.creditsSpentMilli += num(l.debit) - num(l.credit);
  }
  for (const w of rewards) {
    user(w.user_id).rewardMilli += num(w.s);
    a.rewardMilli += num(w.s);
  }
  for (const o of orders as unknown as { userId: string; amountPaise: number }[]) {
    const u = user(o.userId);
    u.paidPaise += num(o.amountPaise);
    u.paidOrders += 1;
    a.revenuePaise += num(o.amountPaise);
    a.paidOrders += 1;
  }
  for (const x of acks) {
    if (x.ms == null) continue;
    const ms = Number(x.ms);
    a.acks.set(ms, (a.acks.get(ms) ?? 0) + num(x.n));
  }
  for (const e of odd) {
    const props = typeof e.props === 'string' ? JSON.parse(e.props) : e.props;
    const ms = Number((props as { ms?: unknown } | null)?.ms);
    if (Number.isFinite(ms)) a.acks.set(ms, (a.acks.get(ms) ?? 0) + 1);
  }

  // Bands of the users active in the range, and which payers paid for the first time.
  const ids = [...a.users.keys()];
  const payers = ids.filter((id) => a.users.get(id)!.paidOrders > 0);
  // Chunks below MariaDB's in_predicate_conversion_threshold (1000), which would turn the list into a derived table.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = (await User.findAll({ where: { id: chunk }, attributes: ['id', 'priceBand'], raw: true })) as unknown as { id: string; priceBand: string | null }[];
    for (const u of rows) a.users.get(u.id)!.band = u.priceBand ?? '';
  }
  const paidBefore = new Set<string>();
  for (let i = 0; i < payers.length; i += 500) {
    const rows = (await Order.findAll({ where: { userId: payers.slice(i, i + 500), status: 'paid', paidAt: { [Op.lt]: from } },
      attributes: ['userId'], group: ['userId'], raw: true })) as unknown as { userId: string }[];
    for (const o of rows) paidBefore.add(o.userId);
  }
  for (const id of payers) {
    if (paidBefore.has(id)) continue;
    a.newPayers += 1;
    band(a.users.get(id)!.band).newPayers += 1;
  }
  a.activeUsers = [...a.users.values()].filter((u) => u.generations > 0).length;
  return a;
}

/** Writes one day's aggregate in place of what was there (idempotent; safe when several processes do it at once). */
export async function writeDay(tenantId: string, day: string, timezone: string, a: RangeAggregate, now = new Date()) {
  const db = services().db;
  const hist: Record<string, number> = {};
  for (const [ms, n] of a.acks) hist[String(ms)] = n;
  const insert = async (t: Transaction, table: string, cols: string[], rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await db.sequelize.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${chunk.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ')}`,
        { replacements: chunk.flat(), transaction: t });
    }
  };
  const write = () => db.tx(async (t) => {
    for (const table of ROLLUP_TABLES) {
      await db.sequelize.query(`DELETE FROM ${table} WHERE tenant_id = ? AND day = ?`, { replacements: [tenantId, day], transaction: t });
    }
    await insert(t, 'analytics_days', ['tenant_id', 'day', 'timezone', 'signups', 'activated_48h', 'generations', 'active_users', 'finished_jobs', 'failed_jobs',
      'fallback_jobs', 'remixes', 'credits_spent_milli', 'reward_milli', 'revenue_paise', 'paid_orders', 'new_payers', 'ack_samples', 'ack_hist', 'computed_at'],
    [[tenantId, day, timezone, a.signups, a.activated48h, a.generations, a.activeUsers, a.finishedJobs, a.failedJobs, a.fallbackJobs, a.remixes, a.creditsSpentMilli,
      a.rewardMilli, a.revenuePaise, a.paidOrders, a.newPayers, [...a.acks.values()].reduce((x, y) => x + y, 0), JSON.stringify(hist), now]]);
    await insert(t, 'analytics_day_ledger', ['tenant_id', 'day', 'reason', 'spending', 'credit_milli', 'debit_milli'],
      [...a.ledger].map(([k, v]) => { const [reason, s] = k.split('|'); return [tenantId, day, reason, s === '1', v.credit, v.debit]; }));
    await insert(t, 'analytics_day_providers', ['tenant_id', 'day', 'provider', 'images'], [...a.providers].map(([p, n]) => [tenantId, day, p, n]));
    await insert(t, 'analytics_day_bands', ['tenant_id', 'day', 'band', 'signups', 'new_payers'], [...a.bands].map(([b, x]) => [tenantId, day, b, x.signups, x.newPayers]));
    await insert(t, 'analytics_day_users', ['tenant_id', 'day', 'user_id', 'band', 'generations', 'reward_milli', 'paid_paise', 'paid_orders'],
      [...a.users].map(([id, u]) => [tenantId, day, id, u.band, u.generations, u.rewardMilli, u.paidPaise, u.paidOrders]));
    // The same users' rows again, only the earners and only the payers: what the report reads for them (a few per day).
    await insert(t, 'analytics_day_earners', ['tenant_id', 'day', 'user_id', 'reward_milli'],
      [...a.users].filter(([, u]) => u.rewardMilli > 0).map(([id, u]) => [tenantId, day, id, u.rewardMilli]));
    await insert(t, 'analytics_day_payers', ['tenant_id', 'day', 'user_id', 'band', 'paid_paise', 'paid_orders'],
      [...a.users].filter(([, u]) => u.paidOrders > 0).map(([id, u]) => [tenantId, day, id, u.band, u.paidPaise, u.paidOrders]));
  });
  // Two processes on the same day: one may see the other's rows appear between its delete and insert; the retry deletes them.
  for (let attempt = 1; ; attempt++) {
    try {
      return await retryOnDeadlock(write);
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 5) throw err;
    }
  }
}

/** Computes and writes one calendar day. */
export async function rollupDay(tenantId: string, day: string, timezone: string) {
  const [from, to] = dayBounds(day, timezone);
  await writeDay(tenantId, day, timezone, await aggregateRange(tenantId, from, to));
}

/** The days (YYYY-MM-DD) that have a rollup, for a partner, in [fromDay, toDay], in its current time zone. */
export async function rolledUpDays(tenantId: string, timezone: string, fromDay: string, toDay: string): Promise<Set<string>> {
  const rows = (await sql().query('SELECT day FROM analytics_days WHERE tenant_id = :t AND timezone = :z AND day >= :a AND day <= :b',
    { type: QueryTypes.SELECT, replacements: { t: tenantId, z: timezone, a: fromDay, b: toDay } })) as { day: string }[];
  return new Set(rows.map((r) => r.day));
}

/**
 * Brings a partner's rollups up to date: every complete day since its first user that has none (or was computed in
 * another time zone), and the last SETTLE_DAYS complete days again. Then deletes the analytics events older than
 * `retention.analyticsEventsDays` whose days are rolled up. Returns what it did.
 */
export async function rollupTenant(tenantId: string, config: { timezone: string; retention?: { analyticsEventsDays?: number } }, now = new Date()) {
  const tz = config.timezone;
  const today = DateTime.fromJSDate(now).setZone(tz).startOf('day');
  const firstRow = (await sql().query('SELECT MIN(created_at) AS m FROM users WHERE tenant_id = :t', { type: QueryTypes.SELECT, replacements: { t: tenantId } })) as { m: unknown }[];
  const first = firstRow[0]?.m;
  let computed = 0;
  if (first != null) {
    const firstDay = DateTime.fromJSDate(first instanceof Date ? first : new Date(String(first))).setZone(tz).startOf('day');
    const yesterday = today.minus({ days: 1 });
    if (firstDay <= yesterday) {
      const have = await rolledUpDays(tenantId, tz, firstDay.toISODate()!, yesterday.toISODate()!);
      const settleFrom = today.minus({ days: SETTLE_DAYS }).toISODate()!;
      for (let d = firstDay; d <= yesterday; d = d.plus({ days: 1 })) {
        const day = d.toISODate()!;
        if (have.has(day) && day < settleFrom) continue;
        await rollupDay(tenantId, day, tz);
        computed += 1;
      }
    }
  }
  const deleted = await pruneEvents(tenantId, tz, config.retention?.analyticsEventsDays ?? 90, now);
  return { computed, deleted };
}

/**
 * Deletes the partner's analytics events from before the retention cut-off (the start of the day `days` days ago),
 * but only up to the first day without a rollup, so nothing is deleted that the aggregates do not hold.
 */
export async function pruneEvents(tenantId: string, timezone: string, days: number, now = new Date()): Promise<number> {
  const db = services().db;
  const cutoffDay = DateTime.fromJSDate(now).setZone(timezone).startOf('day').minus({ days });
  const oldest = (await sql().query('SELECT MIN(created_at) AS m FROM analytics_events WHERE tenant_id = :t AND created_at < :c',
    { type: QueryTypes.SELECT, replacements: { t: tenantId, c: cutoffDay.toJSDate() } })) as { m: unknown }[];
  if (oldest[0]?.m == null) return 0;
  const oldestDay = DateTime.fromJSDate(oldest[0].m instanceof Date ? oldest[0].m : new Date(String(oldest[0].m))).setZone(timezone).startOf('day');
  const have = await rolledUpDays(tenantId, timezone, oldestDay.toISODate()!, cutoffDay.minus({ days: 1 }).toISODate()!);
  let until = oldestDay;
  while (until < cutoffDay && have.has(until.toISODate()!)) until = until.plus({ days: 1 });
  if (until <= oldestDay) {
    logger().warn({ tenantId, day: oldestDay.toISODate() }, 'analytics events past retention kept: their day has no rollup yet');
    return 0;
  }
  let total = 0;
  const r = { t: tenantId, c: until.toJSDate() };
  for (;;) {
    let n: number;
    if (db.dialect === 'mysql') {
      const [res] = (await db.sequelize.query('DELETE FROM analytics_events WHERE tenant_id = :t AND created_at < :c LIMIT 5000', { replacements: r })) as unknown as [{ affectedRows?: number }];
      n = num(res.affectedRows);
    } else {
      const ids = ((await sql().query('SELECT id FROM analytics_events WHERE tenant_id = :t AND created_at < :c LIMIT 5000', { type: QueryTypes.SELECT, replacements: r })) as { id: number }[])
        .map((x) => x.id);
      if (ids.length) await db.tx((t) => db.sequelize.query('DELETE FROM analytics_events WHERE id IN (:ids)', { replacements: { ids }, transaction: t }));
      n = ids.length;
    }
    total += n;
    if (n < 5000) break;
  }
  return total;
}
