import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { databases, startServer, type TestServer } from '../support/harness.js';

const PLATFORM_KEY = 'platform-key-for-tests-0123456789abcdef';
const SECRET = 'cors-partner-shared-secret-0123456789abcdef';

for (const dbDef of databases()) {
  describe(`CORS per partner (${dbDef.name})`, function () {
    this.timeout(60000);
    let s: TestServer;
    let drop: () => Promise<void>;
    let partner: { id: string; publishableKey: string };
    const platform = (method: string, path: string, body?: unknown) =>
      s.call(method, `/api/platform/partners${path}`, { body, headers: { authorization: `Bearer ${PLATFORM_KEY}` } });
    const preflight = (origin: string, path = '/api/credits/balance') =>
      fetch(`${s.baseUrl}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    const tok = () => jwt.sign({ sub: 'cora' }, SECRET, { algorithm: 'HS256', expiresIn: '10m' });
    const asPartner = (origin?: string) =>
      s.call('GET', '/api/credits/balance', { token: tok(), headers: { 'x-partner-key': partner.publishableKey, ...(origin ? { origin } : {}) } });

    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      s = await startServer({ dbUrl: db.url, worker: false, env: { PLATFORM_API_KEY: PLATFORM_KEY } });
      const r = await platform('POST', '', { name: 'Cors Partner', auth: { algorithm: 'HS256', secret: SECRET }, allowedOrigins: ['https://cors.example', 'http://localhost:5173'] });
      expect(r.status, JSON.stringify(r.body)).to.equal(201);
      partner = r.body;
    });
    after(async () => { await s?.close(); await drop?.(); });

    it('an actual request from an origin its partner did not list is 403 origin_not_allowed', async () => {
      const r = await asPartner('https://evil.example');
      expect(r.status).to.equal(403);
      expect(r.headers.get('content-type')).to.match(/problem\+json/);
      expect(r.body.code).to.equal('origin_not_allowed');
      // Readable by the page, so the SDK can show the code rather than a network error.
      expect(r.headers.get('access-control-allow-origin')).to.equal('*');
    });

    it('a listed origin, a call without Origin (a server) and the API\'s own origin pass', async () => {
      expect((await asPartner('https://cors.example')).status).to.equal(200);
      expect((await asPartner('http://localhost:5173')).status).to.equal(200);
      expect((await asPartner()).status).to.equal(200);
      expect((await asPartner(new URL(s.baseUrl).origin)).status).to.equal(200);
      // Anonymous reads by publishable key are checked the same way.
      const anon = await s.call('GET', '/api/studio/tiers', { headers: { 'x-partner-key': partner.publishableKey, origin: 'https://evil.example' } });
      expect(anon.status).to.equal(403);
      expect(anon.body.code).to.equal('origin_not_allowed');
    });

    it('the default partner allows any origin outside production', async () => {
      expect((await s.call('GET', '/api/credits/balance', { token: s.token('alice'), headers: { origin: 'https://anything.example' } })).status).to.equal(200);
      expect((await preflight('https://anything.example')).status).to.equal(204);
    });

    it('in production the default partner allows only its listed origins, and a preflight only origins some active partner lists', async () => {
      s.config.env = 'production';
      try {
        expect((await s.call('GET', '/api/credits/balance', { token: s.token('alice'), headers: { origin: 'https://anything.example' } })).body.code).to.equal('origin_not_allowed');
        const refused = await preflight('https://anything.example');
        expect(refused.status).to.equal(403);
        expect(refused.headers.get('access-control-allow-origin')).to.equal(null);
        expect((await refused.json()).code).to.equal('origin_not_allowed');
        const ok = await preflight('https://cors.example');
        expect(ok.status).to.equal(204);
        expect(ok.headers.get('access-control-allow-origin')).to.be.oneOf(['*', 'https://cors.example']);
        expect(ok.headers.get('access-control-allow-headers')).to.match(/Authorization/);
        // A disabled partner's origins open nothing.
        await platform('PATCH', `/${partner.id}`, { status: 'disabled' });
        expect((await preflight('https://cors.example')).status).to.equal(403);
        await platform('PATCH', `/${partner.id}`, { status: 'active' });
        expect((await preflight('https://cors.example')).status).to.equal(204);
        // A new origin works at once after a PATCH.
        expect((await preflight('https://new.example')).status).to.equal(403);
        await platform('PATCH', `/${partner.id}`, { allowedOrigins: ['https://cors.example', 'https://new.example'] });
        expect((await preflight('https://new.example')).status).to.equal(204);
        expect((await asPartner('https://new.example')).status).to.equal(200);
      } finally {
        s.config.env = 'test';
      }
    });

    it('the platform API is never open to browsers', async () => {
      const r = await preflight('https://cors.example', '/api/platform/partners');
      expect(r.status).to.equal(403);
      const get = await platform('GET', '');
      expect(get.status).to.equal(200);
      expect(get.headers.get('access-control-allow-origin')).to.equal(null);
    });
  });
}
