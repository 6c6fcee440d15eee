import crypto from 'node:crypto';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { waitForJob, TEST_JWT_SECRET } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { countRows, expectProblem } from '../support/foundation-helpers.js';
import { createTenant } from '../../src/tenants/tenants.js';
import { User, Wallet } from '../../src/models/index.js';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
/** Builds a token by hand, so the header can claim anything and the signature be made with any key. */
function handmade(header: Record<string, unknown>, payload: unknown, sign?: (input: string) => string) {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign ? sign(input) : ''}`;
}
const hmac = (alg: string, secret: string) => (input: string) => crypto.createHmac(alg, secret).update(input).digest('base64url');

const OTHER_SECRET = 'the-other-partner-secret-0123456789abcdef';

describeEachDatabase('identity: partner JWTs, users, roles, partners', function (db) {
    const s = db.server;

    describe('refuses every token it should not trust with 401 unauthorized', () => {
      const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
      const good = { sub: 'mallory', exp: now() + 3600 };
      const cases: [string, () => string | undefined][] = [
        ['alg none', () => `Bearer ${handmade({ alg: 'none', typ: 'JWT' }, good)}`],
        ['alg none with a signature', () => `Bearer ${handmade({ alg: 'none', typ: 'JWT' }, good, hmac('sha256', TEST_JWT_SECRET))}`],
        ['HS384 with the right secret', () => `Bearer ${jwt.sign(good, TEST_JWT_SECRET, { algorithm: 'HS384' })}`],
        ['HS512 with the right secret', () => `Bearer ${jwt.sign(good, TEST_JWT_SECRET, { algorithm: 'HS512' })}`],
        ['RS256 signed with an RSA key', () => `Bearer ${jwt.sign(good, privateKey, { algorithm: 'RS256' })}`],
        ['RS256 header with an HMAC of the HS secret (key confusion)', () => `Bearer ${handmade({ alg: 'RS256', typ: 'JWT' }, good, hmac('sha256', TEST_JWT_SECRET))}`],
        ['HS256 with a wrong key', () => `Bearer ${jwt.sign(good, 'not-the-partner-secret-at-all-0123456789', { algorithm: 'HS256' })}`],
        ['HS256 with a tampered payload', () => {
          const t = jwt.sign(good, TEST_JWT_SECRET, { algorithm: 'HS256' }).split('.');
          return `Bearer ${t[0]}.${b64({ ...good, role: 'admin' })}.${t[2]}`;
        }],
        ['expired', () => `Bearer ${jwt.sign({ sub: 'mallory', exp: now() - 600 }, TEST_JWT_SECRET, { algorithm: 'HS256' })}`],
        ['not yet valid (nbf in an hour)', () => `Bearer ${jwt.sign({ ...good, nbf: now() + 3600 }, TEST_JWT_SECRET, { algorithm: 'HS256' })}`],
        ['without exp', () => `Bearer ${jwt.sign({ sub: 'mallory' }, TEST_JWT_SECRET, { algorithm: 'HS256', noTimestamp: true })}`],
        ['with a string exp', () => `Bearer ${handmade({ alg: 'HS256', typ: 'JWT' }, { sub: 'mallory', exp: String(now() + 3600) }, hmac('sha256', TEST_JWT_SECRET))}`],
        ['without sub', () => `Bearer ${jwt.sign({ name: 'Nobody' }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' })}`],
        ['with an empty sub', () => `Bearer ${jwt.sign({ sub: '  ' }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' })}`],
        ['with a numeric sub', () => `Bearer ${handmade({ alg: 'HS256', typ: 'JWT' }, { sub: 42, exp: now() + 3600 }, hmac('sha256', TEST_JWT_SECRET))}`],
        ['with a 500-character sub', () => `Bearer ${jwt.sign({ sub: 'x'.repeat(500) }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' })}`],
        ['garbage', () => 'Bearer garbage'],
        ['three garbage segments', () => 'Bearer aaa.bbb.ccc'],
        ['a JSON array payload', () => `Bearer ${handmade({ alg: 'HS256' }, [1, 2], hmac('sha256', TEST_JWT_SECRET))}`],
        ['missing Authorization header', () => undefined],
        ['empty bearer', () => 'Bearer '],
        ['Basic credentials', () => `Basic ${Buffer.from('alice:password').toString('base64')}`],
        ['the token without "Bearer"', () => jwt.sign(good, TEST_JWT_SECRET, { algorithm: 'HS256' })],
      ];
      for (const [name, make] of cases) {
        it(name, async () => {
          const before = await countRows(['users', 'wallets']);
          const authorization = make();
          const res = await s.call('GET', '/api/credits/balance', { headers: authorization === undefined ? {} : { authorization } });
          expectProblem(res, 401, 'unauthorized');
          expect(await countRows(['users', 'wallets'])).to.deep.equal(before);
        });
      }

      it('an unknown X-Partner-Key is refused even with a valid default-partner token', async () => {
        const res = await s.call('GET', '/api/credits/balance', { token: s.token('alice'), headers: { 'x-partner-key': 'pk_nobody' } });
        expectProblem(res, 401, 'unauthorized');
      });
    });

    it('creates the user and its empty wallet the first time a sub is seen, once, even when the first calls race', async () => {
      const before = await countRows(['users', 'wallets']);
      const tok = s.token('newcomer', { name: 'New Comer', email: 'new@example.com' });
      const first = await Promise.all(Array.from({ length: 10 }, () => s.call('GET', '/api/credits/balance', { token: tok })));
      for (const r of first) expect(r.status).to.equal(200);
      expect(first[0]!.body.credits).to.equal(0);
      const after = await countRows(['users', 'wallets']);
      expect(after.users).to.equal(before.users + 1);
      expect(after.wallets).to.equal(before.wallets + 1);
      const u = await User.findOne({ where: { tenantId: 'tnt_default', sub: 'newcomer' } });
      expect(u!.name).to.equal('New Comer');
      expect(u!.email).to.equal('new@example.com');
      expect(await Wallet.findByPk(u!.id)).to.not.equal(null);
      await s.call('GET', '/api/credits/balance', { token: tok });
      expect(await countRows(['users', 'wallets'])).to.deep.equal(after);
    });

    it('role admin grants /api/admin/credits/grant; anyone else gets 403 forbidden and nothing moves', async () => {
      await s.call('GET', '/api/credits/balance', { token: s.token('grantee') });
      const admin = s.token('boss', { role: 'admin' });
      const ok = await s.call('POST', '/api/admin/credits/grant', { token: admin, body: { userId: 'grantee', credits: 3.5, note: 'welcome' } });
      expect(ok.status).to.equal(200);
      expect(ok.body).to.include({ userId: 'grantee', credits: 3.5, balance: 3.5 });
      expect(ok.body.grantId).to.be.a('string');
      const before = await countRows();
      for (const role of [undefined, 'user', 'Admin', 'superadmin']) {
        const tok = s.token('sneaky', role ? { role } : {});
        const res = await s.call('POST', '/api/admin/credits/grant', { token: tok, body: { userId: 'sneaky', credits: 100, note: 'me' } });
        expectProblem(res, 403, 'forbidden');
      }
      const after = await countRows();
      // The refused callers were created as users on first sight; no ledger row, audit row or wallet change came of it.
      expect(after.credit_ledger).to.equal(before.credit_ledger);
      expect(after.audit_log).to.equal(before.audit_log);
      const bal = await s.call('GET', '/api/credits/balance', { token: s.token('sneaky') });
      expect(bal.body.credits).to.equal(0);
      await s.ledgerOk();
    });

    describe('another partner', () => {
      let aliceJob: { jobId: string; imageId: string };
      const other = (sub: string, claims: Record<string, unknown> = {}) => s.token(sub, claims, { secret: OTHER_SECRET });
      const asOther = { 'x-partner-key': 'pk_other' };
      before(async () => {
        await createTenant({ id: 'tnt_other', slug: 'other', name: 'Other Partner', publishableKey: 'pk_other', secret: OTHER_SECRET });
        await s.grant('alice', 5);
        const alice = s.token('alice');
        const gen = await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a private poster of alice', tier: 'standard' } });
        expect(gen.status).to.equal(202);
        aliceJob = gen.body;
        expect((await waitForJob(s, alice, aliceJob.jobId)).status).to.equal('succeeded');
      });

      it('signs its users in with its own secret and keeps them apart from the default partner (same sub, other user)', async () => {
        const res = await s.call('GET', '/api/credits/balance', { token: other('alice'), headers: asOther });
        expect(res.status).to.equal(200);
        expect(res.body.credits).to.equal(0);
        const users = await User.findAll({ where: { sub: 'alice' } });
        expect(users.map((u) => u.tenantId).sort()).to.deep.equal(['tnt_default', 'tnt_other']);
      });

      it("never sees the default partner's jobs or images (404)", async () => {
        const tok = other('alice');
        for (const [method, path] of [
          ['GET', `/api/studio/generate/${aliceJob.jobId}`],
          ['GET', `/api/studio/my-creations/${aliceJob.imageId}`],
          ['GET', `/api/studio/my-creations/${aliceJob.imageId}/reopen`],
          ['DELETE', `/api/studio/my-creations/${aliceJob.imageId}`],
        ] as const) {
          expectProblem(await s.call(method, path, { token: tok, headers: asOther }), 404, 'not_found');
        }
        const list = await s.call('GET', '/api/studio/my-creations', { token: tok, headers: asOther });
        expect(list.status).to.equal(200);
        expect(list.body.items).to.deep.equal([]);
        // The image is still there for its owner.
        const mine = await s.call('GET', `/api/studio/my-creations/${aliceJob.imageId}`, { token: s.token('alice') });
        expect(mine.status).to.equal(200);
      });

      it("an admin of the other partner cannot credit the default partner's users", async () => {
        const res = await s.call('POST', '/api/admin/credits/grant', {
          token: other('other-admin', { role: 'admin' }), headers: asOther, body: { userId: 'grantee', credits: 1, note: 'cross-partner' },
        });
        // Either refused (no such user in that partner) or credited to that partner's own user of that sub: never ours.
        if (res.status !== 200) expectProblem(res, 404, 'not_found');
        const bal = await s.call('GET', '/api/credits/balance', { token: s.token('grantee') });
        expect(bal.body.credits).to.equal(3.5);
        const theirs = await User.findOne({ where: { tenantId: 'tnt_other', sub: 'grantee' } });
        if (res.status === 200) expect((await Wallet.findByPk(theirs!.id))!.balance).to.equal(1000);
        await s.ledgerOk();
      });

      it('refuses mixed credentials: its token without its key, or the default token with its key', async () => {
        expectProblem(await s.call('GET', '/api/credits/balance', { token: other('alice') }), 401, 'unauthorized');
        expectProblem(await s.call('GET', '/api/credits/balance', { token: s.token('alice'), headers: asOther }), 401, 'unauthorized');
      });
    });
});
