import { DateTime } from 'luxon';
import { Op, QueryTypes } from 'sequelize';
import { User } from '../models/index.js';
import { services } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { sqlInstant } from '../db.js';
import { LEDGER_REASONS, countsAsSpending, type LedgerReason } from '../ledger/reasons.js';
import type { AnalyticsKpis, DailyPoint } from './kpis.js';
import { aggregateRange, aggregateRevenue, emptyAggregate, rolledUpDays, type RangeAggregate, type UserDay } from './rollup.js';
import { daysOf, gini, parseWindow, ratio, round, type Window } from './stats.js';

/**
 * The analytics report answered from the daily rollups (analytics/rollup.ts): whole past days of the window from
 * the rollup tables (a few GROUP BY queries over at most 366 days), and only what no rollup covers (today so far,
 * partial first/last days of an ISO date-time window, days the job has not reached) computed live from the source
 * tables, each slice bounded by one day. Never a scan of every user or event of the partner.
 */
export interface ArppuUplift {
  baselineFrom: string; baselineTo: string; baselineRevenue: number; baselinePayers: number; baselineArppu: number | null;
  arppu: number | null;
  /** arppu / baselineArppu − 1 (0.25 = 25 % higher than the baseline); null without payers in either period. */
  uplift: number | null;
}
export interface LtvCac {
  /** Revenue of every paid order before `to` / every user created before `to` (rupees). */
  ltv: number | null; lifetimeRevenue: number; lifetimeUsers: number;
  /** The partner's acquisition cost per user (config `acquisition.costPerUser`, rupees); null when not set. */
  cac: number | null;
  /** ltv / cac; null when either is missing. Target ≥ 3.0. */
  ratio: number | null;
}
export interface AnalyticsReport extends AnalyticsKpis {
  arppuUplift: ArppuUplift;
  ltvCac: LtvCac;
  /** How the report was answered: whole days read from rollups, and live slices computed from the source tables. */
  sources: { rolledUpDays: number; liveSlices: number };
}

export interface ReportQuery { from?: string; to?: string; baselineFrom?: string; baselineTo?: string }

const rupees = (paise: number) => round(paise / 100, 2);
const credits = (milli: number) => round(milli / 1000, 3);
const num = (v: unknown) => Number(v ?? 0);
const asDate = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

interface Collected {
  totals: RangeAggregate;
  daily: Map<string, DailyPoint>;
  generatingUsers: number; payers: number; activeUsers: number;
  bandPayers: Map<string, number>; bandRevenue: Map<string, number>;
  earnings: Map<string, number>;
  rolledUp: string[]; liveSlices: number;
}

function mergeInto(t: RangeAggregate, a: RangeAggregate) {
  for (const k of ['signups', 'activated48h', 'generations', 'finishedJobs', 'failedJobs', 'fallbackJobs', 'remixes', 'creditsSpentMilli', 'rewardMilli', 'revenuePaise',
    'paidOrders', 'newPayers'] as const) t[k] += a[k];
  for (const [ms, n] of a.acks) t.acks.set(ms, (t.acks.get(ms) ?? 0) + n);
  for (const [k, v] of a.ledger) { const x = t.ledger.get(k) ?? { credit: 0, debit: 0 }; x.credit += v.credit; x.debit += v.debit; t.ledger.set(k, x); }
  for (const [p, n] of a.providers) t.providers.set(p, (t.providers.get(p) ?? 0) + n);
  for (const [b, v] of a.bands) { const x = t.bands.get(b) ?? { signups: 0, newPayers: 0 }; x.signups += v.signups; x.newPayers += v.newPayers; t.bands.set(b, x); }
}

const point = (date: string, a: { signups: number; activeUsers: number; generations: number; failedJobs: number; remixes: number; creditsSpentMilli: number;
  rewardMilli: number; revenuePaise: number; paidOrders: number }): DailyPoint => ({
  date, signups: a.signups, activeUsers: a.activeUsers, generations: a.generations, failedGenerations: a.failedJobs, remixes: a.remixes,
  creditsSpent: credits(a.creditsSpentMilli), rewardCredits: credits(a.rewardMilli), revenue: rupees(a.revenuePaise), paidOrders: a.paidOrders,
});

/** When the partner's first user signed up: nothing (images, orders, events) can be older. */
async function firstSignup(tenantId: string): Promise<Date | null> {
  const rows = (await services().db.sequelize.query('SELECT MIN(created_at) AS m FROM users WHERE tenant_id = :t',
    { type: QueryTypes.SELECT, replacements: { t: tenantId } })) as { m: unknown }[];
  const m = rows[0]?.m;
  return m == null ? null : m instanceof Date ? m : new Date(String(m));
}

/**
 * The calendar days of a window (daysOf) with their bounds (dayBounds), in one walk: each day's start is the previous
 * day's end, so a year costs one time-zone offset lookup per day instead of several (luxon's offsets are the report's
 * largest CPU cost after the queries).
 */
function dayList(w: Window): { day: string; bounds: [Date, Date] }[] {
  const out: { day: string; bounds: [Date, Date] }[] = [];
  let d = DateTime.fromJSDate(w.from).setZone(w.timezone).startOf('day');
  while (d.toMillis() < w.to.getTime() && out.length < 400) {
    const next = d.plus({ days: 1 });
    out.push({ day: d.toISODate()!, bounds: [d.toJSDate(), next.toJSDate()] });
    // Midnight already in all but exotic zones (a day that starts at 01:00); startOf costs another offset lookup.
    d = next.hour === 0 && next.minute === 0 && next.second === 0 && next.millisecond === 0 ? next : next.startOf('day');
  }
  return out;
}

/** Splits a window into whole past days (answered by rollups when they exist) and live slices; days before the first signup are empty. */
async function plan(tenantId: string, w: Window, now: Date) {
  const todayStart = DateTime.fromJSDate(now).setZone(w.timezone).startOf('day').toJSDate();
  const first = await firstSignup(tenantId);
  const firstDay = first ? DateTime.fromJSDate(first).setZone(w.timezone).startOf('day').toJSDate() : now;
  const days = dayList(w).filter(({ bounds: [, e] }) => e > firstDay);
  const whole = days.filter(({ bounds: [s, e] }) => s >= w.from && e <= w.to && e <= todayStart).map((d) => d.day);
  const have = whole.length ? await rolledUpDays(tenantId, w.timezone, whole[0]!, whole[whole.length - 1]!) : new Set<string>();
  const rolled = whole.filter((d) => have.has(d));
  const wholeSet = new Set(whole);
  const live = days.filter(({ day }) => !have.has(day) || !wholeSet.has(day))
    .map(({ day, bounds: [s, e] }) => ({ day, from: s > w.from ? s : w.from, to: e < w.to ? e : w.to }))
    .filter((x) => x.from < x.to && x.from < now);
  return { rolled, live };
}

/** Runs fn over items, at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) { const i = next++; out[i] = await fn(items[i]!); }
  }));
  return out;
}

/**
 * The SQL condition selecting a set of rolled-up days: a range when they are consecutive (the usual case: one index
 * range, and no list of up to 366 dates to send and parse for each query), else the list.
 */
function dayCondition(days: string[]): { sql: string; params: Record<string, unknown> } {
  if (!days.length) return { sql: 'day IN (:d)', params: { d: ['-'] } };
  const [a, b] = [days[0]!, days[days.length - 1]!];
  const consecutive = (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000 + 1 === days.length;
  return consecutive ? { sql: 'day >= :d0 AND day <= :d1', params: { d0: a, d1: b } } : { sql: 'day IN (:d)', params: { d: days } };
}

/** Distinct generating users, payers and active users (generated or earned a reward) over a set of rolled-up days. */
async function distinctUsers(tenantId: string, days: string[]): Promise<{ g: unknown; p: unknown; a: unknown }[]> {
  const sequelize = services().db.sequelize;
  if (!days.length) return [{ g: 0, p: 0, a: 0 }];
  const dc = dayCondition(days);
  const r = { t: tenantId, ...dc.params };
  const [users, payers] = await Promise.all([
    sequelize.query(`SELECT COUNT(DISTINCT CASE WHEN generations > 0 THEN user_id END) AS g,
      COUNT(DISTINCT CASE WHEN generations > 0 OR reward_milli > 0 THEN user_id END) AS a FROM analytics_day_users WHERE tenant_id = :t AND ${dc.sql}`,
    { type: QueryTypes.SELECT, replacements: r }) as Promise<{ g: unknown; a: unknown }[]>,
    sequelize.query(`SELECT COUNT(DISTINCT user_id) AS p FROM analytics_day_payers WHERE tenant_id = :t AND ${dc.sql}`,
      { type: QueryTypes.SELECT, replacements: r }) as Promise<{ p: unknown }[]>,
  ]);
  return [{ g: users[0]?.g, a: users[0]?.a, p: payers[0]?.p }];
}

/** `revenueOnly`: only revenue and distinct payers are needed (the ARPPU baseline); the other queries are skipped. */
async function collect(tenantId: string, w: Window, now: Date, revenueOnly = false): Promise<Collected> {
  const sequelize = services().db.sequelize;
  const { rolled, live } = await plan(tenantId, w, now);
  const q = <T>(text: string, replacements: Record<string, unknown>) => sequelize.query(text, { type: QueryTypes.SELECT, replacements }) as Promise<T[]>;
  const dc = dayCondition(rolled);
  const r = { t: tenantId, ...dc.params };
  const none = Promise.resolve([] as never[]);
  const [dayRows, ledgerRows, providerRows, bandRows, distinct, bandPayerRows, earnerRows, liveAggs] = await Promise.all([
    q<Record<string, unknown>>(`SELECT ${revenueOnly ? "day, revenue_paise, paid_orders, '{}' AS ack_hist" : '*'} FROM analytics_days WHERE tenant_id = :t AND ${dc.sql}`, r),
    revenueOnly ? none : q<{ reason: string; spending: unknown; c: unknown; b: unknown }>(`SELECT reason, spending, SUM(credit_milli) AS c, SUM(debit_milli) AS b
      FROM analytics_day_ledger WHERE tenant_id = :t AND ${dc.sql} GROUP BY reason, spending`, r),
    revenueOnly ? none : q<{ provider: string; n: unknown }>(`SELECT provider, SUM(images) AS n FROM analytics_day_providers WHERE tenant_id = :t AND ${dc.sql} GROUP BY provider`, r),
    revenueOnly ? none : q<{ band: string; s: unknown; p: unknown }>(`SELECT band, SUM(signups) AS s, SUM(new_payers) AS p FROM analytics_day_bands
      WHERE tenant_id = :t AND ${dc.sql} GROUP BY band`, r),
    // Distinct payers from the payers' own rows; distinct generating and active users from the user-day rows.
    revenueOnly
      ? q<{ g: unknown; p: unknown; a: unknown }>(`SELECT 0 AS g, COUNT(DISTINCT user_id) AS p, 0 AS a FROM analytics_day_payers WHERE tenant_id = :t AND ${dc.sql}`, r)
      : distinctUsers(tenantId, rolled),
    revenueOnly ? none : q<{ band: string; n: unknown; rev: unknown }>(`SELECT band, COUNT(DISTINCT user_id) AS n, SUM(paid_paise) AS rev FROM analytics_day_payers
      WHERE tenant_id = :t AND ${dc.sql} GROUP BY band`, r),
    revenueOnly ? none : q<{ user_id: string; s: unknown }>(`SELECT user_id, SUM(reward_milli) AS s FROM analytics_day_earners
      WHERE tenant_id = :t AND ${dc.sql} GROUP BY user_id`, r),
    pool(live, 4, (s) => (revenueOnly ? aggregateRevenue : aggregateRange)(tenantId, s.from, s.to)),
  ]);

  const totals = emptyAggregate();
  const daily = new Map<string, DailyPoint>();
  for (const d of dayRows) {
    const a = {
      signups: num(d.signups), activated48h: num(d.activated_48h), generations: num(d.generations), activeUsers: num(d.active_users), finishedJobs: num(d.finished_jobs),
      failedJobs: num(d.failed_jobs), fallbackJobs: num(d.fallback_jobs), remixes: num(d.remixes), creditsSpentMilli: num(d.credits_spent_milli), rewardMilli: num(d.reward_milli),
      revenuePaise: num(d.revenue_paise), paidOrders: num(d.paid_orders), newPayers: num(d.new_payers),
    };
    daily.set(String(d.day), point(String(d.day), a));
    mergeInto(totals, { ...emptyAggregate(), ...a });
    // The baseline needs no latency histogram: its JSON is not parsed.
    if (!revenueOnly) for (const [k, v] of Object.entries(JSON.parse(String(d.ack_hist)) as Record<string, number>)) totals.acks.set(Number(k), (totals.acks.get(Number(k)) ?? 0) + v);
  }
  for (const l of ledgerRows) {
    const key = `${l.reason}|${l.spending === true || Number(l.spending) === 1 ? 1 : 0}`;
    const x = totals.ledger.get(key) ?? { credit: 0, debit: 0 };
    x.credit += num(l.c); x.debit += num(l.b);
    totals.ledger.set(key, x);
  }
  for (const p of providerRows) totals.providers.set(p.provider, (totals.providers.get(p.provider) ?? 0) + num(p.n));
  for (const b of bandRows) totals.bands.set(b.band, { signups: num(b.s), newPayers: num(b.p) });

  let generatingUsers = num(distinct[0]?.g);
  let payers = num(distinct[0]?.p);
  let activeUsers = num(distinct[0]?.a);
  const bandPayers = new Map(bandPayerRows.map((b) => [b.band, num(b.n)]));
  const bandRevenue = new Map(bandPayerRows.map((b) => [b.band, num(b.rev)]));
  const earnings = new Map(earnerRows.map((e) => [e.user_id, num(e.s)]));

  // Live slices: merge their sums, and count their users once against the rollup days (distinct over the window).
  const liveUsers = new Map<string, UserDay>();
  live.forEach((s, i) => {
    const a = liveAggs[i]!;
    mergeInto(totals, a);
    const p = daily.get(s.day);
    const partial = point(s.day, a);
    if (p) {
      // Only a whole rolled-up day and a live slice never share a date; kept for safety.
      for (const k of ['signups', 'activeUsers', 'generations', 'failedGenerations', 'remixes', 'paidOrders'] as const) p[k] += partial[k];
    } else daily.set(s.day, partial);
    for (const [id, u] of a.users) {
      const x = liveUsers.get(id);
      if (!x) liveUsers.set(id, { ...u });
      else { x.generations += u.generations; x.rewardMilli += u.rewardMilli; x.paidPaise += u.paidPaise; x.paidOrders += u.paidOrders; }
    }
  });
  if (liveUsers.size) {
    const ids = [...liveUsers.keys()];
    const seen = new Map<string, { g: number; p: number; r: number }>();
    if (rolled.length) {
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await q<{ user_id: string; g: unknown; p: unknown; r: unknown }>(`SELECT user_id, SUM(generations) AS g, SUM(paid_orders) AS p, SUM(reward_milli) AS r
          FROM analytics_day_users WHERE tenant_id = :t AND user_id IN (:u) AND ${dc.sql} GROUP BY user_id`, { ...r, u: ids.slice(i, i + 500) });
        for (const x of rows) seen.set(x.user_id, { g: num(x.g), p: num(x.p), r: num(x.r) });
      }
    }
    for (const [id, u] of liveUsers) {
      const s = seen.get(id) ?? { g: 0, p: 0, r: 0 };
      if (u.generations > 0 && s.g === 0) generatingUsers += 1;
      if (u.paidOrders > 0 && s.p === 0) { payers += 1; bandPayers.set(u.band, (bandPayers.get(u.band) ?? 0) + 1); }
      if (u.paidPaise) bandRevenue.set(u.band, (bandRevenue.get(u.band) ?? 0) + u.paidPaise);
      if ((u.generations > 0 || u.rewardMilli > 0) && s.g === 0 && s.r === 0) activeUsers += 1;
      if (u.rewardMilli > 0) earnings.set(id, (earnings.get(id) ?? 0) + u.rewardMilli);
    }
  }
  return { totals, daily, generatingUsers, payers, activeUsers, bandPayers, bandRevenue, earnings, rolledUp: rolled, liveSlices: live.length };
}

/**
 * Totals from before the window (for the cumulative figures: users, paying users, lifetime revenue): rolled-up days
 * before the window's first day, plus live aggregates of whatever no rollup covers (gaps, the start of a first day
 * that the window cuts).
 */
async function history(tenantId: string, w: Window) {
  const sequelize = services().db.sequelize;
  const out = { bands: new Map<string, { signups: number; newPayers: number }>(), revenuePaise: 0 };
  const firstDay = DateTime.fromJSDate(w.from).setZone(w.timezone).startOf('day');
  const q = <T>(text: string, replacements: Record<string, unknown>) => sequelize.query(text, { type: QueryTypes.SELECT, replacements }) as Promise<T[]>;
  const r = { t: tenantId, z: w.timezone, d: firstDay.toISODate()! };
  const [bands, rev, first] = await Promise.all([
    q<{ band: string; s: unknown; p: unknown }>(`SELECT b.band, SUM(b.signups) AS s, SUM(b.new_payers) AS p FROM analytics_day_bands b
      JOIN analytics_days d ON d.tenant_id = b.tenant_id AND d.day = b.day AND d.timezone = :z WHERE b.tenant_id = :t AND b.day < :d GROUP BY b.band`, r),
    q<{ s: unknown }>('SELECT SUM(revenue_paise) AS s FROM analytics_days WHERE tenant_id = :t AND timezone = :z AND day < :d', r),
    firstSignup(tenantId),
  ]);
  for (const b of bands) out.bands.set(b.band, { signups: num(b.s), newPayers: num(b.p) });
  out.revenuePaise = num(rev[0]?.s);
  // Gaps: days before the window with no rollup, and the cut-off part of the first day.
  const gaps: [Date, Date][] = [];
  if (first) {
    const start = DateTime.fromJSDate(first).setZone(w.timezone).startOf('day');
    if (start < firstDay) {
      const have = await rolledUpDays(tenantId, w.timezone, start.toISODate()!, firstDay.minus({ days: 1 }).toISODate()!);
      let gapStart: DateTime | null = null;
      for (let d = start; d < firstDay; d = d.plus({ days: 1 })) {
        if (!have.has(d.toISODate()!)) { gapStart ??= d; continue; }
        if (gapStart) { gaps.push([gapStart.toJSDate(), d.toJSDate()]); gapStart = null; }
      }
      if (gapStart) gaps.push([gapStart.toJSDate(), firstDay.toJSDate()]);
    }
  }
  if (w.from > firstDay.toJSDate()) gaps.push([firstDay.toJSDate(), w.from]);
  for (const [a, b] of gaps) {
    const g = await aggregateRange(tenantId, a, b);
    for (const [band, v] of g.bands) {
      const x = out.bands.get(band) ?? { signups: 0, newPayers: 0 };
      x.signups += v.signups; x.newPayers += v.newPayers;
      out.bands.set(band, x);
    }
    out.revenuePaise += g.revenuePaise;
  }
  return out;
}

/**
 * Qualified referees (spec 3.D, the definition of countQualified in api/test/support/analytics-reference.ts) of the
 * window's referred signups, by `to`: a paid order, or at least `retentionMinGenerations` succeeded generations of
 * which the last is at least `retentionDays` after signup. Two grouped queries that join the cohort (the covering
 * users index, by signup time) to the referees' own orders and images (by user id): no list of ids to send, and no
 * scan of the partner's history. (Lists of 500 ids cost MariaDB some 100 ms of range optimisation each.)
 */
async function countQualifiedFast(tenantId: string, w: Window, cohort: { id: string; createdAt: Date }[], to: Date,
  rule: { retentionDays: number; retentionMinGenerations: number }): Promise<number> {
  if (!cohort.length) return 0;
  const sequelize = services().db.sequelize;
  const dialect = sequelize.getDialect();
  const r = { t: tenantId, a: sqlInstant(dialect, w.from), b: sqlInstant(dialect, w.to), to: sqlInstant(dialect, to) };
  const cohortSql = 'SELECT id FROM users WHERE tenant_id = :t AND created_at >= :a AND created_at < :b AND referred_by_user_id IS NOT NULL';
  // The cohort first, always: for a short window MariaDB otherwise scans every image of the partner and looks each
  // user up (EXPLAIN on the bench data set). STRAIGHT_JOIN fixes the order on MySQL/MariaDB, CROSS JOIN on SQLite.
  const straight = dialect === 'sqlite' ? '' : 'STRAIGHT_JOIN ';
  const [p, g] = await Promise.all([
    sequelize.query(`SELECT ${straight}DISTINCT o.user_id FROM (${cohortSql}) c CROSS JOIN orders o ON o.user_id = c.id WHERE o.status = 'paid' AND o.paid_at < :to`,
      { type: QueryTypes.SELECT, replacements: r }) as Promise<{ user_id: string }[]>,
    sequelize.query(`SELECT ${straight}i.user_id, COUNT(*) AS n, MAX(i.created_at) AS last FROM (${cohortSql}) c CROSS JOIN generated_images i ON i.user_id = c.id
      WHERE i.status = 'succeeded' AND i.created_at < :to GROUP BY i.user_id`, { type: QueryTypes.SELECT, replacements: r }) as Promise<{ user_id: string; n: unknown; last: unknown }[]>,
  ]);
  const paid = new Set(p.map((x) => x.user_id));
  const gens = new Map(g.map((x) => [x.user_id, { n: num(x.n), last: asDate(x.last)! }]));
  return cohort.filter((u) => {
    if (paid.has(u.id)) return true;
    const x = gens.get(u.id);
    return !!x && x.n >= rule.retentionMinGenerations && x.last.getTime() >= u.createdAt.getTime() + rule.retentionDays * 86_400_000;
  }).length;
}

/** Nearest-rank percentile over a value -> count histogram. */
function histPercentile(h: Map<number, number>, p: number): number | null {
  const n = [...h.values()].reduce((a, b) => a + b, 0);
  if (!n) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  let seen = 0;
  for (const v of [...h.keys()].sort((a, b) => a - b)) {
    seen += h.get(v)!;
    if (seen >= rank) return v;
  }
  return null;
}

function parseBaseline(q: ReportQuery, w: Window, now: Date): Window {
  if (!q.baselineFrom && !q.baselineTo) {
    const len = w.to.getTime() - w.from.getTime();
    return { from: new Date(w.from.getTime() - len), to: w.from, timezone: w.timezone, days: w.days };
  }
  if (!q.baselineFrom) throw invalid('baselineFrom', 'is required with baselineTo');
  if (!q.baselineTo) throw invalid('baselineTo', 'is required with baselineFrom');
  try {
    return parseWindow({ from: q.baselineFrom, to: q.baselineTo }, w.timezone, now);
  } catch (err) {
    if (err instanceof AppError) throw invalid(err.message.startsWith('to') ? 'baselineTo' : 'baselineFrom', err.message.replace(/^(from|to): /, ''));
    throw err;
  }
}

export async function computeReport(tenantId: string, q: ReportQuery, now = new Date()): Promise<AnalyticsReport> {
  const config = await getTenantConfig(tenantId);
  const w = parseWindow(q, config.timezone, now);
  const bw = parseBaseline(q, w, now);
  const [c, base, hist, cohort] = await Promise.all([
    collect(tenantId, w, now),
    collect(tenantId, bw, now, true),
    history(tenantId, w),
    // Plain rows, not model instances (up to some 10,000 referees for a year).
    User.findAll({ where: { tenantId, createdAt: { [Op.gte]: w.from, [Op.lt]: w.to }, referredByUserId: { [Op.ne]: null } },
      attributes: ['id', 'createdAt', 'firstGenerationAt'], raw: true }).then((rows) => (rows as unknown as { id: string; createdAt: unknown; firstGenerationAt: unknown }[])
      .map((u) => ({ id: u.id, createdAt: asDate(u.createdAt)!, firstGenerationAt: asDate(u.firstGenerationAt) }))),
  ]);
  const t = c.totals;
  const defaultBand = config.pricing.defaultBand;
  const bandName = (b: string) => (b === '' ? defaultBand : b);

  // Cumulative by `to`: users and paying users per band (history + window).
  const cum = new Map<string, { users: number; paying: number }>();
  for (const src of [hist.bands, t.bands]) {
    for (const [b, v] of src) {
      const x = cum.get(bandName(b)) ?? { users: 0, paying: 0 };
      x.users += v.signups; x.paying += v.newPayers;
      cum.set(bandName(b), x);
    }
  }
  const merge = (m: Map<string, number>) => {
    const out = new Map<string, number>();
    for (const [b, n] of m) out.set(bandName(b), (out.get(bandName(b)) ?? 0) + n);
    return out;
  };
  const bandPayers = merge(c.bandPayers);
  const bandRevenue = merge(c.bandRevenue);
  const users = [...cum.values()].reduce((a, x) => a + x.users, 0);
  const payingUsers = [...cum.values()].reduce((a, x) => a + x.paying, 0);
  const bands = [...new Set([...Object.keys(config.pricing.bands), ...cum.keys()])].sort();
  const byPriceBand = bands.map((band) => {
    const x = cum.get(band) ?? { users: 0, paying: 0 };
    const price = config.pricing.bands[band];
    const rev = bandRevenue.get(band) ?? 0;
    const payers = bandPayers.get(band) ?? 0;
    return {
      band, pricePerCredit: price === undefined ? null : rupees(price), users: x.users, payingUsers: x.paying, conversion: ratio(x.paying, x.users),
      revenue: rupees(rev), arppu: payers ? rupees(rev / payers) : null,
    };
  });

  // Credits by reason.
  let spent = 0; let refunded = 0;
  const byReason = new Map<string, number>();
  for (const [k, v] of t.ledger) {
    const [reason, s] = k.split('|');
    if (s === '1') { spent += v.debit; refunded += v.credit; }
    byReason.set(reason!, (byReason.get(reason!) ?? 0) + v.credit);
  }
  const granted: Record<string, number> = {};
  for (const reason of (Object.keys(LEDGER_REASONS) as LedgerReason[]).filter((x) => !countsAsSpending(x))) granted[reason] = credits(byReason.get(reason) ?? 0);

  // Rewards.
  const earnings = [...c.earnings.values()];
  const totalReward = earnings.reduce((a, b) => a + b, 0);
  const buckets: [string, number, number][] = [['0-1', 0, 1000], ['1-5', 1000, 5000], ['5-10', 5000, 10000], ['10-20', 10000, 20000], ['20+', 20000, Infinity]];
  const zeros = Math.max(0, c.activeUsers - earnings.length);

  // Referral funnel of the window's attributed signups (bounded by the window's referred signups).
  const qualified = await countQualifiedFast(tenantId, w, cohort, w.to, config.referral);

  // Providers and margin.
  const costOf = (p: string) => config.providers.providerCostPaise[p] ?? 0;
  const providerItems = [...t.providers.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([provider, n]) => ({
    provider, images: n, costPerImage: rupees(costOf(provider)), cost: rupees(n * costOf(provider)),
  }));
  const providerCostPaise = [...t.providers.entries()].reduce((a, [p, n]) => a + n * costOf(p), 0);
  const creditValuePaise = ((spent - refunded) / 1000) * (config.pricing.bands[defaultBand] ?? 0);
  const revenuePaise = t.revenuePaise;
  const ackSamples = [...t.acks.values()].reduce((a, b) => a + b, 0);
  const weeks = w.days / 7;

  // ARPPU against the baseline period, and LTV/CAC.
  const arppuPaise = c.payers ? revenuePaise / c.payers : null;
  const baseArppuPaise = base.payers ? base.totals.revenuePaise / base.payers : null;
  const lifetimeRevenue = hist.revenuePaise + revenuePaise;
  const ltvPaise = users ? lifetimeRevenue / users : null;
  const cacPaise = config.acquisition?.costPerUserPaise || null;

  const daily = daysOf(w).map((date) => c.daily.get(date) ?? point(date, { ...emptyAggregate(), failedJobs: 0 }));
  return {
    window: { from: w.from.toISOString(), to: w.to.toISOString(), timezone: w.timezone, days: round(w.days, 3) },
    activation: { newUsers: t.signups, activatedWithin48h: t.activated48h, rate: ratio(t.activated48h, t.signups) },
    engagement: {
      generations: t.generations, generatingUsers: c.generatingUsers,
      generationsPerUserPerWeek: c.generatingUsers && weeks > 0 ? round(t.generations / c.generatingUsers / weeks, 2) : null,
      remixGenerations: t.remixes, reuseRate: ratio(t.remixes, t.generations),
    },
    monetization: {
      users, payingUsers, paidConversion: ratio(payingUsers, users), payersInWindow: c.payers, newPayersInWindow: t.newPayers, paidOrders: t.paidOrders,
      revenue: rupees(revenuePaise), revenuePaise, arppu: arppuPaise === null ? null : rupees(arppuPaise), byPriceBand,
    },
    credits: { spent: credits(spent), refunded: credits(refunded), netSpent: credits(spent - refunded), granted },
    rewards: {
      totalCredits: credits(totalReward), earners: earnings.length, activeUsers: c.activeUsers, earningShare: ratio(earnings.length, c.activeUsers),
      gini: gini(earnings), giniAllActive: gini([...earnings, ...new Array<number>(zeros).fill(0)]),
      topEarnerShare: totalReward ? round(Math.max(...earnings) / totalReward, 4) : null,
      distribution: buckets.map(([bucket, lo, hi]) => ({ bucket, users: earnings.filter((e) => e >= lo && e < hi).length })),
    },
    referrals: {
      signups: t.signups, attributed: cohort.length, firstGeneration: cohort.filter((u) => u.firstGenerationAt && u.firstGenerationAt < w.to).length,
      qualified, creditsPaid: granted.referral!,
    },
    providers: {
      items: providerItems, providerCost: rupees(providerCostPaise), revenue: rupees(revenuePaise), grossMargin: rupees(revenuePaise - providerCostPaise),
      grossMarginRate: ratio(revenuePaise - providerCostPaise, revenuePaise), creditValue: rupees(creditValuePaise),
      usageMargin: rupees(creditValuePaise - providerCostPaise), usageMarginRate: ratio(creditValuePaise - providerCostPaise, creditValuePaise),
    },
    reliability: {
      finishedJobs: t.finishedJobs, failedJobs: t.failedJobs, errorRate: ratio(t.failedJobs, t.finishedJobs),
      generateAckP95Ms: histPercentile(t.acks, 95), generateAckSamples: ackSamples,
      // Jobs the fallback provider drew because the partner's provider was unavailable (issue 12 item 8).
      fallbackJobs: t.fallbackJobs, fallbackRate: ratio(t.fallbackJobs, t.finishedJobs),
    },
    usage: { generations: t.generations, generatingUsers: c.generatingUsers, remixGenerations: t.remixes, creditsSpent: credits(spent - refunded), newUsers: t.signups },
    margin: {
      revenue: rupees(revenuePaise), providerCost: rupees(providerCostPaise), grossMargin: rupees(revenuePaise - providerCostPaise),
      grossMarginRate: ratio(revenuePaise - providerCostPaise, revenuePaise),
    },
    daily,
    arppuUplift: {
      baselineFrom: bw.from.toISOString(), baselineTo: bw.to.toISOString(), baselineRevenue: rupees(base.totals.revenuePaise), baselinePayers: base.payers,
      baselineArppu: baseArppuPaise === null ? null : rupees(baseArppuPaise), arppu: arppuPaise === null ? null : rupees(arppuPaise),
      uplift: arppuPaise !== null && baseArppuPaise ? round(arppuPaise / baseArppuPaise - 1, 4) : null,
    },
    ltvCac: {
      ltv: ltvPaise === null ? null : rupees(ltvPaise), lifetimeRevenue: rupees(lifetimeRevenue), lifetimeUsers: users,
      cac: cacPaise ? rupees(cacPaise) : null, ratio: ltvPaise !== null && cacPaise ? round(ltvPaise / cacPaise, 2) : null,
    },
    sources: { rolledUpDays: c.rolledUp.length, liveSlices: c.liveSlices },
  };
}
