import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { expectList, expectOk, expectProblem, expectTypes, generated } from '../support/contract.js';

/**
 * Outside QA, continued (CONTRACT.md "Identity", "Idempotency", "Money", "Admin"): what is public and what is not,
 * another user's things answer 404, signed private URLs, per-user idempotency keys, the monthly cap, secrets never
 * returned. Over HTTP only.
 */
describeEachDatabase('contract: public routes, privacy and secrets', function (db) {
    const s = db.server;
    let alice: string; let bob: string; let admin: string;
    let categoryId: string;
    let publicPost: string; let privatePost: string;
    let privateImg: { jobId: string; imageId: string };

    before(async () => {
      alice = s.token('alice'); bob = s.token('bob'); admin = s.token('boss', { role: 'admin' });
      await s.grant('alice', 10);
      await s.grant('bob', 10);
      categoryId = (await s.call('GET', '/api/studio/categories')).body.items[0].id;
      const a = await generated(s, alice, 'a public heron');
      privateImg = await generated(s, alice, 'a private heron');
      publicPost = (await s.call('POST', '/api/community/publish', { token: alice, body: { imageId: a.imageId, title: 'Heron', categoryId, visibility: 'public' } })).body.postId;
      privatePost = (await s.call('POST', '/api/community/publish', { token: alice, body: { imageId: privateImg.imageId, title: 'Mine', categoryId, visibility: 'private' } })).body.postId;
    });

    it('public post images and share pages need no token; private images only through valid signed URLs', async () => {
      const card = (await s.call('GET', '/api/community/feed?sort=latest')).body.items.find((c: any) => c.postId === publicPost);
      for (const u of [card.imageUrl, card.thumbnailUrl]) {
        const r = await fetch(u);
        expect(r.status, u).to.equal(200);
        expect(r.headers.get('content-type')).to.match(/^image\//);
      }
      const share = await fetch(`${s.baseUrl}/share/${publicPost}`);
      expect(share.status).to.equal(200);
      expect(share.headers.get('content-type')).to.match(/^text\/html/);
      expect((await fetch(`${s.baseUrl}/share/${privatePost}`)).status).to.equal(404);
      expect((await fetch(`${s.baseUrl}/api/public/posts/${privatePost}/image`)).status).to.equal(404);

      const signed = new URL((await s.call('GET', `/api/studio/my-creations/${privateImg.imageId}`, { token: alice })).body.imageUrl);
      expect((await fetch(signed)).status).to.equal(200);
      const unsigned = new URL(signed); unsigned.search = '';
      const forged = new URL(signed); forged.searchParams.set('sig', 'A'.repeat(forged.searchParams.get('sig')?.length ?? 20));
      const stretched = new URL(signed); stretched.searchParams.set('exp', String(Number(stretched.searchParams.get('exp') ?? 0) + 86400));
      for (const u of [unsigned, forged, stretched]) {
        const r = await fetch(u);
        expect(r.status, u.search).to.be.within(400, 499);
      }
    });

    it('payment webhooks are public (a bad signature is a 4xx, never 401)', async () => {
      const r = await s.call('POST', '/api/webhooks/razorpay', { raw: '{"event":"payment.captured"}', headers: { 'X-Razorpay-Signature': 'ab'.repeat(32) } });
      expect(r.status).to.be.within(400, 499);
      expect(r.status).to.not.equal(401);
    });

    it("private and hidden things are 404 to others, never their data; the author still sees them", async () => {
      expectOk(await s.call('GET', `/api/community/posts/${privatePost}`, { token: alice }), 200);
      for (const [m, p] of [['GET', `/api/community/posts/${privatePost}`], ['POST', `/api/community/${privatePost}/like`],
        ['POST', `/api/community/${privatePost}/remix/open`], ['DELETE', `/api/community/posts/${privatePost}`], ['DELETE', `/api/community/posts/${publicPost}`],
        ['GET', `/api/studio/my-creations/${privateImg.imageId}/reopen`], ['GET', `/api/referrals/poster/${privateImg.imageId}`]] as const) {
        const r = await s.call(m, p, { token: bob });
        expectProblem(r, 404, 'not_found', `${m} ${p}`);
        expect(JSON.stringify(r.body)).to.not.include('heron');
      }
      expectProblem(await s.call('GET', `/api/community/posts/${privatePost}`), 404, 'not_found', 'visitor');
      expectProblem(await s.call('POST', `/api/community/${privatePost}/report`, { token: bob, body: { reason: 'spam' } }), 404, 'not_found');
      expect((await s.call('GET', '/api/community/feed?sort=latest', { token: bob })).body.items.map((c: any) => c.postId)).to.not.include(privatePost);
      const mine = await s.call('DELETE', `/api/community/posts/${privatePost}`, { token: alice });
      expect(mine.status).to.equal(204);
      expect(mine.body).to.equal(undefined);
    });

    it('Idempotency-Key is per user: the same key for two users makes two jobs', async () => {
      const body = { prompt: 'a shared key heron', tier: 'standard' };
      const headers = { 'Idempotency-Key': 'same-key-for-everyone' };
      const a = await s.call('POST', '/api/studio/generate', { token: alice, body, headers });
      const b = await s.call('POST', '/api/studio/generate', { token: bob, body, headers });
      expectOk(a, 202); expectOk(b, 202);
      expect(a.body.jobId).to.not.equal(b.body.jobId);
      expectProblem(await s.call('GET', `/api/studio/generate/${a.body.jobId}`, { token: bob }), 404, 'not_found');
    });

    it('generate takes templateId and watermark; an unknown template is 400 or 404', async () => {
      const tpl = (await s.call('GET', `/api/studio/templates?categoryId=${categoryId}`, { token: alice })).body.items[0];
      expectTypes(tpl, { id: 'string', title: 'string', categoryId: 'string' });
      const g = await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a heron in the style', tier: 'standard', templateId: tpl.id, watermark: true } });
      expectOk(g, 202);
      const bad = await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a heron', tier: 'standard', templateId: 'tpl_nope' } });
      expect(bad.status).to.be.oneOf([400, 404]);
      expectProblem(bad, bad.status);
    });

    it('monthlyRemaining is what the monthly cap leaves, and the balance without a cap', async () => {
      const before = (await s.call('GET', '/api/credits/balance', { token: bob })).body;
      expect(before.monthlyRemaining).to.equal(before.credits);
      const set = await s.call('POST', '/api/admin/config', { token: admin, body: { config: { monthlySpendCap: 3 }, note: 'cap' } });
      expect(set.status, JSON.stringify(set.body)).to.equal(200);
      const capped = (await s.call('GET', '/api/credits/balance', { token: bob })).body;
      expect(capped.monthlyRemaining).to.equal(Math.max(0, Math.min(capped.credits, 3 - capped.monthlyUsed)));
      expect((await s.call('POST', '/api/admin/config', { token: admin, body: { config: { monthlySpendCap: null }, note: 'no cap' } })).status).to.equal(200);
    });

    it('visitors: feed and categories follow feed.publicVisitors; everything else stays 401', async () => {
      expect((await s.call('POST', '/api/admin/config', { token: admin, body: { config: { feed: { publicVisitors: false } }, note: 'members only' } })).status).to.equal(200);
      try {
        for (const p of ['/api/community/feed', '/api/studio/categories', '/api/studio/templates', '/api/studio/tiers', `/api/community/posts/${publicPost}`]) {
          expectProblem(await s.call('GET', p), 401, 'unauthorized', p);
          expectOk(await s.call('GET', p, { token: bob }), 200, p);
        }
      } finally {
        expect((await s.call('POST', '/api/admin/config', { token: admin, body: { config: { feed: { publicVisitors: true } }, note: 'open' } })).status).to.equal(200);
      }
      expectList(await s.call('GET', '/api/community/feed'));
    });

    it('provider keys are stored, never returned: alias and last four only', async () => {
      const secret = 'sk-qa-very-secret-key-abcd1234';
      const add = await s.call('POST', '/api/admin/providers', { token: admin, body: { action: 'add', provider: 'openai', purpose: 'image', alias: 'QA key', apiKey: secret } });
      expect(add.status, JSON.stringify(add.body)).to.equal(200);
      const list = await s.call('GET', '/api/admin/providers', { token: admin });
      for (const r of [add, list]) expect(JSON.stringify(r.body)).to.not.include(secret);
      const key = list.body.keys.find((k: any) => k.alias === 'QA key');
      expect(key.lastFour).to.equal('1234');
      const audit = await s.call('GET', '/api/admin/audit-log?limit=100', { token: admin });
      expect(JSON.stringify(audit.body)).to.not.include(secret);
    });

    it('referrals: GET me {code, shareLink, counts}; claim an unknown code is 4xx problem', async () => {
      const me = await s.call('GET', '/api/referrals/me', { token: alice });
      expectOk(me, 200);
      expectTypes(me.body, { code: 'string', shareLink: 'string', signups: 'number' });
      const claim = await s.call('POST', '/api/referrals/claim', { token: s.token('newbie'), body: { code: 'NOPE0000' } });
      expectProblem(claim, claim.status);
      expect(claim.status).to.be.within(400, 409);
      expectProblem(await s.call('POST', '/api/referrals/claim', { token: s.token('newbie2'), body: {} }), 400, 'validation_error');
    });

    it('referrals: ref claim on the first token pays the referee 5, the first generation pays the referrer 10', async () => {
      const A = { 'X-Forwarded-For': '203.0.113.1', 'X-Device-Id': 'dev-referrer' };
      const B = { 'X-Forwarded-For': '198.51.100.7', 'X-Device-Id': 'dev-referee' };
      const referrer = s.token('referrer');
      const code = (await s.call('GET', '/api/referrals/me', { token: referrer, headers: A })).body.code;
      const referee = s.token('referee', { ref: code });
      expect((await s.call('GET', '/api/credits/balance', { token: referee, headers: B })).body.credits).to.equal(5);
      const g = await s.call('POST', '/api/studio/generate', { token: referee, headers: B, body: { prompt: 'my first poster', tier: 'standard' } });
      expectOk(g, 202);
      let earned = 0;
      for (let i = 0; i < 40 && earned < 10; i++) {
        earned = (await s.call('GET', '/api/credits/balance', { token: referrer, headers: A })).body.credits;
        if (earned < 10) await new Promise((r) => setTimeout(r, 50));
      }
      expect(earned).to.equal(10);
      const self = await s.call('POST', '/api/referrals/claim', { token: referrer, headers: A, body: { code } });
      expectProblem(self, self.status);
    });
});
