import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import nock from 'nock';
import sharp from 'sharp';
import { QueryTypes } from 'sequelize';
import { services, sleep, TEST_JWT_SECRET, type TestServer } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { waitUntil } from '../support/wait.js';
import { configureLogger } from '../../src/logger.js';
import { createTenant } from '../../src/tenants/tenants.js';
import { setDnsLookup } from '../../src/admin/ssrf.js';

const SANDBOX_SECRET = 'sandbox-secret-for-tests-0123456789';
const MASTER_KEY = 'master-key-for-tests-0123456789';
const RZP_KEY_ID = 'rzp_test_secretsKey';
const RZP_KEY_SECRET = 'rzp-KEY-secret-never-shown-4242424242';
const RZP_WEBHOOK_SECRET = 'rzp-WEBHOOK-secret-never-shown-5353535353';
const ENV_OPENAI_KEY = 'sk-ENVopenaiKEY-never-shown-6464646464';
const ADMIN_KEY = 'sk-ADMINproviderKEY-never-shown-7575757575';
const CHAT_KEY = 'sk-CHATproviderKEY-never-shown-8686868686';
const PARTNER_SECRET = 'second-PARTNER-jwt-secret-never-shown-97979797';
const RZP = 'https://api.razorpay.com';
const OPENAI = 'https://api.openai.com';
const hmac = (secret: string, data: string) => crypto.createHmac('sha256', secret).update(data).digest('hex');

/** Every form in which a configured secret could escape: as given, and the derived master key and basic-auth header. */
function secretForms(): Record<string, string> {
  const master = crypto.createHash('sha256').update(MASTER_KEY).digest();
  return {
    AUTH_JWT_SECRET: TEST_JWT_SECRET, PAYMENTS_SANDBOX_SECRET: SANDBOX_SECRET, MASTER_KEY, 'master key (hex)': master.toString('hex'),
    'master key (base64)': master.toString('base64'), RAZORPAY_KEY_SECRET: RZP_KEY_SECRET, RAZORPAY_WEBHOOK_SECRET: RZP_WEBHOOK_SECRET,
    'razorpay basic auth': Buffer.from(`${RZP_KEY_ID}:${RZP_KEY_SECRET}`).toString('base64'), OPENAI_API_KEY: ENV_OPENAI_KEY,
    'admin provider key': ADMIN_KEY, 'admin chat key': CHAT_KEY, 'partner jwt secret': PARTNER_SECRET,
  };
}

describeEachDatabase('secrets never leak', {
  server: { env: {
    RAZORPAY_KEY_ID: RZP_KEY_ID, RAZORPAY_KEY_SECRET: RZP_KEY_SECRET, RAZORPAY_WEBHOOK_SECRET: RZP_WEBHOOK_SECRET,
    OPENAI_API_KEY: ENV_OPENAI_KEY, IMAGE_PROVIDER: 'openai', PROMPT_ENHANCER: 'openai', PROVIDER_RETRY_BASE_MS: '5',
  } },
}, function (db) {
    const s = db.server;
    const logs: string[] = [];
    const bodies: string[] = [];
    const tokens: string[] = [];
    let png = '';

    before(async () => {
      // LOG_LEVEL=debug, every line into the buffer (boot itself stays quiet on the test's stdout).
      configureLogger('debug', new Writable({ write(chunk, _e, cb) { logs.push(String(chunk)); cb(); } }));
      setDnsLookup(async () => [{ address: '104.18.6.192', family: 4 }]);
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
      png = (await sharp({ create: { width: 64, height: 64, channels: 3, background: '#225588' } }).png().toBuffer()).toString('base64');
      await createTenant({ id: 'tnt_secret2', slug: 'secret2', name: 'Second', publishableKey: 'pk_secret2', secret: PARTNER_SECRET });
    });
    after(async () => {
      setDnsLookup(undefined);
      nock.cleanAll();
      nock.enableNetConnect();
      configureLogger('silent');
    });

    const tok = (sub: string, claims: Record<string, unknown> = {}, opts: Parameters<TestServer['token']>[2] = {}) => {
      const t = s.token(sub, claims, opts);
      tokens.push(t);
      return t;
    };
    const call = async (method: string, path: string, o: Parameters<TestServer['call']>[2] = {}) => {
      const r = await s.call(method, path, o);
      bodies.push(`${method} ${path} ${r.status} ${[...r.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${typeof r.body === 'string' ? r.body : JSON.stringify(r.body)}`);
      return r;
    };
    const waitJob = async (token: string, jobId: string) => {
      for (let i = 0; i < 400; i++) {
        const j = await call('GET', `/api/studio/generate/${jobId}`, { token });
        if (j.body.status === 'succeeded' || j.body.status === 'failed') return j.body;
        await sleep(25);
      }
      throw new Error(`job ${jobId} did not finish`);
    };

    it('runs a full flow with every secret in play', async () => {
      const admin = tok('boss', { role: 'admin' });
      const alice = tok('alice');
      const bob = tok('bob');
      expect((await call('GET', '/api/credits/balance', { token: alice })).status).to.equal(200);
      expect((await call('POST', '/api/admin/credits/grant', { token: admin, body: { userId: 'alice', credits: 30, note: 'flow' } })).status).to.equal(200);

      // The operator's OpenAI key (env): the enhancer fails with the key in the error, generation once refused, then works.
      // (The env enhancer is built once per process: when an earlier suite built the rule-based one, this call is not made.)
      nock(OPENAI).post('/v1/chat/completions').matchHeader('authorization', `Bearer ${ENV_OPENAI_KEY}`).optionally()
        .reply(500, { error: { message: `server error for key ${ENV_OPENAI_KEY}` } });
      const enh = await call('POST', '/api/studio/enhance-prompt', { token: alice, body: { prompt: 'a lighthouse at dawn' } });
      expect(enh.status).to.equal(200);
      nock(OPENAI).post('/v1/images/generations').matchHeader('authorization', `Bearer ${ENV_OPENAI_KEY}`).reply(401, { error: { message: `Incorrect API key provided: ${ENV_OPENAI_KEY}.`, code: 'invalid_api_key' } });
      const bad = await call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a lighthouse at dawn', tier: 'standard' } });
      // Refused by the operator's provider; the partner's default fallback (local) draws it.
      expect((await waitJob(alice, bad.body.jobId)).status).to.be.oneOf(['failed', 'succeeded']);
      nock(OPENAI).post('/v1/images/generations').matchHeader('authorization', `Bearer ${ENV_OPENAI_KEY}`).reply(200, { created: 1, data: [{ b64_json: png }] });
      const good = await call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a lighthouse at dawn', tier: 'standard' } });
      const job = await waitJob(alice, good.body.jobId);
      expect(job.status).to.equal('succeeded');
      const cats = await call('GET', '/api/studio/categories', { token: alice });
      const pub = await call('POST', '/api/community/publish', { token: alice, body: { imageId: job.imageId, title: 'Dawn', categoryId: cats.body.items[0].id, visibility: 'public' } });
      expect(pub.status).to.equal(201);
      await call('POST', `/api/community/${pub.body.postId}/like`, { token: bob });
      await call('GET', '/api/community/feed', { token: bob });
      await call('GET', '/api/notifications', { token: alice });

      // The partner admin's provider keys: a failing connection test and a failing generation both echo the key.
      const add = await call('POST', '/api/admin/providers', { token: admin, body: { action: 'add', provider: 'openai', purpose: 'image', alias: 'Main', apiKey: ADMIN_KEY } });
      expect(add.status).to.equal(200);
      nock(OPENAI).get('/v1/models').reply(401, { error: { message: `Incorrect API key provided: ${ADMIN_KEY}` } });
      const test = await call('POST', '/api/admin/providers/test', { token: admin, body: { id: add.body.keyId } });
      expect(test.body.ok).to.equal(false);
      await call('POST', '/api/admin/providers', { token: admin, body: { action: 'select', image: { active: add.body.keyId, fallback: 'local' } } });
      nock(OPENAI).post('/v1/images/generations').matchHeader('authorization', `Bearer ${ADMIN_KEY}`).times(3)
        .reply(503, { error: { message: `overloaded, key ${ADMIN_KEY}` } });
      const fb = await call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a fox in the snow', tier: 'standard' } });
      expect((await waitJob(alice, fb.body.jobId)).status).to.equal('succeeded');
      const chat = await call('POST', '/api/admin/providers', { token: admin, body: { action: 'add', provider: 'openai', purpose: 'chat', alias: 'Chat', apiKey: CHAT_KEY } });
      await call('POST', '/api/admin/providers', { token: admin, body: { action: 'select', chat: { active: chat.body.keyId } } });
      nock(OPENAI).post('/v1/chat/completions').matchHeader('authorization', `Bearer ${CHAT_KEY}`).reply(429, { error: { message: `rate limited ${CHAT_KEY}` } });
      expect((await call('POST', '/api/studio/enhance-prompt', { token: alice, body: { prompt: 'a fox in the snow' } })).status).to.equal(200);
      await call('POST', '/api/admin/providers', { token: admin, body: { action: 'rotate', id: add.body.keyId, apiKey: `${ADMIN_KEY}-rotated` } });
      // A refusal is final (no fallback): the job fails and keeps the provider's message (and the key in it) to itself.
      await call('POST', '/api/admin/providers', { token: admin, body: { action: 'select', image: { active: 'default', fallback: 'local' }, chat: { active: 'default' } } });
      nock(OPENAI).post('/v1/images/generations').matchHeader('authorization', `Bearer ${ENV_OPENAI_KEY}`)
        .reply(400, { error: { message: `Your request was rejected by the safety system (key ${ENV_OPENAI_KEY}).`, code: 'content_policy_violation' } });
      const failed = await call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a heron at the river', tier: 'standard' } });
      expect((await waitJob(alice, failed.body.jobId)).status).to.equal('failed');
      await call('GET', '/api/studio/my-creations', { token: alice });
      await call('GET', '/api/admin/providers', { token: admin });

      // Razorpay: an order, a verified checkout, a webhook, a bad signature and a failing gateway.
      nock(RZP).post('/v1/orders').basicAuth({ user: RZP_KEY_ID, pass: RZP_KEY_SECRET }).times(2)
        .reply(200, (_u, b) => ({ id: `order_S${crypto.randomBytes(4).toString('hex')}`, entity: 'order', amount: (b as { amount: number }).amount, currency: 'INR', status: 'created' }));
      const o1 = await call('POST', '/api/credits/purchase', { token: alice, body: { packId: 'pack_10' } });
      expect(o1.status).to.equal(201);
      expect((await call('POST', '/api/credits/purchase/verify', { token: alice, body: { orderId: o1.body.gatewayOrderId, paymentId: 'pay_S1', signature: 'ab'.repeat(32) } })).status).to.equal(400);
      const v = await call('POST', '/api/credits/purchase/verify', { token: alice, body: { orderId: o1.body.gatewayOrderId, paymentId: 'pay_S1', signature: hmac(RZP_KEY_SECRET, `${o1.body.gatewayOrderId}|pay_S1`) } });
      expect(v.status).to.equal(200);
      const o2 = await call('POST', '/api/credits/purchase', { token: bob, body: { packId: 'pack_10' } });
      const evt = JSON.stringify({ entity: 'event', event: 'payment.captured', contains: ['payment'], created_at: Math.floor(Date.now() / 1000),
        payload: { payment: { entity: { id: 'pay_S2', entity: 'payment', amount: o2.body.amountPaise, currency: 'INR', status: 'captured', order_id: o2.body.gatewayOrderId } } } });
      expect((await call('POST', '/api/webhooks/razorpay', { raw: evt, headers: { 'x-razorpay-signature': hmac(RZP_WEBHOOK_SECRET, evt) } })).status).to.equal(200);
      expect((await call('POST', '/api/webhooks/razorpay', { raw: evt, headers: { 'x-razorpay-signature': hmac('wrong', evt) } })).status).to.equal(400);
      nock(RZP).post('/v1/orders').reply(500, { error: { code: 'SERVER_ERROR', description: 'The server encountered an error.' } });
      expect((await call('POST', '/api/credits/purchase', { token: alice, body: { packId: 'pack_10' } })).status).to.equal(503);

      // Partners and tokens: another partner's user, a forged, an expired and a malformed token.
      const other = tok('carol', {}, { secret: PARTNER_SECRET });
      expect((await call('GET', '/api/credits/balance', { token: other, headers: { 'x-partner-key': 'pk_secret2' } })).status).to.equal(200);
      expect((await call('GET', '/api/credits/balance', { token: other })).status).to.equal(401);
      expect((await call('GET', '/api/credits/balance', { token: tok('mallory', { role: 'admin' }, { secret: 'guessed-secret-0123456789abcdef' }) })).status).to.equal(401);
      expect((await call('GET', '/api/credits/balance', { token: tok('alice', {}, { expiresIn: -60 }) })).status).to.equal(401);
      expect((await call('GET', '/api/credits/balance', { headers: { authorization: `Basic ${Buffer.from(`alice:${TEST_JWT_SECRET}`).toString('base64')}` } })).status).to.equal(401);

      // What an admin reads back: audit log, config, analytics and their export.
      for (const p of ['/api/admin/audit-log?limit=100', '/api/admin/config', '/api/admin/config/history', '/api/admin/analytics', '/api/admin/analytics.csv?table=kpis']) {
        expect((await call('GET', p, { token: admin })).status, p).to.equal(200);
      }
      await waitUntil('every provider and gateway call to happen', () => nock.pendingMocks().length === 0, 10000).catch(() => undefined);
      expect(nock.pendingMocks(), 'every provider and gateway call happened').to.deep.equal([]);
      expect(logs.length, 'debug logs were captured').to.be.greaterThan(20);
    });

    it('no secret and no bearer token appears in a log line or a response', () => {
      const all = { ...secretForms(), ...Object.fromEntries(tokens.map((t, i) => [`bearer token ${i}`, t])) };
      for (const [name, value] of Object.entries(all)) {
        const inLog = logs.find((l) => l.includes(value));
        expect(inLog, `${name} in a log line: ${inLog}`).to.equal(undefined);
        const inBody = bodies.find((b) => b.includes(value));
        expect(inBody, `${name} in a response`).to.equal(undefined);
      }
      // Half a key is still a leak: vendors echo "sk-abc…wxyz"; the first characters must be gone too.
      for (const k of [ENV_OPENAI_KEY, ADMIN_KEY, CHAT_KEY]) {
        expect(logs.concat(bodies).find((l) => l.includes(k.slice(0, 14))), `head of ${k}`).to.equal(undefined);
      }
    });

    it('an HTTP client error logged whole keeps its credentials out of the line', () => {
      const lines: string[] = [];
      const log = configureLogger('debug', new Writable({ write(chunk, _e, cb) { lines.push(String(chunk)); cb(); } }));
      const err = Object.assign(new Error('request failed'), {
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'x-api-key': CHAT_KEY },
        config: { headers: { Authorization: `Basic ${RZP_KEY_SECRET}` } }, request: { headers: { authorization: ENV_OPENAI_KEY } },
      });
      log.error({ err, apiKey: ADMIN_KEY, headers: { Authorization: ENV_OPENAI_KEY } }, 'provider call failed');
      configureLogger('debug', new Writable({ write(chunk, _e, cb) { logs.push(String(chunk)); cb(); } }));
      expect(lines.join('')).to.include('provider call failed');
      for (const v of [ADMIN_KEY, CHAT_KEY, RZP_KEY_SECRET, ENV_OPENAI_KEY]) expect(lines.join(''), v).to.not.include(v);
    });

    it('secrets at rest are encrypted, and no table holds one in plain text', async () => {
      const { sequelize } = services().db;
      const keys = await sequelize.query<{ encrypted_value: string }>('SELECT encrypted_value FROM admin_provider_keys', { type: QueryTypes.SELECT });
      expect(keys.length).to.be.at.least(2);
      for (const k of keys) expect(k.encrypted_value).to.match(/^v1\./);
      const tenants = await sequelize.query<{ id: string; jwt_secret_enc: string }>('SELECT id, jwt_secret_enc FROM tenants', { type: QueryTypes.SELECT });
      expect(tenants.length).to.equal(2);
      for (const t of tenants) expect(t.jwt_secret_enc, t.id).to.match(/^v1\./);
      const forms = { ...secretForms(), 'rotated admin key': `${ADMIN_KEY}-rotated` };
      const heads = [ENV_OPENAI_KEY, ADMIN_KEY, CHAT_KEY].map((k) => k.slice(0, 14));
      const tables = (await sequelize.getQueryInterface().showAllTables()).map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName));
      expect(tables).to.include.members(['audit_log', 'analytics_events', 'generation_jobs', 'admin_provider_keys', 'tenants']);
      for (const table of tables) {
        const rows = await sequelize.query(`SELECT * FROM ${table}`, { type: QueryTypes.SELECT });
        const text = JSON.stringify(rows);
        for (const [name, value] of Object.entries(forms)) expect(text.includes(value), `${name} stored in ${table}`).to.equal(false);
        for (const h of heads) expect(text.includes(h), `key head ${h} stored in ${table}`).to.equal(false);
        for (const t of tokens) expect(text.includes(t), `a bearer token stored in ${table}`).to.equal(false);
      }
    });
});
