import { Op } from 'sequelize';
import { AnalyticsEvent, GeneratedImage, GenerationJob, LedgerEntry, Order, ReuseEvent, User } from '../../src/models/index.js';
import { getTenantConfig } from '../../src/tenants/config-store.js';
import type { TenantConfig } from '../../src/tenants/tenant-config.js';
import { LEDGER_REASONS, countsAsSpending, type LedgerReason } from '../../src/ledger/reasons.js';
import { dayOf, daysOf, gini, parseWindow, percentile, ratio, round, type Window } from '../../src/analytics/stats.js';
import type { AnalyticsKpis, DailyPoint } from '../../src/analytics/kpis.js';

/**
 * The reference for the analytics report: the spec's KPIs (section 8) for one partner and one window, computed live
 * from the source tables by their definitions (docs/analytics.md), every figure reproducible from the rows it names.
 * Test code only (it loads every user of the partner and every row of the window); what the API serves is
 * api/src/analytics/report.ts, answered from the daily rollups, and api/test/e2e/analytics-rollup.test.ts checks
 * that the two agree.
 */
const HOUR = 3_600_000;
const rupees = (paise: number) => round(paise / 100, 2);
const credits = (milli: number) => round(milli / 1000, 3);
const inWindow = (w: Window) => ({ [Op.gte]: w.from, [Op.lt]: w.to });

export async function computeAnalytics(tenantId: string, q: { from?: string; to?: string }, now = new Date()): Promise<AnalyticsKpis> {
  const config = await getTenantConfig(tenantId);
  const w = parseWindow(q, config.timezone, now);
  const [cohort, allUsers, images, jobs, reuses, ledger, paidBefore, acks] = await Promise.all([
    User.findAll({ where: { tenantId, createdAt: inWindow(w) }, attributes: ['id', 'createdAt', 'firstGenerationAt', 'referredByUserId'] }),
    User.findAll({ where: { tenantId, createdAt: { [Op.lt]: w.to } }, attributes: ['id', 'priceBand'] }),
    GeneratedImage.findAll({ where: { tenantId, status: 'succeeded', createdAt: inWindow(w) }, attributes: ['id', 'userId', 'provider', 'createdAt'] }),
    GenerationJob.findAll({ where: { tenantId, createdAt: inWindow(w), status: ['succeeded', 'failed'] }, attributes: ['id', 'status', 'createdAt', 'fallbackFrom'] }),
    ReuseEvent.findAll({ where: { tenantId, createdAt: inWindow(w) }, attributes: ['id', 'remixedImageId', 'createdAt'] }),
    LedgerEntry.findAll({ where: { tenantId, createdAt: inWindow(w) }, attributes: ['userId', 'delta', 'reason', 'spending', 'createdAt'] }),
    Order.findAll({ where: { tenantId, status: 'paid', paidAt: { [Op.lt]: w.to } }, attributes: ['userId', 'amountPaise', 'paidAt'] }),
    AnalyticsEvent.findAll({ where: { tenantId, name: 'generate_acknowledged', createdAt: inWindow(w) }, attributes: ['props'] }),
  ]);

  // Activation: share of the window's new users whose first generation came within 48 h of signup.
  const activated = cohort.filter((u) => u.firstGenerationAt && u.firstGenerationAt.getTime() - u.createdAt.getTime() <= 48 * HOUR).length;

  // Engagement.
  const generators = new Set(images.map((i) => i.userId));
  const weeks = w.days / 7;
  const imageIds = new Set(images.map((i) => i.id));
  const remixes = reuses.filter((r) => imageIds.has(r.remixedImageId));

  // Monetization: conversion is cumulative (ever paid by the end of the window) over all users by then.
  const firstPaid = new Map<string, Date>();
  for (const o of paidBefore) {
    const at = o.paidAt!;
    const prev = firstPaid.get(o.userId);
    if (!prev || at < prev) firstPaid.set(o.userId, at);
  }
  const windowOrders = paidBefore.filter((o) => o.paidAt! >= w.from);
  const revenuePaise = windowOrders.reduce((a, o) => a + o.amountPaise, 0);
  const payersInWindow = new Set(windowOrders.map((o) => o.userId));
  const newPayers = [...firstPaid.values()].filter((d) => d >= w.from).length;
  const bandOf = new Map(allUsers.map((u) => [u.id, u.priceBand ?? config.pricing.defaultBand]));
  const bands = [...new Set([...Object.keys(config.pricing.bands), ...bandOf.values()])].sort();
  const byPriceBand = bands.map((band) => {
    const members = allUsers.filter((u) => bandOf.get(u.id) === band);
    const paying = members.filter((u) => firstPaid.has(u.id)).length;
    const bandOrders = windowOrders.filter((o) => bandOf.get(o.userId) === band);
    const bandRevenue = bandOrders.reduce((a, o) => a + o.amountPaise, 0);
    const bandPayers = new Set(bandOrders.map((o) => o.userId)).size;
    const price = config.pricing.bands[band];
    return {
      band, pricePerCredit: price === undefined ? null : rupees(price), users: members.length, payingUsers: paying, conversion: ratio(paying, members.length),
      revenue: rupees(bandRevenue), arppu: bandPayers ? rupees(bandRevenue / bandPayers) : null,
    };
  });

  // Credits by reason.
  const sumBy = (reason: string, sign = 1) => ledger.filter((l) => l.reason === reason && Math.sign(l.delta) === sign).reduce((a, l) => a + Math.abs(l.delta), 0);
  // Spending is the rows' own flag (ledger/reasons.ts): debits spent, credits given back.
  const spendingSum = (sign: number) => ledger.filter((l) => l.spending && Math.sign(l.delta) === sign).reduce((a, l) => a + Math.abs(l.delta), 0);
  const spent = spendingSum(-1);
  const refunded = spendingSum(1);
  const granted: Record<string, number> = {};
  for (const r of (Object.keys(LEDGER_REASONS) as LedgerReason[]).filter((x) => !countsAsSpending(x))) granted[r] = credits(sumBy(r));

  // Rewards: who earned reuse rewards, and how evenly.
  const earned = new Map<string, number>();
  for (const l of ledger) if (l.reason === 'reward' && l.delta > 0) earned.set(l.userId, (earned.get(l.userId) ?? 0) + l.delta);
  const active = new Set([...generators, ...earned.keys()]);
  const earnings = [...earned.values()];
  const totalReward = earnings.reduce((a, b) => a + b, 0);
  const buckets: [string, number, number][] = [['0-1', 0, 1000], ['1-5', 1000, 5000], ['5-10', 5000, 10000], ['10-20', 10000, 20000], ['20+', 20000, Infinity]];

  // Referral funnel of the window's signups.
  const attributed = cohort.filter((u) => u.referredByUserId);
  const qualified = await countQualified(tenantId, attributed.map((u) => ({ id: u.id, createdAt: u.createdAt })), firstPaid, w, config);

  // Provider spend and margin.
  const perProvider = new Map<string, number>();
  for (const i of images) perProvider.set(i.provider ?? 'unknown', (perProvider.get(i.provider ?? 'unknown') ?? 0) + 1);
  const costOf = (p: string) => config.providers.providerCostPaise[p] ?? 0;
  const providerItems = [...perProvider.entries()].sort((a, b) => b[1] - a[1]).map(([provider, n]) => ({
    provider, images: n, costPerImage: rupees(costOf(provider)), cost: rupees(n * costOf(provider)),
  }));
  const providerCostPaise = [...perProvider.entries()].reduce((a, [p, n]) => a + n * costOf(p), 0);
  const creditValuePaise = ((spent - refunded) / 1000) * (config.pricing.bands[config.pricing.defaultBand] ?? 0);

  // Reliability.
  const failed = jobs.filter((j) => j.status === 'failed').length;
  const ackMs = acks.map((a) => Number((a.props as { ms?: unknown } | null)?.ms)).filter((v) => Number.isFinite(v));

  return {
    window: { from: w.from.toISOString(), to: w.to.toISOString(), timezone: w.timezone, days: round(w.days, 3) },
    activation: { newUsers: cohort.length, activatedWithin48h: activated, rate: ratio(activated, cohort.length) },
    engagement: {
      generations: images.length, generatingUsers: generators.size,
      generationsPerUserPerWeek: generators.size && weeks > 0 ? round(images.length / generators.size / weeks, 2) : null,
      remixGenerations: remixes.length, reuseRate: ratio(remixes.length, images.length),
    },
    monetization: {
      users: allUsers.length, payingUsers: firstPaid.size, paidConversion: ratio(firstPaid.size, allUsers.length), payersInWindow: payersInWindow.size,
      newPayersInWindow: newPayers, paidOrders: windowOrders.length, revenue: rupees(revenuePaise), revenuePaise,
      arppu: payersInWindow.size ? rupees(revenuePaise / payersInWindow.size) : null, byPriceBand,
    },
    credits: { spent: credits(spent), refunded: credits(refunded), netSpent: credits(spent - refunded), granted },
    rewards: {
      totalCredits: credits(totalReward), earners: earned.size, activeUsers: active.size, earningShare: ratio(earned.size, active.size),
      gini: gini(earnings), giniAllActive: gini([...active].map((u) => earned.get(u) ?? 0)),
      topEarnerShare: totalReward ? round(Math.max(...earnings) / totalReward, 4) : null,
      distribution: buckets.map(([bucket, lo, hi]) => ({ bucket, users: earnings.filter((e) => e >= lo && e < hi).length })),
    },
    referrals: {
      signups: cohort.length, attributed: attributed.length, firstGeneration: attributed.filter((u) => u.firstGenerationAt && u.firstGenerationAt < w.to).length,
      qualified, creditsPaid: granted.referral!,
    },
    providers: {
      items: providerItems, providerCost: rupees(providerCostPaise), revenue: rupees(revenuePaise), grossMargin: rupees(revenuePaise - providerCostPaise),
      grossMarginRate: ratio(revenuePaise - providerCostPaise, revenuePaise), creditValue: rupees(creditValuePaise),
      usageMargin: rupees(creditValuePaise - providerCostPaise), usageMarginRate: ratio(creditValuePaise - providerCostPaise, creditValuePaise),
    },
    reliability: {
      finishedJobs: jobs.length, failedJobs: failed, errorRate: ratio(failed, jobs.length),
      // Jobs the fallback provider drew because the partner's provider was unavailable (issue 12 item 8).
      fallbackJobs: jobs.filter((j) => j.fallbackFrom).length, fallbackRate: ratio(jobs.filter((j) => j.fallbackFrom).length, jobs.length),
      generateAckP95Ms: percentile(ackMs, 95) ?? null, generateAckSamples: ackMs.length,
    },
    usage: { generations: images.length, generatingUsers: generators.size, remixGenerations: remixes.length, creditsSpent: credits(spent - refunded), newUsers: cohort.length },
    margin: {
      revenue: rupees(revenuePaise), providerCost: rupees(providerCostPaise), grossMargin: rupees(revenuePaise - providerCostPaise),
      grossMarginRate: ratio(revenuePaise - providerCostPaise, revenuePaise),
    },
    daily: daily(w, { cohort, images, jobs, remixes, ledger, windowOrders }),
  };
}

/** Qualified referee (spec 3.D): a first purchase, or retention: >= N generations with one at least `retentionDays` after signup. */
export async function countQualified(tenantId: string, users: { id: string; createdAt: Date }[], firstPaid: Map<string, Date>, w: Window, config: TenantConfig) {
  if (!users.length) return 0;
  const gens = await GeneratedImage.findAll({
    where: { tenantId, userId: users.map((u) => u.id), status: 'succeeded', createdAt: { [Op.lt]: w.to } }, attributes: ['userId', 'createdAt'],
  });
  const { retentionDays, retentionMinGenerations } = config.referral;
  return users.filter((u) => {
    if (firstPaid.has(u.id)) return true;
    const mine = gens.filter((g) => g.userId === u.id);
    const retained = mine.some((g) => g.createdAt.getTime() >= u.createdAt.getTime() + retentionDays * 24 * HOUR);
    return retained && mine.length >= retentionMinGenerations;
  }).length;
}

function daily(w: Window, d: {
  cohort: User[]; images: GeneratedImage[]; jobs: GenerationJob[]; remixes: ReuseEvent[]; ledger: LedgerEntry[]; windowOrders: Order[];
}): DailyPoint[] {
  const points = new Map<string, DailyPoint & { users: Set<string> }>();
  for (const date of daysOf(w)) {
    points.set(date, { date, signups: 0, activeUsers: 0, generations: 0, failedGenerations: 0, remixes: 0, creditsSpent: 0, rewardCredits: 0, revenue: 0, paidOrders: 0, users: new Set() });
  }
  const at = (t: Date) => points.get(dayOf(t, w.timezone));
  for (const u of d.cohort) { const p = at(u.createdAt); if (p) p.signups += 1; }
  for (const i of d.images) { const p = at(i.createdAt); if (p) { p.generations += 1; p.users.add(i.userId); } }
  for (const j of d.jobs) { const p = at(j.createdAt); if (p && j.status === 'failed') p.failedGenerations += 1; }
  for (const r of d.remixes) { const p = at(r.createdAt); if (p) p.remixes += 1; }
  for (const l of d.ledger) {
    const p = at(l.createdAt);
    if (!p) continue;
    if (l.spending) p.creditsSpent -= l.delta;
    if (l.reason === 'reward' && l.delta > 0) p.rewardCredits += l.delta;
  }
  for (const o of d.windowOrders) { const p = at(o.paidAt!); if (p) { p.revenue += o.amountPaise; p.paidOrders += 1; } }
  return [...points.values()].map(({ users, ...p }) => ({
    ...p, activeUsers: users.size, creditsSpent: credits(p.creditsSpent), rewardCredits: credits(p.rewardCredits), revenue: rupees(p.revenue),
  }));
}
