import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import { databases, startServer, TEST_JWT_SECRET, type TestServer } from '../support/harness.js';
import { expectProblem, ledgerOf, setTenantConfig } from '../support/foundation-helpers.js';
import { TEST_REDIS_URL, closedPort, deleteKeys, uniquePrefix } from '../support/redis.js';

/**
 * Rate limits shared through Redis by several API processes (issue 10 item 5), on the machine's Redis under a
 * key prefix of this run: a real second API process on the same database, requests alternating between the two.
 * And what happens when Redis is unreachable: reads go on (counted per process), spending is refused.
 */
const API = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'support', 'api-process.ts');

interface ApiProcess { proc: ChildProcess; baseUrl: string }

function startApiProcess(s: TestServer, dbUrl: string, env: Record<string, string>): Promise<ApiProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', API], {
    env: {
      ...process.env, NODE_ENV: 'test', ROLE: 'api', DATABASE_URL: dbUrl, DATA_DIR: s.dataDir, AUTH_JWT_SECRET: TEST_JWT_SECRET,
      PAYMENTS_SANDBOX_SECRET: 'sandbox-secret-for-tests-0123456789', MASTER_KEY: 'master-key-for-tests-0123456789',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stderr!.on('data', (d) => { out += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API process did not start:\n${out}`)), 60000);
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /READY (\d+)/.exec(out);
      if (m) { clearTimeout(timer); resolve({ proc, baseUrl: `http://127.0.0.1:${m[1]}` }); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`API process exited with ${code}:\n${out}`)); });
  });
}

/** The harness's call(), aimed at another process. */
async function callAt(baseUrl: string, method: string, urlPath: string, o: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(baseUrl + urlPath, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  const text = await res.text();
  let body: any = text;
  try { body = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
  return { status: res.status, body, headers: res.headers };
}

for (const dbDef of databases()) {
  describe(`shared rate limits: two API processes, one Redis (${dbDef.name})`, function () {
    this.timeout(120000);
    let s: TestServer;
    let other: ApiProcess;
    let drop: () => Promise<void>;
    const prefix = uniquePrefix();

    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix };
      s = await startServer({ dbUrl: db.url, worker: false, env });
      // Set before the second process starts, so neither process holds an older copy of the partner's config.
      await setTenantConfig({ limits: { generatePerMinute: 20, anonymousReadsPerMinute: 4, referralClaimsPerHour: 2 } });
      other = await startApiProcess(s, db.url, env);
    });
    after(async () => {
      other?.proc.kill('SIGTERM');
      await s?.close();
      await drop?.();
      await deleteKeys(prefix);
    });

    // The two processes in turn: even requests to this one, odd ones to the other.
    const at = (i: number) => (i % 2 === 0 ? s.baseUrl : other.baseUrl);

    it('40 generates from one user alternating between the processes, 20 per minute: exactly 20 accepted', async () => {
      await s.grant('sharer', 100);
      const tok = s.token('sharer');
      const results = [];
      for (let i = 0; i < 40; i++) {
        results.push({ i, r: await callAt(at(i), 'POST', '/api/studio/generate', { token: tok, body: { prompt: `shared ${i}`, tier: 'standard' } }) });
      }
      const accepted = results.filter((x) => x.r.status === 202);
      expect(accepted).to.have.length(20);
      // Both processes accepted some: the budget is one, not one each that happens to be spent on one side.
      expect(accepted.filter((x) => x.i % 2 === 0)).to.have.length(10);
      expect(accepted.filter((x) => x.i % 2 === 1)).to.have.length(10);
      for (const x of results.filter((y) => y.r.status !== 202)) {
        expectProblem(x.r, 429, 'rate_limited');
        expect(Number(x.r.headers.get('retry-after'))).to.be.within(1, 60);
      }
      const debits = (await ledgerOf('sharer')).filter((e) => e.reason === 'generation');
      expect(debits).to.have.length(20);
      await s.ledgerOk();
    });

    it('40 concurrent generates, 20 sent to each process: still exactly 20 accepted (the Redis count is atomic)', async () => {
      await s.grant('burster', 100);
      const tok = s.token('burster');
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
        callAt(at(i), 'POST', '/api/studio/generate', { token: tok, body: { prompt: `burst ${i}`, tier: 'standard' } })));
      expect(results.filter((r) => r.status === 202)).to.have.length(20);
      for (const r of results.filter((x) => x.status !== 202)) expectProblem(r, 429, 'rate_limited');
      expect((await ledgerOf('burster')).filter((e) => e.reason === 'generation')).to.have.length(20);
      await s.ledgerOk();
    });

    it('anonymous reads per IP and the route limits (referral claim) are shared too', async () => {
      const reads = [];
      for (let i = 0; i < 6; i++) reads.push(await callAt(at(i), 'GET', '/api/community/feed'));
      expect(reads.map((r) => r.status)).to.deep.equal([200, 200, 200, 200, 429, 429]);
      expectProblem(reads[5]!, 429, 'rate_limited');
      // A signed-in read is the user's, not the IP's: it still works.
      expect((await callAt(s.baseUrl, 'GET', '/api/community/feed', { token: s.token('reader') })).status).to.equal(200);

      const tok = s.token('claimer');
      const claims = [];
      for (let i = 0; i < 3; i++) claims.push(await callAt(at(i), 'POST', '/api/referrals/claim', { token: tok, body: { code: 'NO-SUCH-CODE' } }));
      // Refused claims count: the limit is there against guessing codes.
      expect(claims.map((r) => r.status)).to.deep.equal([400, 400, 429]);
    });

    it('keeps its counters under the run\'s own key prefix', async () => {
      const { Redis } = await import('ioredis');
      const r = new Redis(TEST_REDIS_URL);
      try {
        // One counter per user who generated (sharer, burster), named by limit, budget and window.
        const keys = await r.keys(`${prefix}rl:generate:*`);
        expect(keys).to.have.length(2);
        expect(keys.every((k) => k.startsWith(`${prefix}rl:generate:20:60:`))).to.equal(true);
      } finally { r.disconnect(); }
    });
  });

  describe(`without Redis, each API process counts its own budget (${dbDef.name})`, function () {
    this.timeout(120000);
    let s: TestServer;
    let other: ApiProcess;
    let drop: () => Promise<void>;

    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      s = await startServer({ dbUrl: db.url, worker: false });
      other = await startApiProcess(s, db.url, {});
    });
    after(async () => {
      other?.proc.kill('SIGTERM');
      await s?.close();
      await drop?.();
    });

    it('the same 40 alternating generates get 20 per process: why REDIS_URL matters with more than one', async () => {
      await s.grant('doubler', 100);
      const tok = s.token('doubler');
      let accepted = 0;
      for (let i = 0; i < 40; i++) {
        const r = await callAt(i % 2 === 0 ? s.baseUrl : other.baseUrl, 'POST', '/api/studio/generate', { token: tok, body: { prompt: `solo ${i}`, tier: 'standard' } });
        if (r.status === 202) accepted++;
      }
      expect(accepted).to.equal(40);
    });
  });

  describe(`rate limits with Redis unreachable (${dbDef.name})`, function () {
    this.timeout(60000);
    let s: TestServer;
    let drop: () => Promise<void>;

    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      s = await startServer({ dbUrl: db.url, env: { REDIS_URL: `redis://127.0.0.1:${await closedPort()}`, REDIS_KEY_PREFIX: uniquePrefix() } });
      await setTenantConfig({ limits: { anonymousReadsPerMinute: 3 } });
    });
    after(async () => { await s?.close(); await drop?.(); });

    it('refuses spending with 503 not_ready and Retry-After, charging nothing', async () => {
      await s.grant('spender', 10);
      const tok = s.token('spender');
      const gen = await s.call('POST', '/api/studio/generate', { token: tok, body: { prompt: 'a lighthouse', tier: 'standard' } });
      expectProblem(gen, 503, 'not_ready');
      expect(gen.headers.get('retry-after')).to.equal('5');
      expectProblem(await s.call('POST', '/api/studio/enhance-prompt', { token: tok, body: { prompt: 'a lighthouse' } }), 503, 'not_ready');
      expectProblem(await s.call('POST', '/api/credits/purchase', { token: tok, body: { packId: 'pack_10' } }), 503, 'not_ready');
      expectProblem(await s.call('POST', '/api/referrals/claim', { token: tok, body: { code: 'ABC' } }), 503, 'not_ready');
      expect((await s.call('GET', '/api/credits/balance', { token: tok })).body.credits).to.equal(10);
      await s.ledgerOk();
    });

    it('lets reads through, still limited per process', async () => {
      const reads = [];
      for (let i = 0; i < 4; i++) reads.push((await s.call('GET', '/api/community/feed')).status);
      expect(reads).to.deep.equal([200, 200, 200, 429]);
      expect((await s.call('GET', '/api/community/feed', { token: s.token('member') })).status).to.equal(200);
    });

    it('/readyz stays 200 and says the limiter is degraded', async () => {
      const r = await s.call('GET', '/readyz');
      expect(r.status).to.equal(200);
      expect(r.body.status).to.equal('degraded');
      expect(r.body.rateLimits).to.include({ store: 'redis', ok: false });
      const m = await s.call('GET', '/metrics');
      expect(m.body).to.match(/ais_rate_limit_store_errors_total\{limit="generate",policy="closed"\} [1-9]/);
      expect(m.body).to.match(/ais_rate_limit_store_errors_total\{limit="anonymous_read",policy="open"\} [1-9]/);
    });
  });
}
