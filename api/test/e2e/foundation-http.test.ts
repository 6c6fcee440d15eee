import { Writable } from 'node:stream';
import { expect } from 'chai';
import { TEST_JWT_SECRET } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { expectProblem } from '../support/foundation-helpers.js';
import { configureLogger } from '../../src/logger.js';

/** Health, docs, unknown routes, CORS, and the structured request logs (request ids, no secrets). */
describeEachDatabase('foundation HTTP surface and logs', { server: { worker: false } }, function (db) {
    const s = db.server;
    let lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, cb) { lines.push(...String(chunk).split('\n').filter(Boolean)); cb(); } });
    before(async () => {
      configureLogger('debug', sink);
    });
    after(async () => {
      configureLogger('silent');
    });
    const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

    it('/healthz and /readyz answer 200', async () => {
      const h = await s.call('GET', '/healthz');
      expect(h.status).to.equal(200);
      expect(h.body.status).to.equal('ok');
      const r = await s.call('GET', '/readyz');
      expect(r.status).to.equal(200);
      expect(r.body).to.include({ status: 'ready', database: db.name });
    });

    it('/docs serves the Swagger UI and /docs/openapi.json the spec', async () => {
      const ui = await fetch(`${s.baseUrl}/docs/`);
      expect(ui.status).to.equal(200);
      expect(ui.headers.get('content-type')).to.match(/text\/html/);
      expect(await ui.text()).to.match(/swagger-ui/i);
      const spec = await s.call('GET', '/docs/openapi.json');
      expect(spec.status).to.equal(200);
      expect(spec.body.openapi).to.match(/^3\./);
      expect(spec.body.paths).to.have.property('/api/studio/generate');
    });

    it('an unknown route is 404 problem+json, whatever the method', async () => {
      for (const [m, p] of [['GET', '/nope'], ['POST', '/api/nope'], ['DELETE', '/api/studio'], ['PUT', '/api/studio/generate']]) {
        const res = await s.call(m!, p!, { token: s.token('alice') });
        expectProblem(res, 404, 'not_found');
      }
    });

    it('answers CORS preflights for partner origins', async () => {
      const res = await fetch(`${s.baseUrl}/api/studio/generate`, { method: 'OPTIONS', headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' } });
      expect(res.status).to.equal(204);
      expect(res.headers.get('access-control-allow-origin')).to.equal('*');
      expect(res.headers.get('access-control-allow-headers')).to.match(/Idempotency-Key/);
      expect(res.headers.get('access-control-expose-headers')).to.match(/Retry-After/);
    });

    it('echoes a sane X-Request-Id, and makes one when it is absent or unusable', async () => {
      const echoed = await s.call('GET', '/api/credits/balance', { token: s.token('alice'), headers: { 'x-request-id': 'partner-req-42' } });
      expect(echoed.headers.get('x-request-id')).to.equal('partner-req-42');
      const made = await s.call('GET', '/api/credits/balance', { token: s.token('alice') });
      expect(made.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
      for (const bad of ['has spaces', 'x'.repeat(200), '<script>']) {
        const res = await s.call('GET', '/nope', { headers: { 'x-request-id': bad } });
        const id = res.headers.get('x-request-id');
        expect(id).to.match(/^[0-9a-f-]{36}$/);
        expect(res.body.requestId).to.equal(id);
      }
    });

    it('logs one JSON object per line, each line of a request carrying its request id', async () => {
      const cases: [string, string, unknown, number][] = [
        ['POST', '/api/studio/generate', { prompt: 'a logged poster', tier: 'standard' }, 402],
        ['POST', '/api/studio/generate', { prompt: 'a gory massacre', tier: 'standard' }, 422],
        ['POST', '/api/studio/enhance-prompt', { prompt: 'a cat' }, 200],
        ['GET', '/api/credits/balance', undefined, 200],
      ];
      for (const [method, path, body, status] of cases) {
        lines = [];
        const requestId = `log-test-${Math.random().toString(36).slice(2)}`;
        const res = await s.call(method, path, { token: s.token('logger'), body, headers: { 'x-request-id': requestId } });
        expect(res.status).to.equal(status);
        await new Promise((r) => setImmediate(r));
        const entries = parsed();
        expect(entries.length, `${method} ${path} logged nothing`).to.be.greaterThan(0);
        for (const e of entries) {
          expect(e, JSON.stringify(e)).to.include({ requestId, service: 'community-ai-studio' });
          expect(e.level).to.be.a('number');
          expect(e.time).to.be.a('string');
          expect(e.msg).to.be.a('string');
        }
        const access = entries.find((e) => e.msg === 'request');
        expect(access).to.include({ method, path, status });
        expect(access!.ms).to.be.a('number');
        expect(access!.tenantId).to.equal('tnt_default');
        expect(access!.userId).to.match(/^usr_/);
      }
    });

    it('never writes a token or a secret to the logs', async () => {
      lines = [];
      const token = s.token('secretive');
      await s.call('GET', '/api/credits/balance', { token });
      await s.call('GET', '/api/credits/balance', { headers: { authorization: `Bearer ${token}x` } });
      await s.call('GET', '/api/credits/balance', { headers: { authorization: `Basic ${Buffer.from('u:hunter2-password').toString('base64')}` } });
      await s.call('POST', '/api/studio/generate', { token, body: { prompt: 'x', tier: 'standard', apiKey: 'sk-live-should-not-appear' }, headers: { 'Idempotency-Key': 'idem-logs' } });
      await new Promise((r) => setImmediate(r));
      const all = lines.join('\n');
      expect(lines.length).to.be.greaterThan(3);
      for (const secret of [token, token.split('.')[2]!, TEST_JWT_SECRET, 'hunter2', 'sk-live-should-not-appear', 'master-key-for-tests', 'sandbox-secret-for-tests']) {
        expect(all).to.not.include(secret);
      }
    });
});
