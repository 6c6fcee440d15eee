import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { expect } from 'chai';
import { databases, startServer, waitForJob, services, TEST_JWT_SECRET, type TestServer } from '../support/harness.js';
import { expectProblem, setTenantConfig, userIdOf } from '../support/foundation-helpers.js';
import { applyMovement } from '../../src/ledger/ledger.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';
import { startMetricsServer } from '../../src/metrics/server.js';
import { instrumentProvider } from '../../src/metrics/providers.js';
import { FallbackImageProvider } from '../../src/providers/images/fallback-provider.js';
import { LocalImageProvider } from '../../src/providers/images/local-provider.js';
import { ProviderError } from '../../src/providers/errors.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import { closedPort } from '../support/redis.js';

/**
 * GET /metrics (issue 10 item 6): Prometheus text after real traffic, the series and labels the alerts in
 * docs/operations.md rely on (route templates, never ids), and the bearer token. Counters are per process and
 * cumulative, so assertions read "at least" or compare before and after.
 */
const TOKEN = 'metrics-token-for-tests-0123456789';

/** The value of one series in a scrape (undefined when absent); labels in any order. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

for (const dbDef of databases()) {
  describe(`metrics (${dbDef.name})`, function () {
    this.timeout(60000);
    let s: TestServer;
    let drop: () => Promise<void>;
    let dbUrl: string;
    const scrape = async () => {
      const r = await fetch(`${s.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(r.status).to.equal(200);
      expect(r.headers.get('content-type')).to.match(/^text\/plain; version=0\.0\.4(;|$)/);
      return r.text();
    };

    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      dbUrl = db.url;
      s = await startServer({ dbUrl: db.url, env: { METRICS_TOKEN: TOKEN } });
    });
    after(async () => { await s?.close(); await drop?.(); });

    it('refuses a scrape without the token or with a wrong one (401 problem+json)', async () => {
      expectProblem(await s.call('GET', '/metrics'), 401, 'unauthorized');
      expectProblem(await s.call('GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } }), 401, 'unauthorized');
      expectProblem(await s.call('GET', '/metrics', { headers: { authorization: TOKEN } }), 401, 'unauthorized');
    });

    it('after traffic: request durations by route template, jobs, provider, ledger and rate-limit series', async () => {
      await setTenantConfig({ limits: { enhancePerMinute: 1 } });
      await s.grant('metered', 10);
      const tok = s.token('metered');
      const gen = await s.call('POST', '/api/studio/generate', { token: tok, body: { prompt: 'a red kite over hills', tier: 'standard' } });
      expect(gen.status).to.equal(202);
      const jobId: string = gen.body.jobId;
      const job = await waitForJob(s, tok, jobId);
      expect(job.status).to.equal('succeeded');
      expect((await s.call('POST', '/api/studio/enhance-prompt', { token: tok, body: { prompt: 'a kite' } })).status).to.equal(200);
      expectProblem(await s.call('POST', '/api/studio/enhance-prompt', { token: tok, body: { prompt: 'a kite' } }), 429, 'rate_limited');
      expect((await s.call('GET', `/api/studio/my-creations/${gen.body.imageId}`, { token: tok })).status).to.equal(200);
      expect((await s.call('GET', '/api/no/such/route')).status).to.equal(404);

      const text = await scrape();
      const h = 'http_request_duration_seconds_count';
      expect(sample(text, h, { method: 'POST', route: '/api/studio/generate', status_code: '202' })).to.be.at.least(1);
      expect(sample(text, h, { method: 'GET', route: '/api/studio/generate/:jobId', status_code: '200' })).to.be.at.least(1);
      expect(sample(text, h, { method: 'GET', route: '/api/studio/my-creations/:imageId', status_code: '200' })).to.be.at.least(1);
      expect(sample(text, h, { method: 'POST', route: '/api/studio/enhance-prompt', status_code: '429' })).to.be.at.least(1);
      expect(sample(text, h, { method: 'GET', route: 'unmatched', status_code: '404' })).to.be.at.least(1);
      expect(sample(text, 'http_request_duration_seconds_bucket', { method: 'POST', route: '/api/studio/generate', status_code: '202', le: '+Inf' })).to.be.at.least(1);
      // Never a raw id or path in a label.
      expect(text).not.to.include(jobId);
      expect(text).not.to.include(gen.body.imageId);
      expect(text).not.to.include('/api/no/such/route');

      expect(sample(text, 'ais_job_duration_seconds_count', { name: 'generate-image', outcome: 'succeeded' })).to.be.at.least(1);
      expect(sample(text, 'ais_provider_requests_total', { provider: 'local', outcome: 'success' })).to.be.at.least(1);
      expect(sample(text, 'ais_rate_limited_total', { limit: 'enhance' })).to.be.at.least(1);
      expect(sample(text, 'ais_ledger_movements_total', { reason: 'admin' })).to.be.at.least(1);
      expect(sample(text, 'ais_ledger_movements_total', { reason: 'generation' })).to.be.at.least(1);
      expect(sample(text, 'ais_jobs_waiting', { name: 'generate-image' })).to.equal(0);
      // The default process metrics.
      expect(sample(text, 'process_cpu_user_seconds_total')).to.be.a('number');
      expect(sample(text, 'nodejs_eventloop_lag_seconds')).to.be.a('number');
      await setTenantConfig({ limits: { enhancePerMinute: 60 } });
    });

    it('a movement is counted once committed, never when its transaction rolls back', async () => {
      const before = sample(await scrape(), 'ais_ledger_movements_total', { reason: 'bonus' }) ?? 0;
      const userId = await userIdOf('metered');
      const move = (refId: string) => ({ tenantId: DEFAULT_TENANT_ID, userId, delta: 1000, reason: 'bonus' as const, refType: 'test', refId });
      const { db } = services();
      const rolledBack = await db.tx(async (t) => { await applyMovement(t, move('metrics-rollback')); throw new Error('roll back'); }).catch((e: Error) => e);
      expect(rolledBack).to.be.an('error');
      expect(sample(await scrape(), 'ais_ledger_movements_total', { reason: 'bonus' }) ?? 0).to.equal(before);
      await db.tx((t) => applyMovement(t, move('metrics-commit')));
      expect(sample(await scrape(), 'ais_ledger_movements_total', { reason: 'bonus' })).to.equal(before + 1);
      await s.ledgerOk();
    });

    it('ais_jobs_waiting counts due, untaken jobs from the jobs table (the same on every process)', async () => {
      // No worker handles this name, so its jobs stay waiting: what a stalled queue looks like.
      const queue = services().queue as JobQueue;
      await queue.agenda.now('metrics-test-unhandled', { n: 1 });
      await queue.agenda.now('metrics-test-unhandled', { n: 2 });
      const text = await scrape();
      expect(sample(text, 'ais_jobs_waiting', { name: 'metrics-test-unhandled' })).to.equal(2);
      expect(sample(text, 'ais_jobs_oldest_waiting_seconds', { name: 'metrics-test-unhandled' })).to.be.within(0, 60);
    });

    it('counts a provider fallback for the primary and the success for the fallback', async () => {
      const down = { name: 'flaky', generate: async () => { throw new ProviderError('provider_unavailable', 'down', true, 503); } };
      const p = instrumentProvider(new FallbackImageProvider(down, new LocalImageProvider()));
      const count = (text: string, provider: string, outcome: string) => sample(text, 'ais_provider_requests_total', { provider, outcome }) ?? 0;
      const before = await scrape();
      await p.generate({ prompt: 'a hill', tier: 'standard', width: 64, height: 64 });
      const after = await scrape();
      expect(count(after, 'flaky', 'fallback')).to.equal(count(before, 'flaky', 'fallback') + 1);
      expect(count(after, 'local', 'success')).to.equal(count(before, 'local', 'success') + 1);
      expect(count(after, 'flaky', 'error')).to.equal(0);
    });

    it('a real ROLE=worker process (main.ts) answers /metrics on METRICS_PORT, with the jobs table\'s backlog', async () => {
      const port = await closedPort();
      const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'main.ts');
      const proc = spawn(process.execPath, ['--import', 'tsx', MAIN], {
        env: {
          ...process.env, NODE_ENV: 'test', ROLE: 'worker', DATABASE_URL: dbUrl, DATA_DIR: s.dataDir, AUTH_JWT_SECRET: TEST_JWT_SECRET,
          PAYMENTS_SANDBOX_SECRET: 'sandbox-secret-for-tests-0123456789', MASTER_KEY: 'master-key-for-tests-0123456789',
          METRICS_PORT: String(port), METRICS_TOKEN: TOKEN, HOST: '127.0.0.1', LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      proc.stderr!.on('data', (d) => { err += d; });
      const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
      try {
        let text = '';
        for (const until = Date.now() + 45000; !text;) {
          const r = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } }).catch(() => undefined);
          if (r?.status === 200) text = await r.text();
          else if (Date.now() > until || proc.exitCode !== null) throw new Error(`worker metrics never answered:\n${err}`);
          else await new Promise((res) => setTimeout(res, 100));
        }
        // The worker reads the same table: it sees the jobs nobody handles, enqueued by this process.
        expect(sample(text, 'ais_jobs_waiting', { name: 'metrics-test-unhandled' })).to.equal(2);
        expect(sample(text, 'process_cpu_user_seconds_total')).to.be.a('number');
        expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).to.equal(401);
      } finally {
        proc.kill('SIGTERM');
        expect(await exited).to.equal(0);
      }
    });

    it('a worker serves its own /metrics on METRICS_PORT, with the same token', async () => {
      const server: Server = await startMetricsServer({ port: 0, host: '127.0.0.1', token: TOKEN });
      try {
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const denied = await fetch(`${base}/metrics`);
        expect(denied.status).to.equal(401);
        expect(denied.headers.get('content-type')).to.equal('application/problem+json');
        const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(ok.status).to.equal(200);
        expect(await ok.text()).to.include('ais_jobs_waiting');
        expect((await fetch(`${base}/api/studio/tiers`)).status).to.equal(404);
      } finally {
        await new Promise((r) => server.close(r));
      }
    });
  });
}
