import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import { databases, startServer, waitForJob, sleep, TEST_JWT_SECRET, type TestServer } from '../support/harness.js';
import { expectProblem, ledgerOf } from '../support/foundation-helpers.js';
import { firstCategory } from '../support/community-fixtures.js';
import { startS3, type TestS3 } from '../support/s3.js';
import { GenerationJob } from '../../src/models/index.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';

/**
 * STORAGE_URL=s3://... against a real S3-protocol server (s3rver): images are drawn by a worker in another process
 * with its own DATA_DIR and served by the API process from the bucket (so any instance can serve them); an
 * unreachable store is 503 storage_unavailable for the request and a retry for the job, never a lost image.
 */
const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'support', 'worker-process.ts');
const BUCKET = 'ais-e2e';

function startWorker(env: Record<string, string>): Promise<{ proc: ChildProcess; exited: Promise<unknown> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: { ...process.env, NODE_ENV: 'test', ROLE: 'worker', AUTH_JWT_SECRET: TEST_JWT_SECRET, PAYMENTS_SANDBOX_SECRET: 'sandbox-secret-for-tests-0123456789',
      MASTER_KEY: 'master-key-for-tests-0123456789', JOB_POLL_MS: '50', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise((r) => proc.on('exit', r));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 30000);
    proc.stdout!.on('data', () => { if (out.includes('READY')) { clearTimeout(timer); resolve({ proc, exited }); } });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`worker exited with ${code}:\n${out}`)); });
  });
}

async function waitUntil<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 20000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const filesUnder = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String) : []);

for (const dbDef of databases()) {
  describe(`object storage on S3: worker and API in separate processes (${dbDef.name})`, function () {
    this.timeout(90000);
    let s: TestServer;
    let s3: TestS3;
    let drop: () => Promise<void>;
    let worker: { proc: ChildProcess; exited: Promise<unknown> } | undefined;
    const workerDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-worker-'));
    before(async () => {
      s3 = await startS3();
      await s3.createBucket(BUCKET);
      const db = await dbDef.make();
      drop = db.drop;
      // This process is the API only; the worker has a DATA_DIR of its own, so the bytes can only travel through the bucket.
      s = await startServer({ dbUrl: db.url, worker: false, env: s3.env(BUCKET) });
      worker = await startWorker({ DATABASE_URL: db.url, DATA_DIR: workerDataDir, ...s3.env(BUCKET), JOB_RETRY_DELAYS_MS: '1000,1000' });
    });
    after(async () => {
      if (worker && worker.proc.exitCode === null) { worker.proc.kill('SIGTERM'); await worker.exited; }
      await s?.close();
      await drop?.();
      await s3?.close();
      fs.rmSync(workerDataDir, { recursive: true, force: true });
    });

    it('/readyz checks the bucket', async () => {
      const r = await s.call('GET', '/readyz');
      expect(r.status).to.equal(200);
      expect(r.body).to.include({ status: 'ready', storage: 's3' });
    });

    it('generate -> stored in the bucket -> signed URLs, public image, share page and poster served from it; delete removes it', async () => {
      const alice = s.token('alice');
      await s.grant('alice', 5);
      const gen = await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a lighthouse at dawn, poster', tier: 'standard' } });
      expect(gen.status).to.equal(202);
      const job = await waitForJob(s, alice, gen.body.jobId);
      expect(job.status).to.equal('succeeded');
      const userId = (await GenerationJob.findByPk(gen.body.jobId))!.userId;
      const base = `studio/${DEFAULT_TENANT_ID}/${userId}/${gen.body.imageId}`;
      const original = await s3.getObject(BUCKET, `${base}.png`);
      const thumb = await s3.getObject(BUCKET, `${base}.thumb.webp`);
      expect(original, 'original in the bucket').to.not.equal(null);
      expect(thumb, 'thumbnail in the bucket').to.not.equal(null);

      const img = await fetch(job.imageUrl);
      expect(img.status).to.equal(200);
      expect(img.headers.get('content-type')).to.equal('image/png');
      expect(Buffer.from(await img.arrayBuffer()).equals(original!)).to.equal(true);
      const th = await fetch(job.thumbnailUrl);
      expect(th.status).to.equal(200);
      expect(Buffer.from(await th.arrayBuffer()).equals(thumb!)).to.equal(true);

      const cat = await firstCategory(s, alice);
      const pub = await s.call('POST', '/api/community/publish', { token: alice, body: { imageId: gen.body.imageId, title: 'Lighthouse', categoryId: cat, visibility: 'public' } });
      expect(pub.status, JSON.stringify(pub.body)).to.equal(201);
      const postId = pub.body.postId as string;
      const publicObj = await s3.getObject(BUCKET, `studio/public/${DEFAULT_TENANT_ID}/${postId}.png`);
      expect(publicObj, 'public rendition in the bucket').to.not.equal(null);
      const pubImg = await fetch(`${s.baseUrl}/api/public/posts/${postId}/image`);
      expect(pubImg.status).to.equal(200);
      expect(Buffer.from(await pubImg.arrayBuffer()).equals(publicObj!)).to.equal(true);
      expect((await fetch(`${s.baseUrl}/api/public/posts/${postId}/image?variant=thumb`)).status).to.equal(200);
      expect((await fetch(`${s.baseUrl}/share/${postId}`)).status).to.equal(200);
      const poster = await fetch(`${s.baseUrl}/api/referrals/poster/${gen.body.imageId}`, { headers: { authorization: `Bearer ${alice}` } });
      expect(poster.status).to.equal(200);
      expect(poster.headers.get('content-type')).to.match(/^image\/png/);

      // Nothing went to either process's local disk.
      expect(filesUnder(path.join(s.dataDir, 'images'))).to.deep.equal([]);
      expect(filesUnder(path.join(workerDataDir, 'images'))).to.deep.equal([]);

      const del = await s.call('DELETE', `/api/studio/my-creations/${gen.body.imageId}`, { token: alice });
      expect(del.status).to.be.oneOf([200, 204]);
      expect(await s3.listKeys(BUCKET, `studio/${DEFAULT_TENANT_ID}/${userId}/`)).to.deep.equal([]);
      expect(await s3.listKeys(BUCKET, `studio/public/${DEFAULT_TENANT_ID}/${postId}`)).to.deep.equal([]);
      await s.ledgerOk();
    });

    it('the store goes away: 503 storage_unavailable and not_ready; the job retries and succeeds once the store is back', async () => {
      const bob = s.token('bob');
      await s.grant('bob', 5);
      const first = await s.call('POST', '/api/studio/generate', { token: bob, body: { prompt: 'a red kite over hills', tier: 'standard' } });
      const done = await waitForJob(s, bob, first.body.jobId);
      expect(done.status).to.equal('succeeded');

      await s3.stop();
      try {
        expectProblem(await s.call('GET', '/readyz'), 503, 'not_ready');
        const img = await fetch(done.imageUrl);
        expect(img.status).to.equal(503);
        const body = await img.json() as { code: string };
        expect(body.code).to.equal('storage_unavailable');
        const cat = await firstCategory(s, bob);
        expectProblem(await s.call('POST', '/api/community/publish', { token: bob, body: { imageId: first.body.imageId, title: 'Kite', categoryId: cat, visibility: 'public' } }),
          503, 'storage_unavailable');
        expect((await s.call('GET', '/healthz')).status).to.equal(200);

        const gen = await s.call('POST', '/api/studio/generate', { token: bob, body: { prompt: 'a blue kite over hills', tier: 'standard' } });
        expect(gen.status).to.equal(202);
        // The first attempt fails on the store and the job goes back to the queue with the store's code.
        await waitUntil('a storage failure on the job', async () => {
          const row = await GenerationJob.findByPk(gen.body.jobId);
          return row && row.errorCode === 'storage_unavailable' && row.status === 'queued' && row.attempts === 1;
        });
        await s3.start();
        const job = await waitForJob(s, bob, gen.body.jobId);
        expect(job).to.include({ status: 'succeeded', refunded: false });
        expect((await GenerationJob.findByPk(gen.body.jobId))!.attempts).to.equal(2);
        const bytes = await fetch(job.imageUrl);
        expect(bytes.status).to.equal(200);
        expect((await s.call('GET', '/readyz')).status).to.equal(200);
      } finally {
        await s3.start().catch(() => undefined);
      }
      const ledger = await ledgerOf('bob');
      expect(ledger.map((e) => e.reason)).to.deep.equal(['admin', 'generation', 'generation']);
      await s.ledgerOk();
    });
  });

  describe(`object storage on S3: a missing bucket (${dbDef.name})`, function () {
    this.timeout(60000);
    let s: TestServer;
    let s3: TestS3;
    let drop: () => Promise<void>;
    before(async () => {
      s3 = await startS3();
      const db = await dbDef.make();
      drop = db.drop;
      s = await startServer({ dbUrl: db.url, env: { ...s3.env('ais-never-created'), JOB_RETRY_DELAYS_MS: '50,50' } });
    });
    after(async () => {
      await s?.close();
      await drop?.();
      await s3?.close();
    });

    it('/readyz is 503 not_ready; a generation is retried, then failed with storage_unavailable and refunded once', async () => {
      const r = await s.call('GET', '/readyz');
      expectProblem(r, 503, 'not_ready');
      expect(JSON.stringify(r.body)).to.not.match(/S3RVER|NoSuchBucket|ais-never-created/);
      const carol = s.token('carol');
      await s.grant('carol', 5);
      const gen = await s.call('POST', '/api/studio/generate', { token: carol, body: { prompt: 'a quiet harbour', tier: 'premium2' } });
      expect(gen.status).to.equal(202);
      const job = await waitForJob(s, carol, gen.body.jobId);
      expect(job).to.include({ status: 'failed', error: 'storage_unavailable', refunded: true, creditDebited: 2 });
      expect(job.imageUrl).to.equal(undefined);
      const row = await GenerationJob.findByPk(gen.body.jobId);
      expect(row!.attempts).to.equal(row!.maxAttempts);
      const ledger = await ledgerOf('carol');
      expect(ledger.map((e) => [e.reason, e.delta])).to.deep.equal([['admin', 5000], ['generation', -2000], ['refund', 2000]]);
      expect((await s.call('GET', '/api/credits/balance', { token: carol })).body.credits).to.equal(5);
      await s.ledgerOk();
    });
  });

  describe(`object storage: the file: backend (${dbDef.name})`, function () {
    this.timeout(60000);
    let s: TestServer;
    let drop: () => Promise<void>;
    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      s = await startServer({ dbUrl: db.url });
    });
    after(async () => { await s?.close(); await drop?.(); });

    it('is the default: images under DATA_DIR/images, /readyz says file', async () => {
      expect((await s.call('GET', '/readyz')).body).to.include({ status: 'ready', storage: 'file' });
      const dave = s.token('dave');
      await s.grant('dave', 2);
      const gen = await s.call('POST', '/api/studio/generate', { token: dave, body: { prompt: 'a paper boat', tier: 'standard' } });
      const job = await waitForJob(s, dave, gen.body.jobId);
      expect(job.status).to.equal('succeeded');
      expect(filesUnder(path.join(s.dataDir, 'images')).filter((f) => f.endsWith(`${gen.body.imageId}.png`))).to.have.length(1);
      expect((await fetch(job.imageUrl)).status).to.equal(200);
    });
  });
}
