import { expect } from 'chai';
import { databases, startServer, type TestServer } from '../support/harness.js';

type Call = { method: string; path: string; body?: unknown; anonymous?: boolean };

/** Every route of each feature, with a body that passes validation so the feature switch is what answers. */
const ROUTES: Record<string, Call[]> = {
  community: [
    { method: 'GET', path: '/api/community/feed' },
    { method: 'GET', path: '/api/community/feed', anonymous: true },
    { method: 'GET', path: '/api/community/posts/pst_x' },
    { method: 'POST', path: '/api/community/publish', body: { imageId: 'img_x', title: 'A title', categoryId: 'cat_x', visibility: 'public' } },
    { method: 'POST', path: '/api/community/pst_x/like' },
    { method: 'POST', path: '/api/community/pst_x/report', body: { reason: 'spam' } },
  ],
  remix: [
    { method: 'POST', path: '/api/community/pst_x/remix/open' },
    { method: 'POST', path: '/api/community/pst_x/remix/record', body: { generatedImageId: 'img_x' } },
  ],
  referrals: [
    { method: 'GET', path: '/api/referrals/me' },
    { method: 'POST', path: '/api/referrals/claim', body: { code: 'ABCDEFGH' } },
    { method: 'GET', path: '/api/referrals/poster/img_x' },
  ],
  purchases: [
    { method: 'GET', path: '/api/credits/packs' },
    { method: 'POST', path: '/api/credits/purchase', body: { packId: 'pack_10' } },
    { method: 'POST', path: '/api/credits/sandbox/pay', body: { orderId: 'ord_x' } },
  ],
  promptEnhancement: [
    { method: 'POST', path: '/api/studio/enhance-prompt', body: { prompt: 'a lighthouse at dawn' } },
  ],
};
const FEATURES = Object.keys(ROUTES);

for (const dbDef of databases()) {
  describe(`feature flags (${dbDef.name})`, function () {
    this.timeout(60000);
    let s: TestServer;
    let drop: () => Promise<void>;
    let admin: string;
    let user: string;
    const setFlags = async (flags: Record<string, boolean | null>) => {
      const r = await s.call('POST', '/api/admin/config', { token: admin, body: { config: { flags } } });
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
    };
    const call = (c: Call) => s.call(c.method, c.path, c.anonymous ? { body: c.body, headers: { 'X-Partner-Key': 'pk_default' } } : { token: user, body: c.body });

    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      s = await startServer({ dbUrl: db.url, worker: false });
      admin = s.token('flag-admin', { role: 'admin' });
      user = s.token('flag-user');
    });
    after(async () => { await s?.close(); await drop?.(); });

    it('with no flags set every feature is on, and the settings say so', async () => {
      const r = await s.call('GET', '/api/studio/settings', { token: user });
      expect(r.status).to.equal(200);
      expect(r.body.features).to.deep.equal({ community: true, remix: true, referrals: true, purchases: true, promptEnhancement: true });
      expect(r.body.tiers.map((t: { tier: string }) => t.tier)).to.deep.equal(['standard', 'premium2', 'premium4']);
      expect(r.body.formats).to.deep.equal(['png']);
      expect(r.body.locale).to.deep.equal({ default: 'en', currency: 'INR', timezone: 'Asia/Kolkata' });
      for (const f of FEATURES) for (const c of ROUTES[f]!) expect((await call(c)).body.code, `${c.method} ${c.path}`).to.not.equal('feature_disabled');
    });

    for (const feature of FEATURES) {
      it(`${feature} off: its routes answer 403 feature_disabled, the others do not`, async () => {
        await setFlags({ [feature]: false });
        try {
          for (const c of ROUTES[feature]!) {
            const r = await call(c);
            expect(r.status, `${c.method} ${c.path}`).to.equal(403);
            expect(r.headers.get('content-type')).to.match(/application\/problem\+json/);
            expect(r.body).to.include({ code: 'feature_disabled', feature });
          }
          for (const other of FEATURES.filter((f) => f !== feature)) {
            for (const c of ROUTES[other]!) expect((await call(c)).body.code, `${c.method} ${c.path}`).to.not.equal('feature_disabled');
          }
          const settings = await s.call('GET', '/api/studio/settings', { token: user });
          for (const f of FEATURES) expect(settings.body.features[f], f).to.equal(f !== feature);
        } finally {
          await setFlags({ [feature]: null });
        }
      });
    }

    it('the settings are public with the publishable key, even when visitors may not read the feed', async () => {
      await s.call('POST', '/api/admin/config', { token: admin, body: { config: { feed: { publicVisitors: false }, flags: { remix: false }, defaultLocale: 'hi' } } });
      const anon = await s.call('GET', '/api/studio/settings', { headers: { 'X-Partner-Key': 'pk_default' } });
      expect(anon.status).to.equal(200);
      expect(anon.body.features.remix).to.equal(false);
      expect(anon.body.locale.default).to.equal('hi');
      expect((await s.call('GET', '/api/community/feed', { headers: { 'X-Partner-Key': 'pk_default' } })).status).to.equal(401);
      expect((await s.call('GET', '/api/studio/settings', { headers: { 'X-Partner-Key': 'pk_nobody' } })).status).to.equal(401);
    });

    it('refuses a default locale that is not a language tag', async () => {
      const r = await s.call('POST', '/api/admin/config', { token: admin, body: { config: { defaultLocale: 'not a locale!' } } });
      expect(r.status).to.equal(400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).to.include('defaultLocale');
    });
  });
}
