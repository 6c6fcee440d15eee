import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { countRows, expectProblem, setTenantConfig } from '../support/foundation-helpers.js';
import { encodeCursor } from '../../src/util/cursor.js';

/**
 * Bad input on every endpoint of the foundation: each answer is a clear 4xx application/problem+json with the
 * CONTRACT.md code and the request id, and nothing is written (rows counted before and after).
 * The worker is off so the row counts only move by what the requests themselves do.
 */
type Call = { method: string; path: string; body?: unknown; raw?: string; headers?: Record<string, string>; as?: 'alice' | 'admin' | 'none' };

describeEachDatabase('bad input on the foundation endpoints', { server: { worker: false } }, function (db) {
    const s = db.server;
    let bobJob: { jobId: string; imageId: string };
    let aliceJob: { jobId: string; imageId: string };
    let templateId: string;
    before(async () => {
      // Every caller exists before the counted requests: a first sight of a sub rightly creates its user.
      await s.call('GET', '/api/credits/balance', { token: s.token('root', { role: 'admin' }) });
      await s.grant('alice', 20);
      await s.grant('bob', 5);
      const g = async (sub: string) => (await s.call('POST', '/api/studio/generate', { token: s.token(sub), body: { prompt: `${sub}'s poster`, tier: 'standard' } })).body;
      bobJob = await g('bob');
      aliceJob = await g('alice');
      templateId = (await s.call('GET', '/api/studio/templates', { token: s.token('alice') })).body.items[0].id;
    });

    async function refused(c: Call, status: number, code: string) {
      const before = await countRows();
      const token = c.as === 'none' ? undefined : c.as === 'admin' ? s.token('root', { role: 'admin' }) : s.token('alice');
      const res = await s.call(c.method, c.path, { token, body: c.body, raw: c.raw, headers: c.headers });
      expectProblem(res, status, code);
      expect(res.body.detail).to.be.a('string').and.not.empty;
      expect(await countRows(), `${c.method} ${c.path} wrote rows`).to.deep.equal(before);
      return res;
    }

    const gen = '/api/studio/generate';
    const enh = '/api/studio/enhance-prompt';
    const grant = '/api/admin/credits/grant';
    const long = 'a'.repeat(1001);
    const validation: [string, () => Call][] = [
      ['generate: malformed JSON', () => ({ method: 'POST', path: gen, raw: '{"prompt": "x", tier' })],
      ['generate: JSON string body', () => ({ method: 'POST', path: gen, raw: '"a poster"' })],
      ['generate: JSON array body', () => ({ method: 'POST', path: gen, raw: '[{"prompt":"x","tier":"standard"}]' })],
      ['generate: empty body', () => ({ method: 'POST', path: gen, raw: '' })],
      ['generate: missing prompt', () => ({ method: 'POST', path: gen, body: { tier: 'standard' } })],
      ['generate: missing tier', () => ({ method: 'POST', path: gen, body: { prompt: 'a cat' } })],
      ['generate: prompt is a number', () => ({ method: 'POST', path: gen, body: { prompt: 42, tier: 'standard' } })],
      ['generate: prompt is null', () => ({ method: 'POST', path: gen, body: { prompt: null, tier: 'standard' } })],
      ['generate: prompt is an object', () => ({ method: 'POST', path: gen, body: { prompt: { text: 'x' }, tier: 'standard' } })],
      ['generate: prompt only spaces', () => ({ method: 'POST', path: gen, body: { prompt: '   \n\t ', tier: 'standard' } })],
      ['generate: prompt of 1001 characters', () => ({ method: 'POST', path: gen, body: { prompt: long, tier: 'standard' } })],
      ['generate: unknown tier', () => ({ method: 'POST', path: gen, body: { prompt: 'a cat', tier: 'ultra' } })],
      ['generate: tier with another case', () => ({ method: 'POST', path: gen, body: { prompt: 'a cat', tier: 'Standard' } })],
      ['generate: tier is a number', () => ({ method: 'POST', path: gen, body: { prompt: 'a cat', tier: 1 } })],
      ['generate: prototype key as tier', () => ({ method: 'POST', path: gen, body: { prompt: 'a cat', tier: 'constructor' } })],
      ['generate: watermark is a string', () => ({ method: 'POST', path: gen, body: { prompt: 'a cat', tier: 'standard', watermark: 'no' } })],
      ['generate: unknown template id', () => ({ method: 'POST', path: gen, body: { prompt: 'a cat', tier: 'standard', templateId: 'tpl_nope' } })],
      ['generate: template id is a number', () => ({ method: 'POST', path: gen, body: { prompt: 'a cat', tier: 'standard', templateId: 7 } })],
      ['generate: oversized template id', () => ({ method: 'POST', path: gen, body: { prompt: 'a cat', tier: 'standard', templateId: 'x'.repeat(5000) } })],
      ['generate: Idempotency-Key with spaces', () => ({ method: 'POST', path: gen, body: { prompt: 'a cat', tier: 'standard' }, headers: { 'Idempotency-Key': 'has spaces in it' } })],
      ['generate: Idempotency-Key too long', () => ({ method: 'POST', path: gen, body: { prompt: 'a cat', tier: 'standard' }, headers: { 'Idempotency-Key': 'k'.repeat(300) } })],
      ['enhance: malformed JSON', () => ({ method: 'POST', path: enh, raw: '{prompt:' })],
      ['enhance: missing prompt', () => ({ method: 'POST', path: enh, body: {} })],
      ['enhance: prompt is a boolean', () => ({ method: 'POST', path: enh, body: { prompt: true } })],
      ['enhance: prompt of 1001 characters', () => ({ method: 'POST', path: enh, body: { prompt: long } })],
      ['enhance: empty prompt', () => ({ method: 'POST', path: enh, body: { prompt: '' } })],
      ['enhance: unknown template id', () => ({ method: 'POST', path: enh, body: { prompt: 'a cat', templateId: 'tpl_nope' } })],
      ['enhance: template id is an array', () => ({ method: 'POST', path: enh, body: { prompt: 'a cat', templateId: ['x'] } })],
      ['my-creations: limit 0', () => ({ method: 'GET', path: '/api/studio/my-creations?limit=0' })],
      ['my-creations: limit 101', () => ({ method: 'GET', path: '/api/studio/my-creations?limit=101' })],
      ['my-creations: limit abc', () => ({ method: 'GET', path: '/api/studio/my-creations?limit=abc' })],
      ['my-creations: limit -5', () => ({ method: 'GET', path: '/api/studio/my-creations?limit=-5' })],
      ['my-creations: limit 2.5', () => ({ method: 'GET', path: '/api/studio/my-creations?limit=2.5' })],
      ['my-creations: garbage cursor', () => ({ method: 'GET', path: '/api/studio/my-creations?cursor=garbage' })],
      ['my-creations: tampered cursor', () => {
        const [body, mac] = encodeCursor({ t: Date.now(), id: 'img_x' }).split('.');
        const forged = Buffer.from(JSON.stringify({ t: 0, id: 'img_x' })).toString('base64url');
        return { method: 'GET', path: `/api/studio/my-creations?cursor=${forged}.${mac}&x=${body}` };
      }],
      ['my-creations: cursor with a flipped MAC', () => {
        const c = encodeCursor({ t: Date.now(), id: 'img_x' });
        return { method: 'GET', path: `/api/studio/my-creations?cursor=${encodeURIComponent(c.slice(0, -1) + (c.endsWith('A') ? 'B' : 'A'))}` };
      }],
      ['my-creations: signed cursor of the wrong shape', () => ({ method: 'GET', path: `/api/studio/my-creations?cursor=${encodeCursor({ hello: 1 })}` })],
      ['my-creations: 5000-character cursor', () => ({ method: 'GET', path: `/api/studio/my-creations?cursor=${'a'.repeat(5000)}` })],
      ['grant: malformed JSON', () => ({ method: 'POST', path: grant, raw: '{"userId":', as: 'admin' })],
      ['grant: missing userId', () => ({ method: 'POST', path: grant, body: { credits: 1, note: 'n' }, as: 'admin' })],
      ['grant: credits is a string', () => ({ method: 'POST', path: grant, body: { userId: 'alice', credits: 'ten', note: 'n' }, as: 'admin' })],
      ['grant: credits zero', () => ({ method: 'POST', path: grant, body: { userId: 'alice', credits: 0, note: 'n' }, as: 'admin' })],
      ['grant: credits with 4 decimals', () => ({ method: 'POST', path: grant, body: { userId: 'alice', credits: 1.2345, note: 'n' }, as: 'admin' })],
      ['grant: two million credits', () => ({ method: 'POST', path: grant, body: { userId: 'alice', credits: 2e6, note: 'n' }, as: 'admin' })],
      ['grant: missing note', () => ({ method: 'POST', path: grant, body: { userId: 'alice', credits: 1 }, as: 'admin' })],
      ['grant: blank note', () => ({ method: 'POST', path: grant, body: { userId: 'alice', credits: 1, note: '  ' }, as: 'admin' })],
      ['grant: 501-character note', () => ({ method: 'POST', path: grant, body: { userId: 'alice', credits: 1, note: 'n'.repeat(501) }, as: 'admin' })],
    ];
    for (const [name, make] of validation) it(`400 validation_error — ${name}`, async () => { await refused(make(), 400, 'validation_error'); });

    it('413 for a body over the size limit', async () => {
      await refused({ method: 'POST', path: gen, raw: JSON.stringify({ prompt: 'x'.repeat(300_000), tier: 'standard' }) }, 413, 'payload_too_large');
    });

    const notFound: [string, () => Call][] = [
      ["job of another user", () => ({ method: 'GET', path: `${gen}/${bobJob.jobId}` })],
      ['unknown job', () => ({ method: 'GET', path: `${gen}/job_doesnotexist` })],
      ['job id of 3000 characters', () => ({ method: 'GET', path: `${gen}/${'j'.repeat(3000)}` })],
      ["another user's image", () => ({ method: 'GET', path: `/api/studio/my-creations/${bobJob.imageId}` })],
      ["another user's image, reopened", () => ({ method: 'GET', path: `/api/studio/my-creations/${bobJob.imageId}/reopen` })],
      ["another user's image, deleted", () => ({ method: 'DELETE', path: `/api/studio/my-creations/${bobJob.imageId}` })],
      ['unknown image', () => ({ method: 'GET', path: '/api/studio/my-creations/img_nope' })],
      ['a job id used as an image id', () => ({ method: 'GET', path: `/api/studio/my-creations/${aliceJob.jobId}` })],
      ['unknown route', () => ({ method: 'GET', path: '/api/studio/nothing-here' })],
    ];
    for (const [name, make] of notFound) it(`404 not_found — ${name}`, async () => { await refused(make(), 404, 'not_found'); });

    it("404 not_found — one's own image once deleted (get, reopen, delete again)", async () => {
      const tok = s.token('alice');
      const gen = await s.call('POST', '/api/studio/generate', { token: tok, body: { prompt: 'short-lived poster', tier: 'standard' } });
      const gone = gen.body.imageId as string;
      expect((await s.call('DELETE', `/api/studio/my-creations/${gone}`, { token: tok })).status).to.equal(204);
      await refused({ method: 'DELETE', path: `/api/studio/my-creations/${gone}` }, 404, 'not_found');
      await refused({ method: 'GET', path: `/api/studio/my-creations/${gone}` }, 404, 'not_found');
      await refused({ method: 'GET', path: `/api/studio/my-creations/${gone}/reopen` }, 404, 'not_found');
    });

    it('401 unauthorized — every foundation endpoint without a token', async () => {
      for (const [method, path] of [['POST', enh], ['POST', gen], ['GET', `${gen}/${aliceJob.jobId}`], ['GET', '/api/studio/my-creations'],
        ['GET', `/api/studio/my-creations/${aliceJob.imageId}`], ['DELETE', `/api/studio/my-creations/${aliceJob.imageId}`],
        ['GET', `/api/studio/my-creations/${aliceJob.imageId}/reopen`], ['GET', '/api/credits/balance'], ['POST', grant]] as const) {
        await refused({ method, path, body: method === 'POST' ? { prompt: 'a cat', tier: 'standard' } : undefined, as: 'none' }, 401, 'unauthorized');
      }
    });

    it('402 — a grant that would take a balance below zero moves nothing', async () => {
      const res = await refused({ method: 'POST', path: grant, body: { userId: 'bob', credits: -100, note: 'claw back' }, as: 'admin' }, 402, 'insufficient_credits');
      expect(res.body.balance).to.equal(4);
    });

    it('409 idempotency_conflict — the same key with another body; the same body replays without writing', async () => {
      const key = { 'Idempotency-Key': 'bad-input-key-1' };
      const first = await s.call('POST', gen, { token: s.token('alice'), body: { prompt: 'keyed poster', tier: 'standard' }, headers: key });
      expect(first.status).to.equal(202);
      await refused({ method: 'POST', path: gen, body: { prompt: 'another poster', tier: 'standard' }, headers: key }, 409, 'idempotency_conflict');
      await refused({ method: 'POST', path: gen, body: { prompt: 'keyed poster', tier: 'premium2' }, headers: key }, 409, 'idempotency_conflict');
      const before = await countRows();
      const replay = await s.call('POST', gen, { token: s.token('alice'), body: { tier: 'standard', prompt: 'keyed poster' }, headers: key });
      expect(replay.status).to.equal(202);
      expect(replay.body).to.deep.equal(first.body);
      expect(await countRows()).to.deep.equal(before);
    });

    it('422 content_policy_violation — on generate (nothing charged) and on enhance', async () => {
      const balance = (await s.call('GET', '/api/credits/balance', { token: s.token('alice') })).body.credits;
      const g = await refused({ method: 'POST', path: gen, body: { prompt: 'a gory massacre scene', tier: 'premium4' } }, 422, 'content_policy_violation');
      expect(g.body.terms).to.be.an('array').that.is.not.empty;
      await refused({ method: 'POST', path: gen, body: { prompt: 'p o r n poster', tier: 'standard', templateId } }, 422, 'content_policy_violation');
      await refused({ method: 'POST', path: enh, body: { prompt: 'a nude portrait' } }, 422, 'content_policy_violation');
      expect((await s.call('GET', '/api/credits/balance', { token: s.token('alice') })).body.credits).to.equal(balance);
    });

    it('429 rate_limited with Retry-After — generate (only accepted generations count, also under concurrency)', async () => {
      await setTenantConfig({ limits: { generatePerMinute: 3 } });
      try {
        const tok = s.token('hasty');
        await s.grant('hasty', 2);
        // Two refused for credits (2 credits, premium4 costs 4) do not spend the budget ...
        expect((await s.call('POST', gen, { token: tok, body: { prompt: 'x', tier: 'premium4' } })).status).to.equal(402);
        expect((await s.call('POST', gen, { token: tok, body: { prompt: 'x', tier: 'premium4' } })).status).to.equal(402);
        await s.grant('hasty', 100);
        // ... so 3 of 12 concurrent requests are accepted, and the other 9 get 429.
        const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => s.call('POST', gen, { token: tok, body: { prompt: `burst ${i}`, tier: 'standard' } })));
        expect(burst.filter((r) => r.status === 202)).to.have.length(3);
        for (const r of burst.filter((x) => x.status !== 202)) {
          expectProblem(r, 429, 'rate_limited');
          expect(Number(r.headers.get('retry-after'))).to.be.within(1, 60);
        }
        const last = await s.call('POST', gen, { token: tok, body: { prompt: 'one more', tier: 'standard' } });
        expectProblem(last, 429, 'rate_limited');
        expect(last.headers.get('retry-after')).to.match(/^\d+$/);
        // Another user has their own budget.
        expect((await s.call('POST', gen, { token: s.token('bob'), body: { prompt: 'mine', tier: 'standard' } })).status).to.equal(202);
        await s.ledgerOk();
      } finally {
        await setTenantConfig({ limits: { generatePerMinute: 20 } });
      }
    });

    it('429 rate_limited with Retry-After — enhance-prompt', async () => {
      await setTenantConfig({ limits: { enhancePerMinute: 2 } });
      try {
        const tok = s.token('wordy');
        for (let i = 0; i < 2; i++) expect((await s.call('POST', enh, { token: tok, body: { prompt: 'a cat on a mat' } })).status).to.equal(200);
        const res = await s.call('POST', enh, { token: tok, body: { prompt: 'a cat on a mat' } });
        expectProblem(res, 429, 'rate_limited');
        expect(Number(res.headers.get('retry-after'))).to.be.within(1, 60);
      } finally {
        await setTenantConfig({ limits: { enhancePerMinute: 60 } });
      }
    });
});
