import { expect } from 'chai';
import { databases, startServer, type TestServer } from '../support/harness.js';
import { expectProblem, setTenantConfig } from '../support/foundation-helpers.js';
import { TEST_REDIS_URL, deleteKeys, uniquePrefix } from '../support/redis.js';
import { RATE_LIMITS } from '../../src/util/rate-limits.js';

/**
 * Every costly or abusable route has its limit, set per partner (issue 10 item 5): with each budget at 1, a
 * route's second call in the window is 429 rate_limited with Retry-After, counted in ais_rate_limited_total.
 * Run against Redis (the production path); generate and enhance have their own tests in bad-input-studio.
 */
const ROUTES: { limit: keyof typeof RATE_LIMITS; method: string; path: string; body?: unknown; anonymous?: boolean }[] = [
  { limit: 'publish', method: 'POST', path: '/api/community/publish', body: {} },
  { limit: 'remix_open', method: 'POST', path: '/api/community/post_nope/remix/open' },
  { limit: 'remix_record', method: 'POST', path: '/api/community/post_nope/remix/record', body: { imageId: 'img_nope' } },
  { limit: 'referral_claim', method: 'POST', path: '/api/referrals/claim', body: { code: 'NOPE' } },
  { limit: 'verify', method: 'POST', path: '/api/credits/purchase/verify', body: { orderId: 'ord_nope', paymentId: 'pay_nope', signature: 'ab' } },
  { limit: 'sandbox_pay', method: 'POST', path: '/api/credits/sandbox/pay', body: { orderId: 'ord_nope' } },
  { limit: 'like', method: 'POST', path: '/api/community/post_nope/like' },
  { limit: 'report', method: 'POST', path: '/api/community/post_nope/report', body: { reason: 'spam' } },
  { limit: 'purchase', method: 'POST', path: '/api/credits/purchase', body: { packId: 'pack_10' } },
  { limit: 'anonymous_read', method: 'GET', path: '/api/studio/categories', anonymous: true },
  { limit: 'poster', method: 'POST', path: '/api/studio/posters', body: { imageId: 'img_nope', layout: 'minimal-corner', text: { headline: 'Hi' } } },
  { limit: 'data_export', method: 'GET', path: '/api/me/export' },
];

for (const dbDef of databases()) {
  describe(`rate limits on every costly route, per partner (${dbDef.name})`, function () {
    this.timeout(60000);
    let s: TestServer;
    let drop: () => Promise<void>;
    const prefix = uniquePrefix();

    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      s = await startServer({ dbUrl: db.url, worker: false, env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix } });
      const ones = Object.fromEntries(Object.values(RATE_LIMITS).map((l) => [l.setting, 1]));
      await setTenantConfig({ limits: ones });
    });
    after(async () => { await s?.close(); await drop?.(); await deleteKeys(prefix); });

    for (const r of ROUTES) {
      it(`${r.method} ${r.path}: the second call in the window is 429 (${r.limit})`, async () => {
        const token = r.anonymous ? undefined : s.token(`limited-${r.limit}`);
        const first = await s.call(r.method, r.path, { token, body: r.body });
        expect(first.status, JSON.stringify(first.body)).to.be.below(429);
        const second = await s.call(r.method, r.path, { token, body: r.body });
        expectProblem(second, 429, 'rate_limited');
        expect(Number(second.headers.get('retry-after'))).to.be.within(1, 3600);
        const metrics = (await s.call('GET', '/metrics')).body as string;
        expect(metrics).to.match(new RegExp(`ais_rate_limited_total\\{limit="${r.limit}"\\} [1-9]`));
      });
    }

    it('another user, and another partner setting, have their own budget', async () => {
      expect((await s.call('POST', '/api/community/post_nope/like', { token: s.token('someone-else') })).status).to.equal(404);
      await setTenantConfig({ limits: { likesPerMinute: 5 } });
      // A changed budget starts a fresh window: the user limited at 1 may like again.
      expect((await s.call('POST', '/api/community/post_nope/like', { token: s.token('limited-like') })).status).to.equal(404);
    });

    it('the admin config validates every limit (a whole number from 1)', async () => {
      const admin = s.token('limits-admin', { role: 'admin' });
      const bad = await s.call('POST', '/api/admin/config', { token: admin, body: { config: { limits: { sandboxPaysPerMinute: 0, anonymousReadsPerMinute: 'lots', publishesPerHour: 2.5 } } } });
      expectProblem(bad, 400, 'validation_error');
      const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).to.include.members(['limits.sandboxPaysPerMinute', 'limits.anonymousReadsPerMinute', 'limits.publishesPerHour']);
      const ok = await s.call('POST', '/api/admin/config', { token: admin, body: { config: { limits: { verifiesPerMinute: 12 } } } });
      expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
      expect(ok.body.config.limits.verifiesPerMinute).to.equal(12);
    });
  });
}
