import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import nock from 'nock';
import { startServer, type TestServer } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { createTenant } from '../../src/tenants/tenants.js';
import { createDatabase } from '../../src/db.js';
import { rotateMasterKey } from '../../src/admin/rotate-master.js';
import { setDnsLookup } from '../../src/admin/ssrf.js';

const run = promisify(execFile);
const OLD = 'old-master-key-for-rotation-0123456789';
const MID = 'middle-master-key-for-rotation-987654';
const NEW = 'new-master-key-for-rotation-abcdefghij';
const OTHER_SECRET = 'other-partner-secret-0123456789abcdef';
const API_KEY = 'sk-live-ROTATIONtestKEY-0123456789abcdLAST';

describeEachDatabase('master key rotation', { timeout: 90000, server: false }, function (db) {
    let url: string;
    let s: TestServer | undefined;
    before(async () => {
      url = db.url;
      setDnsLookup(async () => [{ address: '104.18.6.192', family: 4 }]);
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
    });
    after(async () => {
      await s?.close();
      setDnsLookup(undefined);
      nock.cleanAll();
      nock.enableNetConnect();
    });

    const boot = async (master: string) => {
      await s?.close();
      s = await startServer({ dbUrl: url, env: { MASTER_KEY: master } });
      return s;
    };
    const otherAdmin = () => s!.token('other-boss', { role: 'admin' }, { secret: OTHER_SECRET });
    const probe = async (id: string) => {
      const seen = nock('https://api.openai.com').get('/v1/models').matchHeader('authorization', `Bearer ${API_KEY}`).reply(200, { data: [] });
      const r = await s!.call('POST', '/api/admin/providers/test', { token: otherAdmin(), headers: { 'x-partner-key': 'pk_other' }, body: { id } });
      expect(r.status).to.equal(200);
      expect(r.body.ok, JSON.stringify(r.body)).to.equal(true);
      expect(seen.isDone()).to.equal(true);
    };

    it('re-wraps every sealed secret so nothing is lost, and refuses a wrong old key without changing anything', async () => {
      await boot(OLD);
      await createTenant({ id: 'tnt_other', slug: 'other', name: 'Other partner', publishableKey: 'pk_other', secret: OTHER_SECRET });
      const add = await s!.call('POST', '/api/admin/providers', { token: otherAdmin(), headers: { 'x-partner-key': 'pk_other' },
        body: { action: 'add', provider: 'openai', purpose: 'image', alias: 'k', apiKey: API_KEY } });
      expect(add.status).to.equal(200);
      const id = add.body.keyId as string;
      await probe(id);
      await s!.close();
      s = undefined;

      const db = createDatabase(url);
      try {
        let refused: Error | undefined;
        try { await rotateMasterKey(db, 'not-the-old-master-key', MID); } catch (err) { refused = err as Error; }
        expect(refused?.message).to.match(/nothing was changed/);
        const res = await rotateMasterKey(db, OLD, MID);
        expect(res.rewrapped).to.deep.equal({ tenants: 2, admin_provider_keys: 1, webhook_endpoints: 0, partner_payment_accounts: 0 });
      } finally {
        await db.close();
      }

      // With the new key the other partner's tokens verify and its provider key opens.
      await boot(MID);
      const me = await s!.call('GET', '/api/admin/providers', { token: otherAdmin(), headers: { 'x-partner-key': 'pk_other' } });
      expect(me.status).to.equal(200);
      expect(me.body.keys[0]).to.include({ id, lastFour: 'LAST' });
      await probe(id);
    });

    it('runs as npm run keys:rotate-master with NEW_MASTER_KEY', async () => {
      const id = (await s!.call('GET', '/api/admin/providers', { token: otherAdmin(), headers: { 'x-partner-key': 'pk_other' } })).body.keys[0].id;
      await s!.close();
      s = undefined;
      const { stdout } = await run('npx', ['tsx', 'api/src/cli/rotate-master-key.ts'], {
        env: { ...process.env, DATABASE_URL: url, MASTER_KEY: MID, NEW_MASTER_KEY: NEW, AUTH_JWT_SECRET: 'test-secret-for-the-default-partner-0123456789', PAYMENTS_SANDBOX_SECRET: 'sandbox-secret-for-tests-0123456789', NODE_ENV: 'test' },
      });
      expect(stdout).to.match(/re-wrapped: tenants 2, admin_provider_keys 1/);
      await boot(NEW);
      await probe(id);
    });
});
