import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { describeEachDatabase } from '../support/each-database.js';
import { services } from '../support/harness.js';
import { AnalyticsEvent, GeneratedImage, GenerationJob, LedgerEntry, Order, ReuseEvent, User } from '../../src/models/index.js';
import { computeAnalytics } from '../support/analytics-reference.js';
import { computeReport } from '../../src/analytics/report.js';
import { reportCsvLines } from '../../src/analytics/export.js';
import { ROLLUP_TABLES, pruneEvents, rollupDay, rollupTenant } from '../../src/analytics/rollup.js';
import { getTenantConfig } from '../../src/tenants/config-store.js';

const T = 'tnt_default';
const DAY = 86_400_000;
/** "Now" for every computation: the data set spans 2025-04-01 .. 2025-04-14 and today (15 April) is partly live. */
const NOW = new Date('2025-04-15T09:00:00Z');
const START = Date.parse('2025-04-01T00:00:00Z');

/** A deterministic pseudo-random history over 14.4 days: users, jobs and images, remixes, ledger rows, orders, ack events. */
async function seed() {
  let x = 42;
  const rnd = () => { x = (x * 1103515245 + 12345) % 2 ** 31; return x / 2 ** 31; };
  const pick = <V>(xs: V[]) => xs[Math.floor(rnd() * xs.length)]!;
  const span = NOW.getTime() - START;
  const users: Record<string, unknown>[] = [];
  for (let i = 0; i < 60; i++) {
    const createdAt = new Date(START + Math.floor(rnd() * span));
    const gen = rnd() < 0.8 ? new Date(createdAt.getTime() + Math.floor(rnd() * 4 * DAY)) : null;
    users.push({
      id: `ru${i}`, tenantId: T, sub: `ru${i}`, name: `ru${i}`, role: 'user', referralCode: `RRC${i}`, isPaying: false, generationCount: 0,
      priceBand: pick(['A', 'B', 'C', null]), referredByUserId: i > 5 && rnd() < 0.3 ? `ru${Math.floor(rnd() * 5)}` : null,
      firstGenerationAt: gen && gen < NOW ? gen : null, createdAt, updatedAt: createdAt,
    });
  }
  await User.bulkCreate(users);
  const jobs: Record<string, unknown>[] = []; const images: Record<string, unknown>[] = []; const reuses: Record<string, unknown>[] = [];
  const ledger: Record<string, unknown>[] = []; const orders: Record<string, unknown>[] = []; const events: Record<string, unknown>[] = [];
  const led = (userId: string, delta: number, reason: string, refId: string, createdAt: Date, spending = false) =>
    ledger.push({ tenantId: T, userId, delta, balanceAfter: 0, reason, refType: 'seed', refId, createdAt, spending });
  for (let i = 0; i < 400; i++) {
    const u = users[Math.floor(rnd() * users.length)]!;
    const at = new Date(Math.max((u.createdAt as Date).getTime(), START + Math.floor(rnd() * span)));
    const status = pick(['succeeded', 'succeeded', 'succeeded', 'succeeded', 'failed', 'running']);
    const id = `ri${i}`;
    jobs.push({ id: `rj${i}`, tenantId: T, userId: u.id, imageId: id, status, progress: 100, attempts: 1, maxAttempts: 3, cost: 1000, refunded: status === 'failed',
      request: { prompt: 'x', tier: 'standard', watermark: true, width: 8, height: 8 }, createdAt: at, updatedAt: at });
    images.push({ id, tenantId: T, userId: u.id, jobId: `rj${i}`, promptText: 'x', tier: 'standard', width: 8, height: 8, provider: pick(['local', 'openai', 'stability', null]),
      status: status === 'running' ? 'pending' : status, watermark: true, creditsSpent: 1000, billable: true, createdAt: at, updatedAt: at });
    led(u.id as string, -1000, 'generation', id, at, true);
    if (status === 'failed') led(u.id as string, 1000, 'refund', id, new Date(at.getTime() + 60_000), true);
    if (status === 'succeeded' && rnd() < 0.3) {
      const creator = `ru${Math.floor(rnd() * 10)}`;
      reuses.push({ id: `rr${i}`, tenantId: T, sourcePostId: `p${i % 7}`, remixerUserId: u.id, remixedImageId: id, creatorUserId: creator, rewarded: true, rewardCredits: 500, createdAt: at });
      led(creator, pick([500, 1000, 2500]), 'reward', `rw${i}`, at);
    }
    events.push({ tenantId: T, userId: u.id, name: 'generate_acknowledged', props: { ms: 20 + Math.floor(rnd() * 400) }, createdAt: at });
    events.push({ tenantId: T, userId: u.id, name: 'image_generated', props: { jobId: `rj${i}` }, createdAt: at });
  }
  for (let i = 0; i < 50; i++) {
    const u = users[Math.floor(rnd() * users.length)]!;
    const paid = rnd() < 0.8;
    const at = new Date(Math.max((u.createdAt as Date).getTime(), START + Math.floor(rnd() * span)));
    orders.push({ id: `ro${i}`, tenantId: T, userId: u.id, gateway: 'sandbox', amountPaise: pick([2000, 5000, 10000]), currency: 'INR', credits: 10000, quantity: 10,
      status: paid ? 'paid' : 'created', paidAt: paid ? at : null, createdAt: at, updatedAt: at });
    if (paid) led(u.id as string, 10000, 'purchase', `ro${i}`, at);
    if (rnd() < 0.2) led(u.id as string, 5000, 'referral', `rf${i}`, at);
  }
  await GenerationJob.bulkCreate(jobs);
  await GeneratedImage.bulkCreate(images);
  await ReuseEvent.bulkCreate(reuses);
  await LedgerEntry.bulkCreate(ledger);
  await Order.bulkCreate(orders);
  await AnalyticsEvent.bulkCreate(events);
}

const WINDOWS = [
  { from: '2025-04-01', to: '2025-04-14' }, // whole past days
  { from: '2025-04-03', to: '2025-04-15' }, // up to and including today (live)
  { from: '2025-04-02T07:13:00Z', to: '2025-04-09T16:41:00Z' }, // cut days at both ends
  { from: '2025-04-10', to: '2025-04-10' },
];

/** The report without the figures only the rollup report has. */
function comparable(r: object) {
  const { arppuUplift: _u, ltvCac: _l, sources: _s, ...rest } = r as Record<string, unknown>;
  return rest;
}

async function tableRows() {
  const out: Record<string, unknown[]> = {};
  for (const t of ROLLUP_TABLES) {
    const rows = (await services().db.sequelize.query(`SELECT * FROM ${t} WHERE tenant_id = :t`, { type: QueryTypes.SELECT, replacements: { t: T } })) as Record<string, unknown>[];
    out[t] = rows.map(({ computed_at: _c, ...r }) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : String(v)]))))
      .sort();
  }
  return out;
}

describeEachDatabase('analytics rollups', { server: { worker: false } }, (db) => {
  const s = db.server;
  let admin: string;
  before(async () => {
    await seed();
    admin = s.token('boss', { role: 'admin' });
  });

  it('answers every window like the live computation, before and after the rollup job', async () => {
    const live = await Promise.all(WINDOWS.map((w) => computeAnalytics(T, w, NOW)));
    for (const [i, w] of WINDOWS.entries()) {
      const before = await computeReport(T, w, NOW);
      expect(before.sources.rolledUpDays, `window ${i}`).to.equal(0);
      expect(comparable(before), `window ${i} before`).to.deep.equal(live[i]);
    }
    const config = await getTenantConfig(T);
    const done = await rollupTenant(T, config, NOW);
    expect(done.computed).to.be.greaterThan(10);
    for (const [i, w] of WINDOWS.entries()) {
      const after = await computeReport(T, w, NOW);
      expect(comparable(after), `window ${i} after`).to.deep.equal(live[i]);
    }
    expect((await computeReport(T, WINDOWS[0]!, NOW)).sources).to.deep.equal({ rolledUpDays: 14, liveSlices: 0 });
    const withToday = await computeReport(T, WINDOWS[1]!, NOW);
    expect(withToday.sources.liveSlices).to.equal(1);
    expect(withToday.engagement.generations).to.be.greaterThan(0);
  });

  it('recomputes a day to the same rows, also twice at once', async () => {
    const config = await getTenantConfig(T);
    const first = await tableRows();
    expect(first.analytics_days!.length).to.be.greaterThan(10);
    await Promise.all([rollupDay(T, '2025-04-05', config.timezone), rollupDay(T, '2025-04-05', config.timezone), rollupDay(T, '2025-04-06', config.timezone)]);
    await rollupTenant(T, config, NOW);
    expect(await tableRows()).to.deep.equal(first);
  });

  it('answers a window whose rolled-up days have a gap (a day without rollup is live) like the live computation', async () => {
    const config = await getTenantConfig(T);
    const live = await computeAnalytics(T, WINDOWS[0]!, NOW);
    for (const table of ROLLUP_TABLES) {
      await services().db.sequelize.query(`DELETE FROM ${table} WHERE tenant_id = :t AND day = '2025-04-05'`, { replacements: { t: T } });
    }
    const r = await computeReport(T, WINDOWS[0]!, NOW);
    expect(r.sources).to.deep.equal({ rolledUpDays: 13, liveSlices: 1 });
    expect(comparable(r)).to.deep.equal(live);
    await rollupDay(T, '2025-04-05', config.timezone);
  });

  it('counts acknowledgement latencies from the numeric ack_ms column, and parses the props of any event whose ms is not a JSON number', async () => {
    const config = await getTenantConfig(T);
    const odd = [{ ms: 12.5 }, { ms: '7' }, { tier: 'x' }, { ms: null }, { ms: 9999 }, { ms: 0 }, { ms: -3 }, { ms: 'slow' }];
    const at = (h: number) => new Date(Date.parse('2025-04-15T01:00:00Z') + h * 60_000);
    const days = [new Date('2025-04-12T06:00:00Z'), ...odd.map((_, i) => at(i))];
    for (const [i, props] of odd.entries()) {
      await AnalyticsEvent.create({ tenantId: T, userId: 'ru1', name: 'generate_acknowledged', props, createdAt: at(i) });
      await AnalyticsEvent.create({ tenantId: T, userId: 'ru1', name: 'generate_acknowledged', props, createdAt: new Date(days[0]!.getTime() + i * 1000) });
    }
    const cols = (await services().db.sequelize.query(`SELECT ack_ms FROM analytics_events WHERE tenant_id = :t AND created_at >= :a AND created_at < :b ORDER BY created_at`,
      { type: QueryTypes.SELECT, replacements: { t: T, a: at(0), b: at(odd.length) } })) as { ack_ms: unknown }[];
    expect(cols.map((c) => (c.ack_ms == null ? null : Number(c.ack_ms)))).to.deep.equal([12.5, null, null, null, 9999, 0, -3, null]);
    await rollupDay(T, '2025-04-12', config.timezone);
    for (const w of [WINDOWS[0]!, WINDOWS[1]!, { from: '2025-04-12T05:00:00Z', to: '2025-04-15T08:00:00Z' }]) {
      const live = await computeAnalytics(T, w, NOW);
      expect(comparable(await computeReport(T, w, NOW)), JSON.stringify(w)).to.deep.equal(live);
    }
    await AnalyticsEvent.destroy({ where: { tenantId: T, userId: 'ru1', createdAt: [...odd.map((_, i) => at(i)), ...odd.map((_, i) => new Date(days[0]!.getTime() + i * 1000))] } });
    await rollupDay(T, '2025-04-12', config.timezone);
  });

  it('keeps answering from the aggregates after the events past retention are deleted', async () => {
    const config = await getTenantConfig(T);
    const later = new Date('2025-04-22T09:00:00Z'); // 7-day retention: everything before 15 April goes
    const live = await Promise.all(WINDOWS.map((w) => computeAnalytics(T, w, NOW)));
    const countAcks = () => AnalyticsEvent.count({ where: { tenantId: T } });
    const total = await countAcks();
    // Nothing is deleted for days without a rollup: 15..21 April are not rolled up yet at the cut-off of the 7-day run below.
    const deleted = await pruneEvents(T, config.timezone, 7, later);
    expect(deleted).to.be.greaterThan(0);
    expect(await countAcks()).to.equal(total - deleted);
    const left = await AnalyticsEvent.min('createdAt', { where: { tenantId: T } }) as Date;
    expect(left.getTime()).to.be.at.least(Date.parse('2025-04-14T18:30:00Z')); // 15 April in Asia/Kolkata
    for (const [i, w] of WINDOWS.entries()) {
      if (w.to >= '2025-04-15') continue; // windows reaching today compute it live; its events are still there
      const r = comparable(await computeReport(T, w, NOW)) as unknown as (typeof live)[0];
      if (i === 2) {
        // A window that cuts days past the retention period: those slices are live and their events are gone, so only
        // the whole days' acknowledgement samples remain (docs/analytics.md); everything else is exact.
        expect(r.reliability.generateAckSamples).to.be.below(live[i]!.reliability.generateAckSamples).and.above(0);
        expect({ ...r, reliability: null }, `window ${i}`).to.deep.equal({ ...live[i], reliability: null });
        continue;
      }
      expect(r, `window ${i}`).to.deep.equal(live[i]);
    }
    // The live computation alone has lost the acknowledgement samples; the report has not.
    expect((await computeAnalytics(T, WINDOWS[0]!, NOW)).reliability.generateAckSamples).to.equal(0);
    expect((await computeReport(T, WINDOWS[0]!, NOW)).reliability.generateAckSamples).to.equal(live[0]!.reliability.generateAckSamples);
  });

  it('never deletes events whose day has no rollup', async () => {
    await AnalyticsEvent.create({ tenantId: T, userId: 'ru1', name: 'generate_acknowledged', props: { ms: 5 }, createdAt: new Date('2025-03-10T10:00:00Z') });
    const config = await getTenantConfig(T);
    expect(await pruneEvents(T, config.timezone, 7, new Date('2025-04-22T09:00:00Z'))).to.equal(0);
    expect(await AnalyticsEvent.count({ where: { tenantId: T, createdAt: new Date('2025-03-10T10:00:00Z') } })).to.equal(1);
    await AnalyticsEvent.destroy({ where: { tenantId: T, createdAt: new Date('2025-03-10T10:00:00Z') } });
  });

  it('computes ARPPU uplift against the baseline the admin picks, and LTV/CAC from the configured acquisition cost', async () => {
    const w = { from: '2025-04-08', to: '2025-04-14' };
    const base = { from: '2025-04-01', to: '2025-04-07' };
    const [cur, bl] = [await computeAnalytics(T, w, NOW), await computeAnalytics(T, base, NOW)];
    const r = await s.call('GET', `/api/admin/analytics?from=${w.from}&to=${w.to}&baselineFrom=${base.from}&baselineTo=${base.to}`, { token: admin });
    expect(r.status).to.equal(200);
    const u = r.body.arppuUplift;
    expect(u).to.include({ baselineFrom: bl.window.from, baselineTo: bl.window.to, baselineArppu: bl.monetization.arppu, baselinePayers: bl.monetization.payersInWindow,
      arppu: cur.monetization.arppu });
    const exact = (cur.monetization.revenuePaise / cur.monetization.payersInWindow) / (bl.monetization.revenuePaise / bl.monetization.payersInWindow) - 1;
    expect(u.uplift).to.equal(Math.round(exact * 10_000) / 10_000);
    // Default baseline: the same length just before the window.
    const d = await s.call('GET', `/api/admin/analytics?from=${w.from}&to=${w.to}`, { token: admin });
    expect(d.body.arppuUplift).to.include({ baselineFrom: '2025-03-31T18:30:00.000Z', baselineTo: '2025-04-07T18:30:00.000Z' });

    // LTV = every paid order before `to` / every user before `to`; no CAC configured -> null ratio.
    const paid = await Order.findAll({ where: { tenantId: T, status: 'paid' } });
    const toDate = new Date(cur.window.to);
    const lifetime = paid.filter((o) => o.paidAt! < toDate).reduce((a, o) => a + o.amountPaise, 0);
    const nUsers = await User.count({ where: { tenantId: T } }).then(async () => (await User.findAll({ where: { tenantId: T } })).filter((x) => x.createdAt < toDate).length);
    expect(r.body.ltvCac).to.deep.equal({ ltv: Math.round(lifetime / nUsers) / 100, lifetimeRevenue: lifetime / 100, lifetimeUsers: nUsers, cac: null, ratio: null });
    const cfg = await s.call('POST', '/api/admin/config', { token: admin, body: { config: { acquisition: { costPerUser: 2.5 } } } });
    expect(cfg.status).to.equal(200);
    const r2 = await s.call('GET', `/api/admin/analytics?from=${w.from}&to=${w.to}`, { token: admin });
    expect(r2.body.ltvCac.cac).to.equal(2.5);
    expect(r2.body.ltvCac.ratio).to.equal(Math.round((lifetime / nUsers / 250) * 100) / 100);
    await s.call('POST', '/api/admin/config', { token: admin, body: { config: { acquisition: { costPerUser: 0 } } } });
  });

  it('answers a baseline that cuts days (its live slices read only the orders) like the live computation', async () => {
    const w = { from: '2025-04-09T05:00:00Z', to: '2025-04-13T20:00:00Z' };
    const base = { from: '2025-04-01T11:30:00Z', to: '2025-04-08T02:15:00Z' };
    const ref = await computeAnalytics(T, base, NOW);
    const r = await computeReport(T, { ...w, baselineFrom: base.from, baselineTo: base.to }, NOW);
    expect(r.arppuUplift).to.include({ baselineFrom: ref.window.from, baselineTo: ref.window.to, baselineRevenue: ref.monetization.revenue,
      baselinePayers: ref.monetization.payersInWindow, baselineArppu: ref.monetization.arppu });
    expect(ref.monetization.payersInWindow).to.be.greaterThan(0);
  });

  it('refuses a half baseline, a bad baseline and bad retention or acquisition settings, writing nothing', async () => {
    for (const q of ['baselineFrom=2025-04-01', 'baselineTo=2025-04-01', 'baselineFrom=2025-04-07&baselineTo=2025-04-01', 'baselineFrom=soon&baselineTo=2025-04-01']) {
      const r = await s.call('GET', `/api/admin/analytics?from=2025-04-08&to=2025-04-14&${q}`, { token: admin });
      expect(r.status, q).to.equal(400);
      expect(r.body.code).to.equal('validation_error');
      expect(r.body.errors[0].field).to.match(/^baseline(From|To)$/);
    }
    const before = await s.call('GET', '/api/admin/config', { token: admin });
    for (const patch of [{ retention: { analyticsEventsDays: 3 } }, { retention: { analyticsEventsDays: 1.5 } }, { acquisition: { costPerUser: -1 } }, { acquisition: { costPerUser: 'x' } }]) {
      const r = await s.call('POST', '/api/admin/config', { token: admin, body: { config: patch } });
      expect(r.status, JSON.stringify(patch)).to.equal(400);
    }
    expect((await s.call('GET', '/api/admin/config', { token: admin })).body).to.deep.equal(before.body);
    const ok = await s.call('POST', '/api/admin/config', { token: admin, body: { config: { retention: { analyticsEventsDays: 30 } } } });
    expect(ok.status).to.equal(200);
    expect((await getTenantConfig(T)).retention.analyticsEventsDays).to.equal(30);
  });

  it('streams the CSV line by line', async () => {
    const r = await computeReport(T, { from: '2025-04-01', to: '2025-04-14' }, NOW);
    const lines = reportCsvLines(r, 'daily');
    expect(lines.next().value).to.match(/^date,signups,/);
    expect(lines.next().value).to.match(/^2025-04-01,/);
    const res = await fetch(`${s.baseUrl}/api/admin/analytics.csv?from=2025-04-01&to=2025-04-14`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('transfer-encoding')).to.equal('chunked');
    expect((await res.text()).trim().split('\r\n')).to.have.length(15);
  });
});
