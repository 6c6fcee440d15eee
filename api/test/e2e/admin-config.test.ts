import { expect } from 'chai';
import { waitForJob } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { createTenant } from '../../src/tenants/tenants.js';
import { LedgerEntry } from '../../src/models/index.js';

const OTHER_SECRET = 'other-partner-secret-0123456789abcdef';

describeEachDatabase('admin configuration', function (db) {
    const s = db.server;
    let admin: string;
    const save = (config: unknown, extra: Record<string, unknown> = {}) => s.call('POST', '/api/admin/config', { token: admin, body: { config, ...extra } });
    before(async () => {
      await createTenant({ id: 'tnt_other', slug: 'other', name: 'Other partner', publishableKey: 'pk_other', secret: OTHER_SECRET });
      admin = s.token('boss', { role: 'admin' });
    });

    it('shows the whole config in API units: credits as credits, money in rupees', async () => {
      const r = await s.call('GET', '/api/admin/config', { token: admin });
      expect(r.status).to.equal(200);
      expect(r.body.version).to.equal(0);
      const c = r.body.config;
      expect(c.tiers.standard).to.deep.equal({ credits: 1, width: 768, height: 768, label: 'Standard' });
      expect(c.pricing.bands).to.deep.equal({ A: 4, B: 5, C: 6 });
      expect(c.rewards).to.deep.equal({ reuseReward: 0.5, perAssetCap: 20, perCreatorDailyCap: 10 });
      expect(c.referral).to.include({ refereeBonus: 5, referrerBonus: 10, milestoneBonus: 50, milestoneEvery: 10 });
      expect(c.monthlySpendCap).to.equal(null);
      expect(c.welcomeGrant).to.equal(0);
      expect(c.providers.providerCost).to.deep.equal({ local: 0, openai: 3.35, stability: 2.5 });
      expect(c).to.include.keys('timezone', 'limits', 'feed', 'moderation', 'flags', 'campaigns');
    });

    it('changes the tier cost for the next request (tiers list and the debit)', async () => {
      const r = await save({ tiers: { standard: { credits: 1.5 } } }, { note: 'standard costs more' });
      expect(r.status).to.equal(200);
      expect(r.body).to.include({ version: 1, updatedBy: 'boss', note: 'standard costs more' });
      expect(r.body.config.tiers.standard.credits).to.equal(1.5);
      const alice = s.token('alice');
      const tiers = await s.call('GET', '/api/studio/tiers', { token: alice });
      expect(tiers.body.items.find((t: { tier: string }) => t.tier === 'standard').credits).to.equal(1.5);
      await s.grant('alice', 3);
      const g = await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a mountain poster', tier: 'standard' } });
      expect(g.body.creditDebited).to.equal(1.5);
      await waitForJob(s, alice, g.body.jobId);
      expect((await s.call('GET', '/api/credits/balance', { token: alice })).body.credits).to.equal(1.5);
    });

    it('changes pack prices and discounts for the next request', async () => {
      const bob = s.token('bob');
      await save({ pricing: { bands: { A: 7, B: 7, C: 7 }, packs: [{ id: 'pack_20', credits: 20, discountPercent: 25 }] } });
      const packs = await s.call('GET', '/api/credits/packs', { token: bob });
      expect(packs.status).to.equal(200);
      expect(packs.body.pricePerCredit).to.equal(7);
      expect(packs.body.items.map((p: { packId: string }) => p.packId)).to.deep.equal(['pack_20']);
      expect(packs.body.items[0]).to.include({ credits: 20, discountPercent: 25, amount: 105, amountPaise: 10500 });
      const removed = await save({ pricing: { bands: { C: null } }, flags: { newFeed: true } });
      expect(removed.body.config.pricing.bands).to.deep.equal({ A: 7, B: 7 });
      expect((await save({ flags: { newFeed: null } })).body.config.flags).to.deep.equal({});
    });

    it('applies a new generate rate limit at once (429 with Retry-After)', async () => {
      await save({ limits: { generatePerMinute: 2 }, tiers: { standard: { credits: 1 } } });
      const carol = s.token('carol');
      await s.grant('carol', 10);
      for (let i = 0; i < 2; i++) {
        expect((await s.call('POST', '/api/studio/generate', { token: carol, body: { prompt: `poster ${i}`, tier: 'standard' } })).status).to.equal(202);
      }
      const third = await s.call('POST', '/api/studio/generate', { token: carol, body: { prompt: 'poster 3', tier: 'standard' } });
      expect(third.status).to.equal(429);
      expect(third.body.code).to.equal('rate_limited');
      expect(Number(third.headers.get('retry-after'))).to.be.greaterThan(0);
      await save({ limits: { generatePerMinute: 20 } });
    });

    it('applies the welcome grant and the monthly spend cap to the next user and request', async () => {
      await save({ welcomeGrant: 3, monthlySpendCap: 2 });
      const dave = s.token('dave');
      const b = await s.call('GET', '/api/credits/balance', { token: dave });
      expect(b.body).to.include({ credits: 3, monthlyRemaining: 2, monthlyCap: 2 });
      const g1 = await s.call('POST', '/api/studio/generate', { token: dave, body: { prompt: 'cap poster one', tier: 'premium2' } });
      expect(g1.status).to.equal(202);
      const g2 = await s.call('POST', '/api/studio/generate', { token: dave, body: { prompt: 'cap poster two', tier: 'standard' } });
      expect(g2.status).to.equal(402);
      await save({ welcomeGrant: 0, monthlySpendCap: null });
      const g3 = await s.call('POST', '/api/studio/generate', { token: dave, body: { prompt: 'cap poster three', tier: 'standard' } });
      expect(g3.status).to.equal(202);
      await waitForJob(s, dave, g1.body.jobId);
      await waitForJob(s, dave, g3.body.jobId);
    });

    it('runs a bonus campaign: a one-time grant per user and a discounted tier while it lasts', async () => {
      const now = Date.now();
      const r = await save({ campaigns: [{ id: 'diwali', name: 'Diwali bonus', startsAt: new Date(now - 3600e3).toISOString(), endsAt: new Date(now + 3600e3).toISOString(),
        grant: 2.5, tierDiscountPercent: 50, tiers: ['premium2'] }] });
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
      expect(r.body.config.campaigns[0].grant).to.equal(2.5);
      const erin = s.token('erin');
      const b1 = await s.call('GET', '/api/credits/balance', { token: erin });
      expect(b1.body.credits).to.equal(2.5);
      const b2 = await s.call('GET', '/api/credits/balance', { token: erin });
      expect(b2.body.credits).to.equal(2.5);
      const tiers = await s.call('GET', '/api/studio/tiers', { token: erin });
      expect(tiers.body.items.find((t: { tier: string }) => t.tier === 'premium2').credits).to.equal(1);
      const frank = s.token('frank');
      const g = await s.call('POST', '/api/studio/generate', { token: frank, body: { prompt: 'campaign poster', tier: 'premium2' } });
      expect(g.status).to.equal(202);
      expect(g.body.creditDebited).to.equal(1);
      await waitForJob(s, frank, g.body.jobId);
      const rows = await LedgerEntry.findAll({ where: { reason: 'bonus', refType: 'campaign' } });
      expect(rows.map((x) => x.refId).sort()).to.have.length(2);
      expect(rows.every((x) => x.delta === 2500 && x.refId.startsWith('diwali:'))).to.equal(true);
      // Once it is over, new users get nothing.
      await save({ campaigns: [{ id: 'diwali', name: 'Diwali bonus', startsAt: new Date(now - 7200e3).toISOString(), endsAt: new Date(now - 3600e3).toISOString(), grant: 2.5 }] });
      expect((await s.call('GET', '/api/credits/balance', { token: s.token('gina') })).body.credits).to.equal(0);
      await save({ campaigns: [] });
      await s.ledgerOk();
    });

    it('applies reward amount and per-asset cap to the next remix, and hides the feed from visitors when told', async () => {
      await save({ rewards: { reuseReward: 0.75, perAssetCap: 1 } });
      const maker = s.token('maker');
      await s.grant('maker', 2);
      const g = await s.call('POST', '/api/studio/generate', { token: maker, body: { prompt: 'a tea shop poster', tier: 'standard' } });
      await waitForJob(s, maker, g.body.jobId);
      const cat = (await s.call('GET', '/api/studio/categories', { token: maker })).body.items[0].id;
      const pub = await s.call('POST', '/api/community/publish', { token: maker, body: { imageId: g.body.imageId, title: 'Tea shop', categoryId: cat, visibility: 'public' } });
      expect(pub.status, JSON.stringify(pub.body)).to.equal(201);
      const remix = async (sub: string) => {
        const t = s.token(sub);
        await s.grant(sub, 2);
        await s.call('POST', `/api/community/${pub.body.postId}/remix/open`, { token: t });
        const rg = await s.call('POST', '/api/studio/generate', { token: t, body: { prompt: 'a tea shop poster, remixed', tier: 'standard' } });
        await waitForJob(s, t, rg.body.jobId);
        return (await s.call('POST', `/api/community/${pub.body.postId}/remix/record`, { token: t, body: { generatedImageId: rg.body.imageId } })).body;
      };
      expect(await remix('rx1')).to.include({ rewarded: true, rewardCredits: 0.75 });
      expect(await remix('rx2')).to.include({ rewarded: true, rewardCredits: 0.25, creatorTotalForAsset: 1 });
      expect(await remix('rx3')).to.include({ rewarded: false });
      expect((await s.call('GET', '/api/community/feed')).status).to.equal(200);
      await save({ feed: { publicVisitors: false } });
      expect((await s.call('GET', '/api/community/feed')).status).to.equal(401);
      await save({ feed: { publicVisitors: true }, rewards: { reuseReward: 0.5, perAssetCap: 20 } });
      await s.ledgerOk();
    });

    it('refuses an invalid configuration whole, listing every reason', async () => {
      const before = await s.call('GET', '/api/admin/config', { token: admin });
      const r = await save({
        timezone: 'Mars/Olympus_Mons',
        tiers: { standard: { credits: -1 }, premium2: { credits: 1.0005 } },
        pricing: { bands: { A: -4 }, defaultBand: 'Z', packs: [{ id: 'p', credits: 10, discountPercent: 95 }, { id: 'p', credits: 5, discountPercent: 0 }] },
        rewards: { reuseReward: 5, perAssetCap: 1, perCreatorDailyCap: 2 },
        campaigns: [{ id: 'late', name: 'Backwards', startsAt: '2025-02-01T00:00:00Z', endsAt: '2025-01-01T00:00:00Z', grant: 1 }],
        limits: { generatePerMinute: 'many' },
        surprise: true,
      });
      expect(r.status).to.equal(400);
      expect(r.body.code).to.equal('validation_error');
      const fields = r.body.errors.map((e: { field: string }) => e.field);
      expect(fields).to.include.members(['tiers.premium2.credits', 'limits.generatePerMinute', 'surprise', 'timezone', 'tiers.standard.credits',
        'pricing.bands.A', 'pricing.defaultBand', 'pricing.packs.0.discountPercent', 'pricing.packs.1.id', 'rewards.perAssetCap', 'campaigns.0.endsAt']);
      // A well-typed but inconsistent config is refused by the whole-config checks alone.
      const r2 = await save({
        timezone: 'Mars/Olympus_Mons',
        tiers: { standard: { credits: -1 } },
        pricing: { bands: { A: -4 }, defaultBand: 'Z', packs: [{ id: 'p', credits: 10, discountPercent: 95 }, { id: 'p', credits: 5, discountPercent: 0 }] },
        rewards: { reuseReward: 5, perAssetCap: 1, perCreatorDailyCap: 2 },
        campaigns: [{ id: 'late', name: 'Backwards', startsAt: '2025-02-01T00:00:00Z', endsAt: '2025-01-01T00:00:00Z', grant: 1 }],
      });
      expect(r2.status).to.equal(400);
      expect(r2.body.errors.map((e: { field: string }) => e.field)).to.include.members([
        'timezone', 'tiers.standard.credits', 'pricing.bands.A', 'pricing.defaultBand', 'pricing.packs.0.discountPercent', 'pricing.packs.1.id',
        'rewards.perAssetCap', 'rewards.perCreatorDailyCap', 'campaigns.0.endsAt',
      ]);
      const after = await s.call('GET', '/api/admin/config', { token: admin });
      expect(after.body.version).to.equal(before.body.version);
      expect(after.body.config).to.deep.equal(before.body.config);
    });

    it('keeps a version history, refuses a stale expectedVersion and restores an old version', async () => {
      const cur = await s.call('GET', '/api/admin/config', { token: admin });
      const stale = await save({ welcomeGrant: 1 }, { expectedVersion: cur.body.version - 1 });
      expect(stale.status).to.equal(409);
      const ok = await save({ welcomeGrant: 1 }, { expectedVersion: cur.body.version });
      expect(ok.body.version).to.equal(cur.body.version + 1);
      const h = await s.call('GET', '/api/admin/config/history?limit=2', { token: admin });
      expect(h.body.items.map((i: { version: number }) => i.version)).to.deep.equal([ok.body.version, cur.body.version]);
      expect(h.body.items[0].changed).to.deep.equal(['welcomeGrant']);
      expect(h.body.items[0]).to.include({ createdBy: 'boss' });
      const h2 = await s.call('GET', `/api/admin/config/history?limit=2&cursor=${h.body.nextCursor}`, { token: admin });
      expect(h2.body.items[0].version).to.equal(cur.body.version - 1);
      const restored = await s.call('POST', '/api/admin/config/restore', { token: admin, body: { version: 1 } });
      expect(restored.status).to.equal(200);
      expect(restored.body.config.tiers.standard.credits).to.equal(1.5);
      expect(restored.body.config.pricing.bands).to.deep.equal({ A: 4, B: 5, C: 6 });
      expect((await s.call('GET', '/api/studio/tiers', { token: s.token('alice') })).body.items[0].credits).to.equal(1.5);
      const audit = await s.call('GET', '/api/admin/audit-log?action=config.*', { token: admin });
      expect(audit.body.items[0]).to.include({ action: 'config.restore', targetType: 'config' });
      expect(audit.body.items.length).to.be.greaterThan(8);
    });

    it('keeps partners apart: another partner changes only its own config', async () => {
      const other = s.token('other-boss', { role: 'admin' }, { secret: OTHER_SECRET });
      const h = { token: other, headers: { 'x-partner-key': 'pk_other' } };
      const r = await s.call('POST', '/api/admin/config', { ...h, body: { config: { tiers: { standard: { credits: 3 } } } } });
      expect(r.body.version).to.equal(1);
      expect((await s.call('GET', '/api/studio/tiers', { token: s.token('zed', {}, { secret: OTHER_SECRET }), headers: { 'x-partner-key': 'pk_other' } })).body.items[0].credits).to.equal(3);
      expect((await s.call('GET', '/api/studio/tiers', { token: s.token('alice') })).body.items[0].credits).to.equal(1.5);
      const hist = await s.call('GET', '/api/admin/config/history', h);
      expect(hist.body.items).to.have.length(1);
      expect((await s.call('POST', '/api/admin/config/restore', { ...h, body: { version: 5 } })).status).to.equal(404);
    });
});
