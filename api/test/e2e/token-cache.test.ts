import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { databases, startServer, type TestServer } from '../support/harness.js';
import { createTenant, invalidateTenants } from '../../src/tenants/tenants.js';
import { Tenant } from '../../src/models/index.js';
import { services } from '../../src/context.js';
import { encryptSecret } from '../../src/util/secrets.js';

/**
 * auth/authentication.ts keeps the tokens it verified (token -> claims), so a widget's calls skip the signature check.
 * A kept token must answer exactly as a fresh verification would: not past its exp, not after the partner's secret
 * changed, not for a partner disabled since.
 */
for (const dbDef of databases()) {
  describe(`verified-token cache (${dbDef.name})`, function () {
    this.timeout(60000);
    let s: TestServer;
    let drop: () => Promise<void>;
    const SECRET_1 = 'token-cache-secret-one-0123456789abcdef';
    const SECRET_2 = 'token-cache-secret-two-0123456789abcdef';
    const ISS = 'https://token-cache.example';
    const sign = (secret: string, sub: string, o: jwt.SignOptions = {}) => jwt.sign({ sub }, secret, { algorithm: 'HS256', issuer: ISS, expiresIn: '10m', ...o });
    const balance = (token: string) => s.call('GET', '/api/credits/balance', { token });
    const setSecret = async (secret: string) => {
      await Tenant.update({ jwtSecretEnc: encryptSecret(services().config.masterKey, secret, 'tenant-jwt:tenant-tc'), revision: 2 }, { where: { id: 'tenant-tc' } });
      invalidateTenants();
    };

    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      s = await startServer({ dbUrl: db.url, worker: false });
      await createTenant({ id: 'tenant-tc', slug: 'token-cache', name: 'Token cache partner', publishableKey: 'pk_token_cache', secret: SECRET_1, issuer: ISS });
    });
    after(async () => { await s?.close(); await drop?.(); });

    it('answers a repeated token the same, and refuses it once the partner secret changed', async () => {
      const token = sign(SECRET_1, 'tc-alice');
      for (let i = 0; i < 3; i++) expect((await balance(token)).status).to.equal(200);
      await setSecret(SECRET_2);
      const refused = await balance(token);
      expect(refused.status).to.equal(401);
      expect(refused.body.reason).to.equal('token_invalid');
      expect((await balance(sign(SECRET_2, 'tc-alice'))).status).to.equal(200);
      await setSecret(SECRET_1);
    });

    it('honours exp: a token verified while valid is refused as expired once exp (+ the clock tolerance) has passed', async () => {
      const token = sign(SECRET_1, 'tc-bob', { expiresIn: '5m' });
      expect((await balance(token)).status).to.equal(200);
      const realNow = Date.now;
      Date.now = () => realNow() + 6 * 60 * 1000; // past exp and the 30 s tolerance
      try {
        const expired = await balance(token);
        expect(expired.status).to.equal(401);
        expect(expired.body.reason).to.equal('token_expired');
      } finally {
        Date.now = realNow;
      }
    });

    it('a token verified before its partner was disabled is refused after', async () => {
      const token = sign(SECRET_1, 'tc-carol');
      expect((await balance(token)).status).to.equal(200);
      await Tenant.update({ status: 'disabled', revision: 3 }, { where: { id: 'tenant-tc' } });
      invalidateTenants();
      try {
        expect((await balance(token)).status).to.equal(401);
      } finally {
        await Tenant.update({ status: 'active', revision: 4 }, { where: { id: 'tenant-tc' } });
        invalidateTenants();
      }
    });

    it('a different token for the same user is verified on its own (a forged signature is never a hit)', async () => {
      const good = sign(SECRET_1, 'tc-dave');
      expect((await balance(good)).status).to.equal(200);
      const [h, p] = good.split('.');
      const forged = `${h}.${p}.${Buffer.from('not-the-signature').toString('base64url')}`;
      expect((await balance(forged)).status).to.equal(401);
    });
  });
}
