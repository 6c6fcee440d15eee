import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { TEST_JWT_SECRET, waitForJob } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import {
  expectList, expectOk, expectProblem, expectTypes, fillPath, generated, isAdminOp, isPublicOp, openApiOps, tamper, tokenCli, type OpenApiOp,
} from '../support/contract.js';

/**
 * Outside QA: spec section 5 and CONTRACT.md walked requirement by requirement, over HTTP only
 * (the harness boots the server; nothing here reads the database or imports product code).
 */
describeEachDatabase('contract conformance', function (db) {
    const s = db.server;
    let ops: OpenApiOp[];
    let alice: string; let bob: string; let carol: string; let admin: string;
    let categoryId: string;
    let aliceImg: { jobId: string; imageId: string };
    let postId: string;
    let kitePost: string;

    before(async () => {
      ({ ops } = await openApiOps(s));
      // The operator's platform API takes its own key, not partner tokens: api/test/e2e/platform-partners.test.ts.
      ops = ops.filter((o) => !o.path.startsWith('/api/platform/'));
      alice = s.token('alice'); bob = s.token('bob'); carol = s.token('carol'); admin = s.token('boss', { role: 'admin' });
      await s.grant('alice', 10);
      await s.grant('bob', 10);
      categoryId = (await s.call('GET', '/api/studio/categories')).body.items[0].id;
      aliceImg = await generated(s, alice);
    });

    describe('platform and identity', () => {
      it('/healthz, /readyz and /docs answer 200 without a token', async () => {
        for (const p of ['/healthz', '/readyz', '/docs/openapi.json']) expect((await s.call('GET', p)).status, p).to.equal(200);
        const docs = await fetch(`${s.baseUrl}/docs/`);
        expect(docs.status).to.equal(200);
      });

      it('echoes a sane X-Request-Id and uses it in problems', async () => {
        const r = await s.call('GET', '/api/credits/balance', { headers: { 'X-Request-Id': 'qa-req-123' } });
        expectProblem(r, 401, 'unauthorized');
        expect(r.body.requestId).to.equal('qa-req-123');
        const unknown = await s.call('GET', '/api/no-such-route', { token: alice });
        expectProblem(unknown, 404, 'not_found');
      });

      it('every non-public operation is 401 unauthorized without a token', async () => {
        const closed = ops.filter((o) => !isPublicOp(o.op));
        expect(closed.length).to.be.greaterThan(40);
        for (const o of closed) expectProblem(await s.call(o.method, fillPath(o.path, 'x1'), { body: o.method === 'GET' || o.method === 'DELETE' ? undefined : {} }), 401, 'unauthorized', `${o.method} ${o.path}`);
      });

      it('bad, expired, unsigned, wrongly signed and sub-less tokens are 401', async () => {
        const bad = [
          'not-a-jwt',
          s.token('alice', {}, { expiresIn: -120 }),
          s.token('alice', {}, { secret: 'another-secret-another-secret-0000' }),
          jwt.sign({ sub: 'alice', exp: Math.floor(Date.now() / 1000) + 600 }, '', { algorithm: 'none' } as jwt.SignOptions),
          jwt.sign({ name: 'no sub' }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: 600 }),
          jwt.sign({ sub: 'alice' }, TEST_JWT_SECRET, { algorithm: 'HS256' }),
        ];
        for (const t of bad) expectProblem(await s.call('GET', '/api/credits/balance', { token: t }), 401, 'unauthorized', t.slice(0, 30));
        expectProblem(await s.call('GET', '/api/credits/balance', { headers: { authorization: 'Basic abc' } }), 401, 'unauthorized');
      });

      it('the feed and the category list are readable anonymously; an unknown X-Partner-Key is 401', async () => {
        for (const p of ['/api/community/feed', '/api/studio/categories', '/api/studio/templates']) {
          const r = await s.call('GET', p);
          expectList(r, p);
          expectList(await s.call('GET', p, { headers: { 'X-Partner-Key': s.config.defaultPartnerKey } }), `${p} with the default key`);
          expectProblem(await s.call('GET', p, { headers: { 'X-Partner-Key': 'pk_nobody' } }), 401, 'unauthorized', p);
        }
        expectProblem(await s.call('GET', '/api/credits/balance', { token: alice, headers: { 'X-Partner-Key': 'pk_nobody' } }), 401, 'unauthorized');
      });

      it('every admin operation is 403 forbidden for a user', async () => {
        const adminOps = ops.filter((o) => isAdminOp(o.op));
        const paths = new Set(adminOps.map((o) => `${o.method} ${o.path}`));
        for (const need of ['GET /api/admin/templates', 'POST /api/admin/templates', 'GET /api/admin/categories', 'POST /api/admin/categories',
          'GET /api/admin/moderation', 'POST /api/admin/moderation', 'GET /api/admin/config', 'POST /api/admin/config', 'GET /api/admin/providers',
          'POST /api/admin/providers', 'GET /api/admin/analytics', 'POST /api/admin/credits/grant', 'GET /api/admin/audit-log']) {
          expect(paths.has(need), need).to.equal(true);
        }
        for (const o of adminOps) expectProblem(await s.call(o.method, fillPath(o.path, 'x1'), { token: bob, body: o.method === 'GET' || o.method === 'DELETE' ? undefined : {} }), 403, 'forbidden', `${o.method} ${o.path}`);
      });

      it('`npm run token` prints a bearer token the server accepts', async () => {
        const out = await tokenCli({ DATA_DIR: s.dataDir, AUTH_JWT_SECRET: TEST_JWT_SECRET });
        const claims = jwt.decode(out) as Record<string, unknown>;
        expect(claims).to.include({ sub: 'cli-user', name: 'Cli User', role: 'admin', ref: 'ABC123' });
        expect(claims.exp).to.be.a('number');
        expectOk(await s.call('GET', '/api/credits/balance', { token: out }), 200, 'cli token');
        expectOk(await s.call('GET', '/api/admin/config', { token: out }), 200, 'cli admin token');
      });

      it('`npm run token` without AUTH_JWT_SECRET signs with the secret generated under DATA_DIR (the embedded default)', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-cli-'));
        try {
          const out = await tokenCli({ DATA_DIR: dir, AUTH_JWT_SECRET: '' });
          const secret = fs.readFileSync(path.join(dir, 'jwt-secret'), 'utf8').trim();
          expect(jwt.verify(out, secret, { algorithms: ['HS256'] })).to.include({ sub: 'cli-user' });
          expect(await tokenCli({ DATA_DIR: dir, AUTH_JWT_SECRET: '' }).then((t) => jwt.verify(t, secret, { algorithms: ['HS256'] }))).to.include({ sub: 'cli-user' });
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    });

    describe('5.1-5.3 studio and my creations', () => {
      it('POST enhance-prompt 200 {enhancedPrompt, suggestions[]}', async () => {
        const r = await s.call('POST', '/api/studio/enhance-prompt', { token: alice, body: { prompt: 'a cat' } });
        expectOk(r, 200);
        expectTypes(r.body, { enhancedPrompt: 'string', suggestions: 'array?' });
        expectProblem(await s.call('POST', '/api/studio/enhance-prompt', { token: alice, body: {} }), 400, 'validation_error');
        expectProblem(await s.call('POST', '/api/studio/enhance-prompt', { token: alice, body: { prompt: 'explicit porn scene' } }), 422, 'content_policy_violation');
      });

      it('POST generate 202 {jobId, creditDebited, imageId}; GET job {status, imageUrl, imageId, thumbnailUrl}', async () => {
        const g = await s.call('POST', '/api/studio/generate', { token: bob, body: { prompt: 'a red kite over hills', tier: 'premium2', watermark: false } });
        expectOk(g, 202);
        expectTypes(g.body, { jobId: 'string', creditDebited: 'number', imageId: 'string' });
        expect(g.body.creditDebited).to.equal(2);
        const first = await s.call('GET', `/api/studio/generate/${g.body.jobId}`, { token: bob });
        expectOk(first, 200);
        expect(first.body.status).to.be.oneOf(['queued', 'running', 'succeeded', 'failed']);
        const done = await waitForJob(s, bob, g.body.jobId);
        expect(done.status).to.equal('succeeded');
        expectTypes(done, { imageUrl: 'string', imageId: 'string', thumbnailUrl: 'string' });
        expect(done.error).to.equal(undefined);
        const png = await fetch(done.imageUrl);
        expect(png.status).to.equal(200);
        expect(png.headers.get('content-type')).to.match(/^image\//);
        expectProblem(await s.call('GET', `/api/studio/generate/${g.body.jobId}`, { token: alice }), 404, 'not_found', "another user's job");
        expectProblem(await s.call('GET', '/api/studio/generate/job_nope', { token: bob }), 404, 'not_found');
      });

      it('generate errors: 400 bad tier, 402 without credits, 422 content policy', async () => {
        expectProblem(await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'x cat', tier: 'ultra' } }), 400, 'validation_error');
        expectProblem(await s.call('POST', '/api/studio/generate', { token: carol, body: { prompt: 'a cat', tier: 'standard' } }), 402, 'insufficient_credits');
        expectProblem(await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'gory beheading', tier: 'standard' } }), 422, 'content_policy_violation');
      });

      it('generate Idempotency-Key: same body replays the same status and body once; another body is 409 idempotency_conflict', async () => {
        const before = (await s.call('GET', '/api/credits/balance', { token: bob })).body.credits;
        const body = { prompt: 'idempotent mountains', tier: 'standard' };
        const headers = { 'Idempotency-Key': 'qa-gen-1' };
        const a = await s.call('POST', '/api/studio/generate', { token: bob, body, headers });
        const b = await s.call('POST', '/api/studio/generate', { token: bob, body, headers });
        expectOk(a, 202); expectOk(b, 202);
        expect(b.body).to.deep.equal(a.body);
        expectProblem(await s.call('POST', '/api/studio/generate', { token: bob, body: { ...body, tier: 'premium2' }, headers }), 409, 'idempotency_conflict');
        expect((await s.call('GET', '/api/credits/balance', { token: bob })).body.credits).to.equal(before - 1);
        await waitForJob(s, bob, a.body.jobId);
        const burst = await Promise.all(Array.from({ length: 6 }, () => s.call('POST', '/api/studio/generate', { token: bob, body, headers: { 'Idempotency-Key': 'qa-gen-burst' } })));
        for (const r of burst) { expectOk(r, 202, 'concurrent twin'); expect(r.body).to.deep.equal(burst[0]!.body); }
        expect((await s.call('GET', '/api/credits/balance', { token: bob })).body.credits, 'six concurrent twins debit once').to.equal(before - 2);
        await waitForJob(s, bob, burst[0]!.body.jobId);
      });

      it('my-creations: {items, nextCursor?} with opaque cursors, limit 1..100, tampered cursor 400, 404 for others, DELETE 204 empty', async () => {
        const extra = await generated(s, alice, 'a second painting of a fox');
        const page1 = await s.call('GET', '/api/studio/my-creations?limit=1', { token: alice });
        expectList(page1);
        expect(page1.body.items).to.have.length(1);
        expectTypes(page1.body.items[0], { id: 'string', imageId: 'string', status: 'string', prompt: 'string', imageUrl: 'string', thumbnailUrl: 'string', createdAt: 'string' });
        expect(page1.body.nextCursor).to.be.a('string');
        const page2 = await s.call('GET', `/api/studio/my-creations?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`, { token: alice });
        expectList(page2);
        expect(page2.body.items[0].imageId).to.not.equal(page1.body.items[0].imageId);
        expectProblem(await s.call('GET', `/api/studio/my-creations?cursor=${encodeURIComponent(tamper(page1.body.nextCursor))}`, { token: alice }), 400, 'validation_error');
        expectProblem(await s.call('GET', '/api/studio/my-creations?cursor=garbage', { token: alice }), 400, 'validation_error');
        expectList(await s.call('GET', '/api/studio/my-creations?limit=100', { token: alice }));
        for (const l of ['101', '0', '-1', 'abc', '1.5']) expectProblem(await s.call('GET', `/api/studio/my-creations?limit=${l}`, { token: alice }), 400, 'validation_error', `limit=${l}`);
        expectOk(await s.call('GET', `/api/studio/my-creations/${extra.imageId}`, { token: alice }), 200);
        expectProblem(await s.call('GET', `/api/studio/my-creations/${extra.imageId}`, { token: bob }), 404, 'not_found');
        expectProblem(await s.call('DELETE', `/api/studio/my-creations/${extra.imageId}`, { token: bob }), 404, 'not_found');
        const del = await s.call('DELETE', `/api/studio/my-creations/${extra.imageId}`, { token: alice });
        expect(del.status).to.equal(204);
        expect(del.body).to.equal(undefined);
        expectProblem(await s.call('DELETE', `/api/studio/my-creations/${extra.imageId}`, { token: alice }), 404, 'not_found');
      });

      it('every paged list: limit 100 ok, limit 101/0/abc 400, a foreign cursor 400', async () => {
        const lists = ops.filter((o) => o.method === 'GET' && (o.op.parameters ?? []).some((p: any) => p.name === 'limit') && !o.path.includes('{'));
        expect(lists.length).to.be.greaterThan(8);
        for (const o of lists) {
          const token = isAdminOp(o.op) ? admin : alice;
          const what = `${o.method} ${o.path}`;
          expectList(await s.call('GET', `${o.path}?limit=100`, { token }), `${what} limit=100`);
          for (const l of ['101', '0', 'abc']) expectProblem(await s.call('GET', `${o.path}?limit=${l}`, { token }), 400, 'validation_error', `${what} limit=${l}`);
          expectProblem(await s.call('GET', `${o.path}?cursor=eyJ4IjoxfQ.AAAAAAAAAAAAAAAA`, { token }), 400, 'validation_error', `${what} forged cursor`);
        }
      });

      it('lists default to 20 items', async () => {
        for (let i = 0; i < 21; i++) await s.call('POST', '/api/admin/credits/grant', { token: admin, body: { userId: 'dave', credits: 0.5, note: 'qa' } });
        const r = await s.call('GET', '/api/credits/history', { token: s.token('dave') });
        expectList(r);
        expect(r.body.items).to.have.length(20);
        expect(r.body.nextCursor).to.be.a('string');
        const rest = await s.call('GET', `/api/credits/history?cursor=${encodeURIComponent(r.body.nextCursor)}`, { token: s.token('dave') });
        expect(rest.body.items).to.have.length(1);
        expect(rest.body.nextCursor).to.equal(undefined);
      });
    });

    describe('5.4-5.5 community, remix and rewards', () => {
      it('publish 201 {postId}; errors 400/404/409', async () => {
        const body = { imageId: aliceImg.imageId, title: 'Lighthouse', categoryId, tags: ['sea'], visibility: 'public' };
        expectProblem(await s.call('POST', '/api/community/publish', { token: bob, body }), 404, 'not_found', "another user's image");
        expectProblem(await s.call('POST', '/api/community/publish', { token: alice, body: { ...body, visibility: 'friends' } }), 400, 'validation_error');
        const r = await s.call('POST', '/api/community/publish', { token: alice, body });
        expectOk(r, 201);
        expectTypes(r.body, { postId: 'string' });
        postId = r.body.postId;
        expectProblem(await s.call('POST', '/api/community/publish', { token: alice, body }), 409, 'conflict');
      });

      it('feed: anonymous and signed in, sort/category filters, card fields, limit 100 ok and 101 400, tampered cursor 400', async () => {
        for (const q of ['', '?sort=latest', '?sort=trending', `?categoryId=${categoryId}`, `?sort=latest&categoryId=${categoryId}`]) {
          for (const token of [undefined, bob]) {
            const r = await s.call('GET', `/api/community/feed${q}`, { token });
            expectList(r, q);
            const card = r.body.items.find((c: any) => c.postId === postId);
            expect(card, q).to.be.an('object');
            expectTypes(card, { postId: 'string', id: 'string', title: 'string', thumbnailUrl: 'string', imageUrl: 'string', author: 'object', likes: 'number', reuseCount: 'number' }, q);
          }
        }
        expectProblem(await s.call('GET', '/api/community/feed?sort=hot'), 400, 'validation_error');
        expectList(await s.call('GET', '/api/community/feed?limit=100', { token: bob }), 'limit=100');
        expectProblem(await s.call('GET', '/api/community/feed?limit=101', { token: bob }), 400, 'validation_error');
        await generated(s, bob, 'a second public post');
        const mine = (await s.call('GET', '/api/studio/my-creations?limit=1', { token: bob })).body.items[0];
        const kite = await s.call('POST', '/api/community/publish', { token: bob, body: { imageId: mine.imageId, title: 'Kite', categoryId, visibility: 'public' } });
        expectOk(kite, 201);
        kitePost = kite.body.postId;
        const p1 = await s.call('GET', '/api/community/feed?sort=latest&limit=1');
        expect(p1.body.nextCursor).to.be.a('string');
        expectProblem(await s.call('GET', `/api/community/feed?sort=latest&limit=1&cursor=${encodeURIComponent(tamper(p1.body.nextCursor))}`), 400, 'validation_error');
      });

      it('like toggles 200 {liked, likes}; report 202; 404 for unknown posts', async () => {
        const on = await s.call('POST', `/api/community/${postId}/like`, { token: bob });
        expectOk(on, 200);
        expect(on.body).to.include({ liked: true, likes: 1 });
        const off = await s.call('POST', `/api/community/${postId}/like`, { token: bob });
        expect(off.body).to.include({ liked: false, likes: 0 });
        expectProblem(await s.call('POST', '/api/community/post_nope/like', { token: bob }), 404, 'not_found');
        const rep = await s.call('POST', `/api/community/${postId}/report`, { token: bob, body: { reason: 'spam' } });
        expect(rep.status, JSON.stringify(rep.body)).to.equal(202);
        const words = await s.call('POST', `/api/community/${postId}/report`, { token: carol, body: { reason: 'This looks offensive to me' } });
        expect(words.status, 'spec 5.4: reason is any string').to.equal(202);
        expectProblem(await s.call('POST', `/api/community/${postId}/report`, { token: bob, body: {} }), 400, 'validation_error');
        expectProblem(await s.call('POST', '/api/community/post_nope/report', { token: bob, body: { reason: 'spam' } }), 404, 'not_found');
      });

      it('remix open 200 {templatePrompt, enhancedPrompt, sourcePostId}; record 200 {rewarded, rewardCredits 0.5, creatorTotalForAsset}', async () => {
        const open = await s.call('POST', `/api/community/${postId}/remix/open`, { token: bob });
        expectOk(open, 200);
        expectTypes(open.body, { templatePrompt: 'string', enhancedPrompt: 'string', sourcePostId: 'string' });
        expect(open.body.sourcePostId).to.equal(postId);
        const before = (await s.call('GET', '/api/credits/balance', { token: alice })).body.credits;
        const img = await generated(s, bob, open.body.enhancedPrompt);
        const rec = await s.call('POST', `/api/community/${postId}/remix/record`, { token: bob, body: { generatedImageId: img.imageId } });
        expectOk(rec, 200);
        expectTypes(rec.body, { rewarded: 'boolean', rewardCredits: 'number?', creatorTotalForAsset: 'number?' });
        expect(rec.body).to.include({ rewarded: true, rewardCredits: 0.5, creatorTotalForAsset: 0.5 });
        const after = (await s.call('GET', '/api/credits/balance', { token: alice })).body.credits;
        expect(after).to.equal(before + 0.5);
        const again = await s.call('POST', `/api/community/${postId}/remix/record`, { token: bob, body: { generatedImageId: img.imageId } });
        expectOk(again, 200);
        expect(again.body, 'a repeat is answered as recorded').to.deep.equal(rec.body);
        const second = await generated(s, bob, 'another remix of the lighthouse');
        const twice = await s.call('POST', `/api/community/${postId}/remix/record`, { token: bob, body: { generatedImageId: second.imageId } });
        expectOk(twice, 200);
        expect(twice.body.rewarded, 'one reward per remixer and post').to.equal(false);
        expect((await s.call('GET', '/api/credits/balance', { token: alice })).body.credits).to.equal(before + 0.5);
        expectProblem(await s.call('POST', `/api/community/${postId}/remix/record`, { token: bob, body: {} }), 400, 'validation_error');
        expectProblem(await s.call('POST', '/api/community/post_nope/remix/open', { token: bob }), 404, 'not_found');
        expectProblem(await s.call('POST', `/api/community/${postId}/remix/record`, { token: bob, body: { generatedImageId: aliceImg.imageId } }), 404, 'not_found', "another user's image");
      });

      it('trending follows likes and reuses at once; latest is newest first', async () => {
        const order = async (sort: string) => (await s.call('GET', `/api/community/feed?sort=${sort}`)).body.items.map((c: any) => c.postId);
        expect(await order('latest')).to.deep.equal([kitePost, postId]);
        expect(await order('trending'), 'the remixed post leads').to.deep.equal([postId, kitePost]);
        for (const u of ['fan1', 'fan2', 'fan3', 'fan4', 'fan5', 'fan6', 'fan7']) expect((await s.call('POST', `/api/community/${kitePost}/like`, { token: s.token(u) })).body.liked).to.equal(true);
        expect(await order('trending'), 'seven likes outweigh two remixes (log2(1 + likes + 3 reuses))').to.deep.equal([kitePost, postId]);
      });

      it('likes are rate limited: 429 rate_limited with Retry-After', async () => {
        const spammer = s.token('spammer');
        let last;
        for (let i = 0; i < 80; i++) {
          last = await s.call('POST', `/api/community/${postId}/like`, { token: spammer });
          if (last.status === 429) break;
        }
        expectProblem(last!, 429, 'rate_limited');
        expect(Number(last!.headers.get('retry-after'))).to.be.greaterThan(0);
      });
    });

    describe('5.6 credits and wallet', () => {
      const hmac = (orderId: string, paymentId: string) => crypto.createHmac('sha256', s.config.paymentsSandboxSecret).update(`${orderId}|${paymentId}`).digest('hex');

      it('balance 200 {credits, monthlyUsed, monthlyRemaining} as numbers', async () => {
        const r = await s.call('GET', '/api/credits/balance', { token: alice });
        expectOk(r, 200);
        expectTypes(r.body, { credits: 'number', monthlyUsed: 'number', monthlyRemaining: 'number' });
        expect(r.body.credits % 1).to.equal(0.5);
        expect(r.body.monthlyRemaining).to.equal(r.body.credits);
      });

      it('purchase 201 -> sandbox pay -> verify 200 {creditsAdded}, HMAC scheme, once only', async () => {
        const carolBefore = (await s.call('GET', '/api/credits/balance', { token: carol })).body.credits;
        const order = await s.call('POST', '/api/credits/purchase', { token: carol, body: { packId: 'pack_10' } });
        expectOk(order, 201);
        expectTypes(order.body, { orderId: 'string', gateway: 'string', amount: 'number', currency: 'string', credits: 'number' });
        expect(order.body).to.include({ gateway: 'sandbox', currency: 'INR', credits: 10 });
        const byQty = await s.call('POST', '/api/credits/purchase', { token: carol, body: { quantity: 3 } });
        expectOk(byQty, 201);
        expect(byQty.body.credits).to.equal(3);
        for (const body of [{}, { packId: 'pack_10', quantity: 3 }, { packId: 'pack_nope' }, { quantity: 0 }, { quantity: 1.5 }]) {
          expectProblem(await s.call('POST', '/api/credits/purchase', { token: carol, body }), 400, 'validation_error', JSON.stringify(body));
        }
        const pay = await s.call('POST', '/api/credits/sandbox/pay', { token: carol, body: { orderId: order.body.orderId } });
        expectOk(pay, 200);
        expectTypes(pay.body, { orderId: 'string', paymentId: 'string', signature: 'string' });
        expect(pay.body.signature).to.equal(hmac(pay.body.orderId, pay.body.paymentId));
        expectProblem(await s.call('POST', '/api/credits/sandbox/pay', { token: bob, body: { orderId: order.body.orderId } }), 404, 'not_found');
        const badSig = await s.call('POST', '/api/credits/purchase/verify', { token: carol, body: { ...pay.body, signature: 'ab'.repeat(32) } });
        expectProblem(badSig, 400, 'payment_verification_failed');
        expectProblem(await s.call('POST', '/api/credits/purchase/verify', { token: bob, body: pay.body }), 404, 'not_found');
        const ok = await s.call('POST', '/api/credits/purchase/verify', { token: carol, body: pay.body });
        expectOk(ok, 200);
        expectTypes(ok.body, { creditsAdded: 'number' });
        expect(ok.body.creditsAdded).to.equal(10);
        const again = await s.call('POST', '/api/credits/purchase/verify', { token: carol, body: pay.body });
        expect(again.status).to.equal(200);
        expect((await s.call('GET', '/api/credits/balance', { token: carol })).body.credits).to.equal(carolBefore + 10);
        expectList(await s.call('GET', '/api/credits/orders', { token: carol }));
        expectOk(await s.call('GET', `/api/credits/orders/${order.body.orderId}`, { token: carol }), 200);
        expectProblem(await s.call('GET', `/api/credits/orders/${order.body.orderId}`, { token: bob }), 404, 'not_found');
        await s.ledgerOk();
      });

      it('purchase and verify honour Idempotency-Key (same -> identical, other body -> 409)', async () => {
        const h = { 'Idempotency-Key': 'qa-buy-1' };
        const a = await s.call('POST', '/api/credits/purchase', { token: carol, body: { packId: 'pack_50' }, headers: h });
        const b = await s.call('POST', '/api/credits/purchase', { token: carol, body: { packId: 'pack_50' }, headers: h });
        expectOk(a, 201); expectOk(b, 201);
        expect(b.body).to.deep.equal(a.body);
        expectProblem(await s.call('POST', '/api/credits/purchase', { token: carol, body: { packId: 'pack_100' }, headers: h }), 409, 'idempotency_conflict');
        const pay = (await s.call('POST', '/api/credits/sandbox/pay', { token: carol, body: { orderId: a.body.orderId } })).body;
        const before = (await s.call('GET', '/api/credits/balance', { token: carol })).body.credits;
        const vh = { 'Idempotency-Key': 'qa-verify-1' };
        const v1 = await s.call('POST', '/api/credits/purchase/verify', { token: carol, body: pay, headers: vh });
        const v2 = await s.call('POST', '/api/credits/purchase/verify', { token: carol, body: pay, headers: vh });
        expectOk(v1, 200); expectOk(v2, 200);
        expect(v2.body).to.deep.equal(v1.body);
        expect(v1.body.creditsAdded).to.equal(50);
        expectProblem(await s.call('POST', '/api/credits/purchase/verify', { token: carol, body: { ...pay, signature: 'cd'.repeat(32) }, headers: vh }), 409, 'idempotency_conflict');
        expect((await s.call('GET', '/api/credits/balance', { token: carol })).body.credits).to.equal(before + 50);
      });
    });

    describe('5.7 admin and CONTRACT admin routes', () => {
      it('GET lists/views and POST actions answer with the documented statuses', async () => {
        for (const p of ['/api/admin/templates', '/api/admin/categories', '/api/admin/moderation', '/api/admin/audit-log']) expectList(await s.call('GET', p, { token: admin }), p);
        for (const p of ['/api/admin/config', '/api/admin/providers', '/api/admin/analytics']) expectOk(await s.call('GET', p, { token: admin }), 200, p);
        const analytics = (await s.call('GET', '/api/admin/analytics', { token: admin })).body;
        expectTypes(analytics, { usage: 'object', margin: 'object', rewards: 'object' }, 'spec 5.7: usage, margin, rewards distribution');
        expect(analytics.rewards.distribution).to.be.an('array');
        const cat = await s.call('POST', '/api/admin/categories', { token: admin, body: { name: 'QA Posters' } });
        expectOk(cat, 201);
        expect(cat.body.id).to.be.a('string');
        const tpl = await s.call('POST', '/api/admin/templates', { token: admin, body: { title: 'QA tpl', categoryId: cat.body.id, promptText: 'a bold poster of {subject}' } });
        expectOk(tpl, 201);
        expect(tpl.body.id).to.be.a('string');
        const cfg = await s.call('POST', '/api/admin/config', { token: admin, body: { config: { rewards: { reuseReward: 0.5 } }, note: 'qa' } });
        expect(cfg.status, JSON.stringify(cfg.body)).to.be.oneOf([200, 201]);
        const sel = await s.call('POST', '/api/admin/providers', { token: admin, body: { action: 'select', image: { active: 'local', fallback: null } } });
        expect(sel.status, JSON.stringify(sel.body)).to.equal(200);
        const mod = await s.call('POST', '/api/admin/moderation', { token: admin, body: { postId, action: 'dismiss', note: 'fine' } });
        expect(mod.status, JSON.stringify(mod.body)).to.equal(200);
        expectProblem(await s.call('POST', '/api/admin/moderation', { token: admin, body: { postId: 'post_nope', action: 'hide', note: 'x' } }), 404, 'not_found');
      });

      it('POST /api/admin/credits/grant {userId, credits, note} adds credits (0.5 is a number) and is audited', async () => {
        const before = (await s.call('GET', '/api/credits/balance', { token: carol })).body.credits;
        expectOk(await s.call('POST', '/api/admin/credits/grant', { token: admin, body: { userId: 'carol', credits: 0.5, note: 'qa bonus' } }), 200);
        expect((await s.call('GET', '/api/credits/balance', { token: carol })).body.credits).to.equal(before + 0.5);
        // A partner may credit a user before their first visit (documented): the user is provisioned.
        expectOk(await s.call('POST', '/api/admin/credits/grant', { token: admin, body: { userId: 'not-yet-seen', credits: 1, note: 'x' } }), 200);
        expect((await s.call('GET', '/api/credits/balance', { token: s.token('not-yet-seen') })).body.credits).to.equal(1);
        expectProblem(await s.call('POST', '/api/admin/credits/grant', { token: admin, body: { userId: 'carol', credits: -1000, note: 'x' } }), 402, 'insufficient_credits');
        expectProblem(await s.call('POST', '/api/admin/credits/grant', { token: admin, body: { userId: 'carol', credits: 'lots', note: 'x' } }), 400, 'validation_error');
        const log = await s.call('GET', '/api/admin/audit-log?limit=100', { token: admin });
        expectList(log);
        expect(log.body.items.length).to.be.greaterThan(0);
        expectProblem(await s.call('GET', '/api/admin/audit-log?limit=101', { token: admin }), 400, 'validation_error');
        await s.ledgerOk();
      });
    });
});
