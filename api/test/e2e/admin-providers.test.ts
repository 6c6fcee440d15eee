import { Writable } from 'node:stream';
import { expect } from 'chai';
import nock from 'nock';
import sharp from 'sharp';
import { waitForJob, type TestServer } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { createTenant } from '../../src/tenants/tenants.js';
import { configureLogger } from '../../src/logger.js';
import { setDnsLookup } from '../../src/admin/ssrf.js';
import { AnalyticsEvent, ProviderKey, AuditEntry } from '../../src/models/index.js';
import { openKey } from '../../src/providers/provider-clients.js';

const OTHER_SECRET = 'other-partner-secret-0123456789abcdef';
const KEY1 = 'sk-live-FIRSTsecretKEY-0123456789abcdefWXYZ';
const KEY2 = 'sk-live-SECONDsecretKEY-9876543210zyxwvuQRST';
const BAD_KEY = 'sk-live-WRONGkey-000000000000000000000BAD1';
const CHAT_KEY = 'sk-chat-THIRDsecretKEY-5555555555555555CHAT';
const SECRETS = [KEY1, KEY2, BAD_KEY, CHAT_KEY];

/** Stub DNS: public names resolve to public addresses, the traps to internal ones. */
const DNS: Record<string, string> = {
  'api.openai.com': '104.18.6.192', 'public.test': '93.184.216.34', 'redirect.test': '93.184.216.35', 'evil.test': '10.0.0.5',
  'rebind.test': '169.254.169.254', 'loop.test': '127.0.0.1', 'cgnat.test': '100.64.1.1', 'v6.test': 'fd00::1', 'models.internal.test': '10.1.2.3',
};

describeEachDatabase('admin providers: keys, SSRF, failover', {
  // The operator's settings (config.ts), not the partner's.
  server: { env: { PROVIDER_RETRY_BASE_MS: '10', PROVIDER_ALLOWED_HOSTS: 'models.internal.test:8080' } },
}, function (db) {
    const s = db.server;
    let admin: string, alice: string, png: string;
    const seen: string[] = [];
    const logs: string[] = [];
    let call: TestServer['call'];
    let keyId = '';
    before(async () => {
      configureLogger('debug', new Writable({ write(chunk, _enc, cb) { logs.push(String(chunk)); cb(); } }));
      setDnsLookup(async (host) => {
        const a = DNS[host];
        if (!a) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
        return [{ address: a, family: a.includes(':') ? 6 : 4 }];
      });
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
      await createTenant({ id: 'tnt_other', slug: 'other', name: 'Other partner', publishableKey: 'pk_other', secret: OTHER_SECRET });
      admin = s.token('boss', { role: 'admin' });
      alice = s.token('alice');
      png = (await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3366cc' } }).png().toBuffer()).toString('base64');
      // Every response body is kept to prove no key ever comes back.
      call = async (m, p, o) => {
        const r = await s.call(m, p, o);
        seen.push(JSON.stringify(r.body ?? ''));
        return r;
      };
    });
    after(async () => {
      setDnsLookup(undefined);
      nock.cleanAll();
      nock.enableNetConnect();
      configureLogger('silent');
    });

    it('adds a key encrypted at rest and shows only its alias and last four', async () => {
      const r = await call('POST', '/api/admin/providers', { token: admin, body: { action: 'add', provider: 'openai', purpose: 'image', alias: 'Main OpenAI', apiKey: KEY1 } });
      expect(r.status).to.equal(200);
      keyId = r.body.keyId;
      const k = r.body.keys.find((x: { id: string }) => x.id === keyId);
      expect(k).to.include({ provider: 'openai', purpose: 'image', alias: 'Main OpenAI', lastFour: 'WXYZ' });
      expect(Object.keys(k)).not.to.include('apiKey');
      const row = await ProviderKey.findByPk(keyId);
      expect(row!.encryptedValue).not.to.include(KEY1);
      expect(row!.encryptedValue.startsWith('v1.')).to.equal(true);
      expect(openKey(row!)).to.equal(KEY1);
      const list = await call('GET', '/api/admin/providers', { token: admin });
      expect(list.body.selection).to.deep.equal({ image: { active: 'default', fallback: 'local' }, chat: { active: 'default' } });
      expect(list.body.kinds.map((x: { provider: string }) => x.provider)).to.deep.equal(['openai', 'stability', 'openai-compatible']);
    });

    it('refuses invalid keys and provider kinds with the reasons', async () => {
      const r = await call('POST', '/api/admin/providers', { token: admin, body: { action: 'add', provider: 'stability', purpose: 'chat', alias: '', apiKey: 'short' } });
      expect(r.status).to.equal(400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).to.have.members(['purpose', 'alias', 'apiKey']);
      expect((await call('POST', '/api/admin/providers', { token: admin, body: { action: 'explode' } })).status).to.equal(400);
      expect((await call('POST', '/api/admin/providers', { token: admin, body: { action: 'rotate', id: 'pk_nope', apiKey: KEY2 } })).status).to.equal(404);
    });

    it('refuses endpoints that reach loopback, link-local, metadata, private ranges, or plain http', async () => {
      const bad = [
        'http://127.0.0.1:8080/v1', 'https://127.0.0.1/v1', 'https://169.254.169.254/latest', 'https://10.0.0.1/v1', 'https://172.16.5.4/v1', 'https://192.168.1.1/v1',
        'https://100.64.0.1/v1', 'https://[::1]/v1', 'https://[fd00::1]/v1', 'https://[::ffff:127.0.0.1]/v1', 'https://0.0.0.0/v1', 'https://metadata.google.internal/v1',
        'https://evil.test/v1', 'https://rebind.test/v1', 'https://loop.test/v1', 'https://cgnat.test/v1', 'https://v6.test/v1', 'http://public.test/v1',
        'https://user:pw@public.test/v1', 'ftp://public.test/v1', 'not a url', 'https://nowhere.test/v1', 'http://models.internal.test:9999/v1',
      ];
      for (const endpoint of bad) {
        const r = await call('POST', '/api/admin/providers', { token: admin, body: { action: 'add', provider: 'openai-compatible', purpose: 'image', alias: 'x', endpoint } });
        expect(r.status, endpoint).to.equal(400);
        expect(r.body.errors[0].field, endpoint).to.equal('endpoint');
      }
      // The operator's allow-list admits a self-hosted server on a private address, over http.
      const ok = await call('POST', '/api/admin/providers', { token: admin, body: { action: 'add', provider: 'openai-compatible', purpose: 'chat', alias: 'LAN llm', endpoint: 'http://models.internal.test:8080/v1' } });
      expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
      const probe = await call('POST', '/api/admin/providers/test', { token: admin, body: { provider: 'openai-compatible', endpoint: 'https://169.254.169.254/v1' } });
      expect(probe.status).to.equal(400);
    });

    it('never follows a redirect from a provider endpoint', async () => {
      const internal = nock('http://169.254.169.254').get(/.*/).reply(200, 'secrets');
      nock('https://redirect.test').get('/v1/models').reply(302, '', { location: 'http://169.254.169.254/latest/meta-data/' });
      const r = await call('POST', '/api/admin/providers/test', { token: admin, body: { provider: 'openai-compatible', apiKey: KEY1, endpoint: 'https://redirect.test/v1' } });
      expect(r.status).to.equal(200);
      expect(r.body.ok).to.equal(false);
      expect(r.body.error).to.match(/redirect/);
      expect(internal.isDone()).to.equal(false);
      nock.cleanAll();
    });

    it('tests a connection with the cheapest call and reports failures without the key', async () => {
      nock('https://api.openai.com').get('/v1/models').matchHeader('authorization', `Bearer ${KEY1}`).reply(200, { data: [{ id: 'gpt-image-1' }, { id: 'gpt-4o-mini' }] });
      const ok = await call('POST', '/api/admin/providers/test', { token: admin, body: { id: keyId } });
      expect(ok.body).to.include({ ok: true, status: 200, models: 2 });
      nock('https://api.openai.com').get('/v1/models').reply(401, { error: { message: `Incorrect API key provided: ${BAD_KEY}. Find your key at ...` } });
      const bad = await call('POST', '/api/admin/providers/test', { token: admin, body: { provider: 'openai', apiKey: BAD_KEY } });
      expect(bad.body.ok).to.equal(false);
      expect(bad.body.status).to.equal(401);
      expect(bad.body.error).to.match(/key was refused/);
      expect(bad.body.error).not.to.include(BAD_KEY);
    });

    it('generates through the selected provider and falls back when it is unavailable', async () => {
      const sel = await call('POST', '/api/admin/providers', { token: admin, body: { action: 'select', image: { active: keyId, fallback: 'local' } } });
      expect(sel.status).to.equal(200);
      expect(sel.body.selection.image).to.deep.equal({ active: keyId, fallback: 'local' });
      expect(sel.body.keys.find((k: { id: string }) => k.id === keyId).inUse).to.deep.equal(['image.active']);
      await s.grant('alice', 10);

      const ok = nock('https://api.openai.com').post('/v1/images/generations').matchHeader('authorization', `Bearer ${KEY1}`).reply(200, { created: 1, data: [{ b64_json: png }] });
      const g1 = await call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a lighthouse poster', tier: 'standard' } });
      const j1 = await waitForJob(s, alice, g1.body.jobId);
      expect(j1.status).to.equal('succeeded');
      expect(ok.isDone()).to.equal(true);

      const down = nock('https://api.openai.com').post('/v1/images/generations').times(3).reply(503, { error: { message: `overloaded (key ${KEY1})` } });
      const g2 = await call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a forest poster', tier: 'standard' } });
      const j2 = await waitForJob(s, alice, g2.body.jobId);
      expect(j2.status).to.equal('succeeded');
      expect(down.isDone()).to.equal(true);

      const creations = await call('GET', '/api/studio/my-creations', { token: alice });
      expect(creations.body.items.map((c: { provider: string }) => c.provider).sort()).to.deep.equal(['local', 'openai']);
      const events = await AnalyticsEvent.findAll({ where: { name: 'image_generated' } });
      expect(events.map((e) => (e.props as { provider: string }).provider).sort()).to.deep.equal(['local', 'openai']);
      const day = new Date().toISOString().slice(0, 10);
      const a = await call('GET', `/api/admin/analytics?from=${new Date(Date.now() - 86400000 * 2).toISOString()}&to=${new Date(Date.now() + 60000).toISOString()}`, { token: admin });
      expect(a.status, day).to.equal(200);
      expect(a.body.providers.items.map((p: { provider: string; images: number }) => [p.provider, p.images]).sort()).to.deep.equal([['local', 1], ['openai', 1]]);
      await s.ledgerOk();
    });

    it('rotates a key: the next generation uses the new one', async () => {
      const r = await call('POST', '/api/admin/providers', { token: admin, body: { action: 'rotate', id: keyId, apiKey: KEY2, note: 'quarterly rotation' } });
      expect(r.body.keys.find((k: { id: string }) => k.id === keyId)).to.include({ lastFour: 'QRST' });
      const used = nock('https://api.openai.com').post('/v1/images/generations').matchHeader('authorization', `Bearer ${KEY2}`).reply(200, { created: 1, data: [{ b64_json: png }] });
      const g = await call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a city poster', tier: 'standard' } });
      expect((await waitForJob(s, alice, g.body.jobId)).status).to.equal('succeeded');
      expect(used.isDone()).to.equal(true);
    });

    it('uses a chat key for prompt enhancement once selected', async () => {
      const add = await call('POST', '/api/admin/providers', { token: admin, body: { action: 'add', provider: 'openai', purpose: 'chat', alias: 'Chat', apiKey: CHAT_KEY, model: 'gpt-4o-mini' } });
      const chatId = add.body.keyId;
      await call('POST', '/api/admin/providers', { token: admin, body: { action: 'select', chat: { active: chatId } } });
      nock('https://api.openai.com').post('/v1/chat/completions').matchHeader('authorization', `Bearer ${CHAT_KEY}`)
        .reply(200, { id: 'c', object: 'chat.completion', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: '{"enhancedPrompt":"A vivid lighthouse poster at dawn","suggestions":["Add a palette"]}' } }] });
      const e = await call('POST', '/api/studio/enhance-prompt', { token: alice, body: { prompt: 'lighthouse poster' } });
      expect(e.status).to.equal(200);
      expect(e.body.enhancedPrompt).to.equal('A vivid lighthouse poster at dawn');
      // Selecting a key for the wrong purpose is refused.
      const wrong = await call('POST', '/api/admin/providers', { token: admin, body: { action: 'select', image: { active: chatId } } });
      expect(wrong.status).to.equal(400);
      expect(wrong.body.errors[0].field).to.equal('providers.image.active');
    });

    it('refuses to remove a key in use, and removes it once unselected', async () => {
      expect((await call('POST', '/api/admin/providers', { token: admin, body: { action: 'remove', id: keyId } })).status).to.equal(409);
      await call('POST', '/api/admin/providers', { token: admin, body: { action: 'select', image: { active: 'local', fallback: null } } });
      const r = await call('POST', '/api/admin/providers', { token: admin, body: { action: 'remove', id: keyId } });
      expect(r.status).to.equal(200);
      expect(r.body.keys.map((k: { id: string }) => k.id)).not.to.include(keyId);
      const g = await call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a desert poster', tier: 'standard' } });
      expect((await waitForJob(s, alice, g.body.jobId)).status).to.equal('succeeded');
    });

    it('keeps another partner away from these keys', async () => {
      const other = s.token('other-boss', { role: 'admin' }, { secret: OTHER_SECRET });
      const h = { token: other, headers: { 'x-partner-key': 'pk_other' } };
      const mine = (await call('GET', '/api/admin/providers', { token: admin })).body.keys[0].id;
      expect((await call('GET', '/api/admin/providers', h)).body.keys).to.deep.equal([]);
      expect((await call('POST', '/api/admin/providers', { ...h, body: { action: 'rotate', id: mine, apiKey: KEY2 } })).status).to.equal(404);
      expect((await call('POST', '/api/admin/providers', { ...h, body: { action: 'remove', id: mine } })).status).to.equal(404);
      expect((await call('POST', '/api/admin/providers/test', { ...h, body: { id: mine } })).status).to.equal(404);
      expect((await call('POST', '/api/admin/providers', { ...h, body: { action: 'select', chat: { active: mine } } })).status).to.equal(400);
    });

    it('audits every provider change without the key, and no key reached a response or a log line', async () => {
      const audit = await call('GET', '/api/admin/audit-log?action=provider.*&limit=100', { token: admin });
      const actions = audit.body.items.map((i: { action: string }) => i.action);
      expect(actions).to.include.members(['provider.key_add', 'provider.key_rotate', 'provider.key_remove', 'provider.select', 'provider.test']);
      const rows = await AuditEntry.findAll();
      const everything = [...seen, ...logs, JSON.stringify(rows.map((r) => r.toJSON()))].join('\n');
      expect(logs.length).to.be.greaterThan(10);
      for (const k of SECRETS) expect(everything.includes(k), `leaked ${k.slice(0, 12)}`).to.equal(false);
    });
});
