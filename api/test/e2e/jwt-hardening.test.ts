import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { databases, startServer, TEST_JWT_SECRET, type TestServer } from '../support/harness.js';
import { forgetKeySets, jwksFetchCount, setKeySetRefreshInterval } from '../../src/auth/key-set.js';

const PLATFORM_KEY = 'platform-key-for-tests-0123456789abcdef';
const now = () => Math.floor(Date.now() / 1000);
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A partner's JWKS endpoint on loopback: the keys it publishes can change, and it counts its requests. */
async function jwksServer() {
  let keys: object[] = [];
  let hits = 0;
  let down = false;
  const server = http.createServer((_req, res) => {
    hits += 1;
    if (down) {
      res.statusCode = 503;
      res.end('maintenance');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`, host: `127.0.0.1:${port}`,
    publish(list: { kid: string; key: crypto.KeyObject }[]) { keys = list.map(({ kid, key }) => ({ ...key.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' })); },
    hits: () => hits,
    setDown(v: boolean) { down = v; },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

for (const dbDef of databases()) {
  describe(`JWT hardening (${dbDef.name})`, function () {
    this.timeout(60000);
    let s: TestServer;
    let drop: () => Promise<void>;
    let jwks: Awaited<ReturnType<typeof jwksServer>>;
    let partnerKey: string;
    const k1 = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const k2 = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signed = (kid: string, key: crypto.KeyObject, sub = 'jwks-user') => jwt.sign({ sub }, key, { algorithm: 'RS256', keyid: kid, expiresIn: '10m' });
    const balance = (token: string, headers: Record<string, string> = { 'x-partner-key': partnerKey }) => s.call('GET', '/api/credits/balance', { token, headers });

    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      jwks = await jwksServer();
      jwks.publish([{ kid: 'k1', key: k1.publicKey }]);
      // A loopback JWKS passes the SSRF guard only because the operator listed its host (as for provider endpoints).
      s = await startServer({ dbUrl: db.url, worker: false, env: { PLATFORM_API_KEY: PLATFORM_KEY, PROVIDER_ALLOWED_HOSTS: jwks.host } });
      forgetKeySets();
      const r = await s.call('POST', '/api/platform/partners', {
        headers: { authorization: `Bearer ${PLATFORM_KEY}` }, body: { name: 'JWKS Partner', auth: { algorithm: 'RS256', jwksUrl: jwks.url } },
      });
      expect(r.status, JSON.stringify(r.body)).to.equal(201);
      partnerKey = r.body.publishableKey;
    });
    after(async () => {
      setKeySetRefreshInterval();
      await jwks?.close();
      await s?.close();
      await drop?.();
    });

    it('a JWKS partner keeps working while a flood of tokens with random kids arrives', async () => {
      expect((await balance(signed('k1', k1.privateKey))).status).to.equal(200);
      const fetchesBefore = jwks.hits();
      // The reproduction: unsigned tokens with made-up kids, then a correctly signed one (refused for 60 s before).
      for (let i = 0; i < 12; i++) {
        const forged = `${b64({ alg: 'RS256', typ: 'JWT', kid: crypto.randomUUID() })}.${b64({ sub: 'mallory', exp: now() + 600 })}.`;
        expect((await balance(forged)).status).to.equal(401);
      }
      expect((await balance(signed('k1', k1.privateKey))).status).to.equal(200);
      // A concurrent flood of 200 random kids, interleaved with real users: every real token passes, every forged one is 401.
      const stranger = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      const calls: Promise<[boolean, number]>[] = [];
      for (let i = 0; i < 200; i++) {
        calls.push(balance(signed(crypto.randomBytes(8).toString('hex'), stranger, `mallory-${i}`)).then((r) => [false, r.status]));
        if (i % 10 === 0) calls.push(balance(signed('k1', k1.privateKey, `real-${i}`)).then((r) => [true, r.status]));
      }
      for (const [real, status] of await Promise.all(calls)) expect(status).to.equal(real ? 200 : 401);
      // Unknown kids were answered from memory: the partner's JWKS was not asked again within the 30 s refresh window.
      expect(jwks.hits() - fetchesBefore).to.equal(0);
    });

    it('picks up a newly published key at the next refresh, at most one fetch per interval however many kids arrive', async () => {
      setKeySetRefreshInterval(500);
      try {
        jwks.publish([{ kid: 'k1', key: k1.publicKey }, { kid: 'k2', key: k2.publicKey }]);
        const startFetches = jwksFetchCount();
        const started = Date.now();
        let status = 401;
        while (status !== 200 && Date.now() - started < 10000) {
          await Promise.all(Array.from({ length: 20 }, () => balance(signed(crypto.randomUUID(), k2.privateKey))));
          status = (await balance(signed('k2', k2.privateKey))).status;
        }
        expect(status).to.equal(200);
        const elapsed = Date.now() - started;
        expect(jwksFetchCount() - startFetches).to.be.at.most(Math.ceil(elapsed / 500) + 1);
        expect((await balance(signed('k1', k1.privateKey))).status).to.equal(200);
      } finally {
        setKeySetRefreshInterval();
      }
    });

    it('keeps serving cached keys when the JWKS endpoint goes away', async () => {
      setKeySetRefreshInterval(1);
      try {
        jwks.setDown(true);
        const hits = jwks.hits();
        // An unknown kid makes a refresh that fails; the keys fetched before stay in use.
        expect((await balance(signed(crypto.randomUUID(), k1.privateKey))).status).to.equal(401);
        expect(jwks.hits()).to.be.greaterThan(hits);
        expect((await balance(signed('k1', k1.privateKey))).status).to.equal(200);
        expect((await balance(signed('k2', k2.privateKey))).status).to.equal(200);
      } finally {
        jwks.setDown(false);
        setKeySetRefreshInterval();
      }
    });

    describe('token lifetime, iat and crit (401 unauthorized)', () => {
      const sign = (payload: Record<string, unknown>, header: Record<string, unknown> = {}) =>
        jwt.sign({ sub: 'lifetimes', ...payload }, TEST_JWT_SECRET, { algorithm: 'HS256', header: { alg: 'HS256', typ: 'JWT', ...header } });
      const status = async (token: string) => {
        const r = await s.call('GET', '/api/credits/balance', { token });
        if (r.status !== 200) {
          expect(r.body.code).to.equal('unauthorized');
          expect(r.headers.get('content-type')).to.match(/problem\+json/);
        }
        return r.status;
      };

      it('accepts up to the 24 h default lifetime, counted from iat, and refuses one second more', async () => {
        const t = now();
        expect(await status(sign({ iat: t, exp: t + 24 * 3600 }))).to.equal(200);
        expect(await status(sign({ iat: t, exp: t + 24 * 3600 + 1 }))).to.equal(401);
        expect(await status(sign({ iat: t - 3600, exp: t + 23 * 3600 + 5 }))).to.equal(401);
      });

      it('counts from now when the token has no iat', async () => {
        expect(await status(sign({ exp: now() + 3600 }))).to.equal(200);
        expect(await status(sign({ exp: now() + 25 * 3600 }))).to.equal(401);
      });

      it('uses the partner\'s own maximum when it set one', async () => {
        const r = await s.call('PATCH', `/api/platform/partners/tnt_default`, { headers: { authorization: `Bearer ${PLATFORM_KEY}` }, body: { maxTokenLifetimeSeconds: 900 } });
        expect(r.status, JSON.stringify(r.body)).to.equal(200);
        try {
          expect(await status(sign({ iat: now(), exp: now() + 900 }))).to.equal(200);
          expect(await status(sign({ iat: now(), exp: now() + 3600 }))).to.equal(401);
        } finally {
          await s.call('PATCH', `/api/platform/partners/tnt_default`, { headers: { authorization: `Bearer ${PLATFORM_KEY}` }, body: { maxTokenLifetimeSeconds: null } });
        }
        expect(await status(sign({ iat: now(), exp: now() + 3600 }))).to.equal(200);
      });

      it('refuses an iat in the future beyond the 30 s leeway', async () => {
        expect(await status(sign({ iat: now() + 10, exp: now() + 600 }))).to.equal(200);
        expect(await status(sign({ iat: now() + 120, exp: now() + 600 }))).to.equal(401);
        const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'lifetimes', iat: 'yesterday', exp: now() + 600 })}`;
        expect(await status(`${input}.${crypto.createHmac('sha256', TEST_JWT_SECRET).update(input).digest('base64url')}`)).to.equal(401);
      });

      it('refuses a token with a crit header, even correctly signed', async () => {
        expect(await status(sign({ exp: now() + 600 }, { crit: ['exp'] }))).to.equal(401);
        expect(await status(sign({ exp: now() + 600 }, { crit: [] }))).to.equal(401);
        expect(await status(sign({ exp: now() + 600 }))).to.equal(200);
      });
    });
  });
}
