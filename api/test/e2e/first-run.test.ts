import { expect } from 'chai';
import { waitForJob } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { createTenant } from '../../src/tenants/tenants.js';

const OTHER_SECRET = 'first-run-other-partner-secret-0123456789';

// The embedded default: the default partner's welcome grant left at its default (5 credits).
describeEachDatabase('first run of the default partner', { server: { env: { DEFAULT_PARTNER_WELCOME_CREDITS: '5' } } }, function (db) {
    const s = db.server;
    before(async () => {
      await createTenant({ id: 'tnt_other', slug: 'other', name: 'Other partner', publishableKey: 'pk_other', secret: OTHER_SECRET });
    });

    it('a new user starts with the 5-credit welcome grant (reason bonus) and can generate an image at once', async () => {
      const t = s.token('newcomer');
      const bal = await s.call('GET', '/api/credits/balance', { token: t });
      expect(bal.body.credits).to.equal(5);
      const hist = await s.call('GET', '/api/credits/history', { token: t });
      expect(hist.body.items).to.have.length(1);
      expect(hist.body.items[0]).to.include({ reason: 'bonus', delta: 5, refType: 'welcome' });
      const g = await s.call('POST', '/api/studio/generate', { token: t, body: { prompt: 'a lighthouse at dawn', tier: 'standard' } });
      expect(g.status).to.equal(202);
      const job = await waitForJob(s, t, g.body.jobId);
      expect(job.status).to.equal('succeeded');
      expect((await s.call('GET', '/api/credits/balance', { token: t })).body.credits).to.equal(4);
      await s.ledgerOk();
    });

    it('the grant is part of the default partner configuration: shown to its admin, and 0 switches it off', async () => {
      const admin = s.token('first-admin', { role: 'admin' });
      expect((await s.call('GET', '/api/admin/config', { token: admin })).body.config.welcomeGrant).to.equal(5);
      expect((await s.call('POST', '/api/admin/config', { token: admin, body: { config: { welcomeGrant: 0 } } })).status).to.equal(200);
      expect((await s.call('GET', '/api/credits/balance', { token: s.token('latecomer') })).body.credits).to.equal(0);
      await s.call('POST', '/api/admin/config', { token: admin, body: { config: { welcomeGrant: 5 } } });
    });

    it('another partner keeps the contract default of no welcome grant', async () => {
      const t = s.token('elsewhere', {}, { secret: OTHER_SECRET });
      const bal = await s.call('GET', '/api/credits/balance', { token: t, headers: { 'X-Partner-Key': 'pk_other' } });
      expect(bal.status).to.equal(200);
      expect(bal.body.credits).to.equal(0);
    });

    it('an expired token and an invalid one are told apart (reason token_expired / token_invalid)', async () => {
      const expired = s.token('sleeper', {}, { expiresIn: -120 });
      const e = await s.call('GET', '/api/credits/balance', { token: expired });
      expect(e.status).to.equal(401);
      expect(e.body).to.include({ code: 'unauthorized', reason: 'token_expired' });
      const forged = s.token('forger', {}, { secret: 'not-the-partner-secret-0123456789' });
      const f = await s.call('GET', '/api/credits/balance', { token: forged });
      expect(f.status).to.equal(401);
      expect(f.body).to.include({ code: 'unauthorized', reason: 'token_invalid' });
    });
});
