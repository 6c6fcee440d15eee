import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { createTenant } from '../../src/tenants/tenants.js';
import { AnalyticsEvent, GeneratedImage, GenerationJob, LedgerEntry, Order, ReuseEvent, User } from '../../src/models/index.js';
import { gini, percentile } from '../../src/analytics/stats.js';

const OTHER_SECRET = 'other-partner-secret-0123456789abcdef';
const T = 'tnt_default';
const at = (iso: string) => new Date(iso);
const plusH = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

/**
 * A history whose KPIs are known by construction (window 2025-03-01..2025-03-07 in Asia/Kolkata):
 * 4 signups on 2 March (2 activated within 48 h), 8 images by 4 users (2 of them remixes), 1 failed job of 9,
 * payers u0 (also paid in February) and u1, rewards 1.5 + 0.5 credits, 20 acknowledgement samples.
 */
async function seed() {
  const signup = at('2025-03-02T06:30:00Z');
  const user = (id: string, createdAt: Date, extra: Record<string, unknown>) => ({
    id, tenantId: T, sub: id, name: id, role: 'user', referralCode: `RC${id}`, isPaying: false, generationCount: 0, priceBand: 'B', createdAt, updatedAt: createdAt, ...extra,
  });
  await User.bulkCreate([
    user('u0', at('2025-01-01T00:00:00Z'), { priceBand: 'A', firstGenerationAt: at('2025-01-01T01:00:00Z') }),
    user('u1', signup, { priceBand: 'A', referredByUserId: 'u0', firstGenerationAt: plusH(signup, 1) }),
    user('u2', signup, { priceBand: 'B', referredByUserId: 'u0', firstGenerationAt: plusH(signup, 72) }),
    user('u3', signup, { priceBand: 'B' }),
    user('u4', signup, { priceBand: 'C', firstGenerationAt: plusH(signup, 47) }),
  ]);
  const imgs: [string, string, string, Date][] = [
    ['i1', 'u1', 'openai', plusH(signup, 1)], ['i2', 'u1', 'openai', plusH(signup, 2)], ['i3', 'u1', 'local', plusH(signup, 3)],
    ['i4', 'u2', 'local', plusH(signup, 72)], ['i5', 'u4', 'stability', plusH(signup, 47)], ['i6', 'u4', 'local', plusH(signup, 48)],
    ['i7', 'u0', 'local', plusH(signup, 5)], ['i8', 'u0', 'local', plusH(signup, 6)],
  ];
  await GenerationJob.bulkCreate([...imgs.map(([id, u, p, d]) => ({ id: `j${id}`, tenantId: T, userId: u, imageId: id, status: 'succeeded', progress: 100, attempts: 1, maxAttempts: 3,
    cost: 1000, refunded: false, request: { prompt: 'x', tier: 'standard', watermark: true, width: 8, height: 8 }, provider: p, createdAt: d, updatedAt: d })),
  { id: 'jfail', tenantId: T, userId: 'u0', imageId: 'ifail', status: 'failed', progress: 0, attempts: 3, maxAttempts: 3, cost: 1000, refunded: true,
    request: { prompt: 'x', tier: 'standard', watermark: true, width: 8, height: 8 }, createdAt: plusH(signup, 7), updatedAt: plusH(signup, 7) }]);
  await GeneratedImage.bulkCreate([...imgs.map(([id, u, p, d]) => ({ id, tenantId: T, userId: u, jobId: `j${id}`, promptText: 'x', tier: 'standard', width: 8, height: 8,
    provider: p, status: 'succeeded', watermark: true, creditsSpent: 1000, billable: true, createdAt: d, updatedAt: d })),
  { id: 'ifail', tenantId: T, userId: 'u0', jobId: 'jfail', promptText: 'x', tier: 'standard', width: 8, height: 8, status: 'failed', watermark: true, creditsSpent: 1000,
    billable: false, createdAt: plusH(signup, 7), updatedAt: plusH(signup, 7) }]);
  await ReuseEvent.bulkCreate([
    { id: 'r1', tenantId: T, sourcePostId: 'p1', remixerUserId: 'u1', remixedImageId: 'i2', creatorUserId: 'u0', rewarded: true, rewardCredits: 500, createdAt: plusH(signup, 2) },
    { id: 'r2', tenantId: T, sourcePostId: 'p1', remixerUserId: 'u4', remixedImageId: 'i6', creatorUserId: 'u0', rewarded: true, rewardCredits: 500, createdAt: plusH(signup, 48) },
  ]);
  const led = (userId: string, delta: number, reason: string, refId: string, createdAt: Date) => ({ tenantId: T, userId, delta, balanceAfter: 0, reason, refType: 'seed', refId, createdAt });
  await LedgerEntry.bulkCreate([
    ...imgs.map(([id, u, , d]) => led(u, -1000, 'generation', id, d)), led('u0', -1000, 'generation', 'ifail', plusH(signup, 7)), led('u0', 1000, 'refund', 'ifail', plusH(signup, 8)),
    led('u0', 1000, 'reward', 'rw1', plusH(signup, 2)), led('u0', 500, 'reward', 'rw2', plusH(signup, 48)), led('u1', 500, 'reward', 'rw3', plusH(signup, 50)),
    led('u1', 10000, 'purchase', 'o1', plusH(signup, 4)), led('u1', 5000, 'referral', 'ref1', plusH(signup, 1)),
  ]);
  const order = (id: string, userId: string, amountPaise: number, status: string, paidAt: Date | null) => ({ id, tenantId: T, userId, gateway: 'sandbox', amountPaise, currency: 'INR',
    credits: 10000, quantity: 10, status, paidAt, createdAt: paidAt ?? signup, updatedAt: paidAt ?? signup });
  await Order.bulkCreate([
    order('o0', 'u0', 2000, 'paid', at('2025-02-10T10:00:00Z')), order('o1', 'u1', 5000, 'paid', plusH(signup, 4)), order('o2', 'u0', 10000, 'paid', plusH(signup, 30)),
    order('o3', 'u2', 5000, 'created', null),
  ]);
  await AnalyticsEvent.bulkCreate(Array.from({ length: 20 }, (_, i) => ({ tenantId: T, userId: 'u1', name: 'generate_acknowledged', props: { ms: (i + 1) * 10 }, createdAt: plusH(signup, 1) })));
}

describe('analytics math', () => {
  it('computes the Gini coefficient and nearest-rank percentiles', () => {
    expect(gini([1, 1, 1, 1])).to.equal(0);
    expect(gini([0, 0, 0, 4])).to.equal(0.75);
    expect(gini([])).to.equal(0);
    expect(percentile([5, 1, 3, 2, 4], 95)).to.equal(5);
    expect(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 95)).to.equal(19);
  });
});

describeEachDatabase('analytics', { server: { worker: false } }, function (db) {
    const s = db.server;
    let admin: string;
    before(async () => {
      await createTenant({ id: 'tnt_other', slug: 'other', name: 'Other partner', publishableKey: 'pk_other', secret: OTHER_SECRET });
      await seed();
      admin = s.token('boss', { role: 'admin' });
    });

    it('reports the KPIs of a seeded history exactly', async () => {
      const r = await s.call('GET', '/api/admin/analytics?from=2025-03-01&to=2025-03-07', { token: admin });
      expect(r.status).to.equal(200);
      const b = r.body;
      expect(b.window).to.include({ from: '2025-02-28T18:30:00.000Z', to: '2025-03-07T18:30:00.000Z', timezone: 'Asia/Kolkata', days: 7 });
      expect(b.activation).to.deep.equal({ newUsers: 4, activatedWithin48h: 2, rate: 0.5 });
      expect(b.engagement).to.deep.equal({ generations: 8, generatingUsers: 4, generationsPerUserPerWeek: 2, remixGenerations: 2, reuseRate: 0.25 });
      const m = b.monetization;
      expect(m).to.include({ users: 5, payingUsers: 2, paidConversion: 0.4, payersInWindow: 2, newPayersInWindow: 1, paidOrders: 2, revenue: 150, revenuePaise: 15000, arppu: 75 });
      expect(m.byPriceBand).to.deep.equal([
        { band: 'A', pricePerCredit: 4, users: 2, payingUsers: 2, conversion: 1, revenue: 150, arppu: 75 },
        { band: 'B', pricePerCredit: 5, users: 2, payingUsers: 0, conversion: 0, revenue: 0, arppu: null },
        { band: 'C', pricePerCredit: 6, users: 1, payingUsers: 0, conversion: 0, revenue: 0, arppu: null },
      ]);
      expect(b.credits).to.deep.equal({ spent: 9, refunded: 1, netSpent: 8, granted: { purchase: 10, reward: 2, referral: 5, bonus: 0, admin: 0, clawback: 0, dispute_hold: 0, dispute_release: 0, debt_settlement: 0 } });
      expect(b.rewards).to.include({ totalCredits: 2, earners: 2, activeUsers: 4, earningShare: 0.5, gini: 0.25, giniAllActive: 0.625, topEarnerShare: 0.75 });
      expect(b.rewards.distribution).to.deep.equal([
        { bucket: '0-1', users: 1 }, { bucket: '1-5', users: 1 }, { bucket: '5-10', users: 0 }, { bucket: '10-20', users: 0 }, { bucket: '20+', users: 0 },
      ]);
      expect(b.referrals).to.deep.equal({ signups: 4, attributed: 2, firstGeneration: 2, qualified: 1, creditsPaid: 5 });
      expect(b.providers.items).to.deep.equal([
        { provider: 'local', images: 5, costPerImage: 0, cost: 0 },
        { provider: 'openai', images: 2, costPerImage: 3.35, cost: 6.7 },
        { provider: 'stability', images: 1, costPerImage: 2.5, cost: 2.5 },
      ]);
      expect(b.providers).to.include({ providerCost: 9.2, revenue: 150, grossMargin: 140.8, grossMarginRate: 0.9387, creditValue: 40, usageMargin: 30.8, usageMarginRate: 0.77 });
      expect(b.reliability).to.deep.equal({ finishedJobs: 9, failedJobs: 1, errorRate: 0.1111, generateAckP95Ms: 190, generateAckSamples: 20, fallbackJobs: 0, fallbackRate: 0 });
      expect(b.daily).to.have.length(7);
      const mar2 = b.daily.find((d: { date: string }) => d.date === '2025-03-02');
      expect(mar2).to.deep.equal({ date: '2025-03-02', signups: 4, activeUsers: 2, generations: 5, failedGenerations: 1, remixes: 1, creditsSpent: 5, rewardCredits: 1, revenue: 50, paidOrders: 1 });
      const total = b.daily.reduce((a: number, d: { generations: number }) => a + d.generations, 0);
      expect(total).to.equal(8);
    });

    it('follows a changed provider cost in the margin on the next request', async () => {
      const cfg = await s.call('POST', '/api/admin/config', { token: admin, body: { config: { providers: { providerCost: { openai: 4 } } } } });
      expect(cfg.status).to.equal(200);
      const r = await s.call('GET', '/api/admin/analytics?from=2025-03-01&to=2025-03-07', { token: admin });
      expect(r.body.providers.items.find((p: { provider: string }) => p.provider === 'openai')).to.deep.equal({ provider: 'openai', images: 2, costPerImage: 4, cost: 8 });
      await s.call('POST', '/api/admin/config', { token: admin, body: { config: { providers: { providerCost: { openai: 3.35 } } } } });
    });

    it('exports CSV as an attachment, daily and KPI tables', async () => {
      const res = await fetch(`${s.baseUrl}/api/admin/analytics.csv?from=2025-03-01&to=2025-03-07`, { headers: { authorization: `Bearer ${admin}` } });
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.match(/^text\/csv/);
      expect(res.headers.get('content-disposition')).to.equal('attachment; filename="analytics-daily-2025-02-28-2025-03-07.csv"');
      const lines = (await res.text()).trim().split('\r\n');
      expect(lines[0]).to.equal('date,signups,activeUsers,generations,failedGenerations,remixes,creditsSpent,rewardCredits,revenue,paidOrders');
      expect(lines).to.have.length(8);
      expect(lines).to.include('2025-03-02,4,2,5,1,1,5,1,50,1');
      const kpis = await fetch(`${s.baseUrl}/api/admin/analytics?from=2025-03-01&to=2025-03-07&format=csv&table=kpis`, { headers: { authorization: `Bearer ${admin}` } });
      expect(kpis.headers.get('content-disposition')).to.match(/^attachment; filename="analytics-kpis-/);
      const text = await kpis.text();
      expect(text).to.include('activation.rate,0.5\r\n');
      expect(text).to.include('monetization.byPriceBand.A.arppu,75\r\n');
      expect(text).to.include('providers.items.openai.images,2\r\n');
    });

    it('refuses bad windows and shows another partner none of this data', async () => {
      expect((await s.call('GET', '/api/admin/analytics?from=2025-03-07&to=2025-03-01', { token: admin })).status).to.equal(400);
      expect((await s.call('GET', '/api/admin/analytics?from=2020-01-01&to=2025-03-01', { token: admin })).status).to.equal(400);
      expect((await s.call('GET', '/api/admin/analytics?from=soon', { token: admin })).status).to.equal(400);
      expect((await s.call('GET', '/api/admin/analytics.csv?table=secret', { token: admin })).status).to.equal(400);
      const other = s.token('other-boss', { role: 'admin' }, { secret: OTHER_SECRET });
      const r = await s.call('GET', '/api/admin/analytics?from=2025-03-01&to=2025-03-07', { token: other, headers: { 'x-partner-key': 'pk_other' } });
      expect(r.status).to.equal(200);
      expect(r.body.activation.newUsers).to.equal(0);
      expect(r.body.engagement.generations).to.equal(0);
      expect(r.body.monetization).to.include({ users: 0, revenue: 0 });
      expect(r.body.providers.items).to.deep.equal([]);
    });
});
