import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeEachDatabase } from '../support/each-database.js';
import { TEST_JWT_SECRET, type TestServer } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { WebhookDelivery } from '../../src/models/index.js';

/**
 * Two worker processes (the test server's own and a spawned one) deliver the same endpoint's events at the same time,
 * some of them retried after a 500: the receiver gets every event, each attempt once, nothing twice after a 2xx.
 */
const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'support', 'worker-process.ts');
const env = { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_RETRY_DELAYS_MS: '50,50,50', JOB_POLL_MS: '50', JOB_SWEEP_EVERY: '1 second' };

function startWorker(s: TestServer, dbUrl: string): Promise<{ proc: ChildProcess; exited: Promise<unknown> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: {
      ...process.env, ...env, NODE_ENV: 'test', ROLE: 'worker', DATABASE_URL: dbUrl, DATA_DIR: s.dataDir, AUTH_JWT_SECRET: TEST_JWT_SECRET,
      PAYMENTS_SANDBOX_SECRET: 'sandbox-secret-for-tests-0123456789', MASTER_KEY: 'master-key-for-tests-0123456789',
      WORKER_NAME: 'webhook-worker-2', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise((r) => proc.on('exit', r));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 30000);
    proc.stdout!.on('data', () => { if (out.includes('READY')) { clearTimeout(timer); resolve({ proc, exited }); } });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`worker exited with ${String(code)}:\n${out}`)); });
  });
}

describeEachDatabase('webhook deliveries across two worker processes', { server: { env }, timeout: 120000 }, function (db) {
  const s = db.server;
  const rx = new WebhookReceiver();
  let worker: { proc: ChildProcess; exited: Promise<unknown> } | undefined;
  before(async () => {
    await rx.start();
    worker = await startWorker(s, db.url);
  });
  after(async () => {
    if (worker && worker.proc.exitCode === null) { worker.proc.kill('SIGTERM'); await worker.exited; }
    await rx.stop();
  });

  it('every event arrives, each once after its 2xx, while both processes deliver', async () => {
    const admin = s.token('hook-admin', { role: 'admin' });
    // Every third request fails: those deliveries are retried, by whichever process claims them first.
    rx.script('/two', (k) => (k % 3 === 0 ? 500 : 200));
    const created = await s.call('POST', '/api/admin/webhooks', { token: admin, body: { url: `${rx.url}/two`, events: ['credits.granted'] } });
    expect(created.status).to.equal(201);
    rx.secret('/two', created.body.secret);
    const n = 24;
    let last = '';
    for (let i = 0; i < n; i++) {
      const r = await s.call('POST', '/api/admin/credits/grant', { token: admin, body: { userId: `two-${i}`, credits: 1, note: 'fan' } });
      expect(r.status).to.equal(200);
    }
    const ds = await waitUntil('all delivered', async () => {
      const rows = await WebhookDelivery.findAll({ where: { endpointId: created.body.id } });
      last = rows.map((d) => `${d.status}/${d.attempt}/${d.lastError ?? ''}/${d.nextAttemptAt?.toISOString() ?? ''}`).join('\n');
      return rows.length === n && rows.every((d) => d.status !== 'pending') ? rows : undefined;
    }, 60000).catch((err) => { throw new Error(`${(err as Error).message}\n${last}`); });
    // The 500s fall on whichever attempt comes third, sixth...: a delivery may meet several and end failed; each ends once.
    for (const d of ds) expect(d.status === 'succeeded' || (d.status === 'failed' && d.attempt === 4), `${d.status}/${d.attempt}`).to.equal(true);
    const got = rx.on('/two');
    expect(got.every((r) => r.verified)).to.equal(true);
    expect(new Set(got.map((r) => r.id)).size).to.equal(n);
    // Attempts the receiver saw = attempts recorded: no attempt was made twice.
    expect(got.length).to.equal(ds.reduce((sum, d) => sum + d.attempt, 0));
    // Each event arrived exactly as often as its delivery was attempted (failures, then one 2xx, nothing after it).
    for (const d of ds) expect(got.filter((r) => r.id === d.eventId).length, d.eventId).to.equal(d.attempt);
  });
});
