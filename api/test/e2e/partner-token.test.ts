import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { databases, startServer, TEST_JWT_SECRET, type TestServer } from '../support/harness.js';
import { createTenant } from '../../src/tenants/tenants.js';
import { createPartnerBackend } from '../../../examples/partner-backend/server.js';
import { signUserToken, type SignUserTokenOptions } from '../../../sdk/src/server.js';

/** Starts the example partner backend and asks it for a token the way a partner's front end would. */
async function tokenFrom(signing: SignUserTokenOptions, user: string, admin = false): Promise<{ status: number; body: any; headers: Headers }> {
  const backend: http.Server = createPartnerBackend(signing);
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(backend.address() as AddressInfo).port}/studio-token`;
    const res = await fetch(url, { method: 'POST', headers: { 'x-demo-user': user, ...(admin ? { 'x-demo-admin': '1' } : {}) } });
    return { status: res.status, body: await res.json(), headers: res.headers };
  } finally {
    await new Promise((resolve) => backend.close(resolve));
  }
}

for (const dbDef of databases()) {
  describe(`partner token helper: signUserToken and the example partner backend (${dbDef.name})`, function () {
    this.timeout(60000);
    let s: TestServer;
    let drop: () => Promise<void>;
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      s = await startServer({ dbUrl: db.url, worker: false });
      // A partner that gave the Studio only its public key, and pins issuer and audience.
      await createTenant({ id: 'tenant-rs', slug: 'rs-partner', name: 'RS partner', publishableKey: 'pk_rs_partner', algorithm: 'RS256', publicKey: rsa.publicKey, issuer: 'https://partner.example', audience: 'community-ai-studio' });
    });
    after(async () => { await s?.close(); await drop?.(); });

    it('HS256: the backend hands the signed-in user a token the API accepts', async () => {
      const r = await tokenFrom({ secret: TEST_JWT_SECRET }, 'pb-alice');
      expect(r.status).to.equal(200);
      expect(r.headers.get('cache-control')).to.equal('no-store');
      expect(r.body.expiresIn).to.equal(900);
      const claims = jwt.decode(r.body.token) as jwt.JwtPayload;
      expect(claims.exp! - claims.iat!).to.equal(900);
      const me = await s.call('GET', '/api/credits/balance', { token: r.body.token });
      expect(me.status).to.equal(200);
    });

    it('HS256: role admin opens the admin API; a plain user gets 403 there', async () => {
      const admin = await tokenFrom({ secret: TEST_JWT_SECRET }, 'pb-boss', true);
      expect((await s.call('GET', '/api/admin/config', { token: admin.body.token })).status).to.equal(200);
      const user = await tokenFrom({ secret: TEST_JWT_SECRET }, 'pb-bob');
      expect((await s.call('GET', '/api/admin/config', { token: user.body.token })).status).to.equal(403);
    });

    it('RS256 with the private key: accepted by a partner holding only the public key', async () => {
      const r = await tokenFrom({ privateKey: rsa.privateKey, issuer: 'https://partner.example', audience: 'community-ai-studio' }, 'pb-carol');
      expect(r.status).to.equal(200);
      expect(jwt.decode(r.body.token, { complete: true })!.header.alg).to.equal('RS256');
      const res = await s.call('GET', '/api/credits/balance', { token: r.body.token, headers: { 'x-partner-key': 'pk_rs_partner' } });
      expect(res.status).to.equal(200);
    });

    it('RS256 signed with another key, or without the pinned audience, is refused with 401', async () => {
      const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      for (const signing of [
        { privateKey: other, issuer: 'https://partner.example', audience: 'community-ai-studio' },
        { privateKey: rsa.privateKey, issuer: 'https://partner.example' },
      ] as SignUserTokenOptions[]) {
        const token = signUserToken({ sub: 'pb-mallory' }, signing);
        const res = await s.call('GET', '/api/credits/balance', { token, headers: { 'x-partner-key': 'pk_rs_partner' } });
        expect(res.status).to.equal(401);
      }
    });

    it('the backend answers 401 to a visitor who is not signed in, and signs nothing', async () => {
      const backend = createPartnerBackend({ secret: TEST_JWT_SECRET });
      await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
      const res = await fetch(`http://127.0.0.1:${(backend.address() as AddressInfo).port}/studio-token`, { method: 'POST' });
      await new Promise((resolve) => backend.close(resolve));
      expect(res.status).to.equal(401);
    });
  });
}
