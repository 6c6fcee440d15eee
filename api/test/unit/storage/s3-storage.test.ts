import { expect } from 'chai';
import { S3Storage } from '../../../src/storage/s3-storage.js';
import { LocalDiskStorage, StorageError } from '../../../src/storage/storage.js';
import { createStorage } from '../../../src/storage/create-storage.js';
import { loadConfig } from '../../../src/config.js';
import { startS3, startSilentServer, S3_KEY, S3_SECRET, type TestS3 } from '../../support/s3.js';

/** The S3 backend against a real S3-protocol server (s3rver): round trips, prefixes, and every way a store fails. */
describe('storage: S3Storage against s3rver', function () {
  this.timeout(30000);
  let s3: TestS3;
  const cfg = (over: Partial<ConstructorParameters<typeof S3Storage>[0]> = {}): ConstructorParameters<typeof S3Storage>[0] => ({
    kind: 's3', bucket: 'unit-bucket', prefix: 'pre/fix', region: 'us-east-1', endpoint: s3.endpoint,
    accessKeyId: S3_KEY, secretAccessKey: S3_SECRET, timeoutMs: 2000, maxAttempts: 2, ...over,
  });
  before(async () => {
    s3 = await startS3();
    await s3.createBucket('unit-bucket');
  });
  after(async () => { await s3?.close(); });

  it('puts, gets and deletes objects under the prefix; a missing key is null', async () => {
    const st = new S3Storage(cfg());
    try {
      await st.check();
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
      await st.put('t1/u1/img.png', bytes, 'image/png');
      expect(await s3.listKeys('unit-bucket')).to.deep.equal(['pre/fix/t1/u1/img.png']);
      expect((await s3.getObject('unit-bucket', 'pre/fix/t1/u1/img.png'))!.equals(bytes)).to.equal(true);
      expect((await st.get('t1/u1/img.png'))!.equals(bytes)).to.equal(true);
      expect(await st.get('t1/u1/nothing.png')).to.equal(null);
      await st.delete('t1/u1/img.png');
      await st.delete('t1/u1/img.png');
      expect(await st.get('t1/u1/img.png')).to.equal(null);
      expect(await s3.listKeys('unit-bucket')).to.deep.equal([]);
    } finally {
      st.close();
    }
  });

  it('a missing bucket is an outage, not a missing object: every call throws StorageError (503 storage_unavailable)', async () => {
    const st = new S3Storage(cfg({ bucket: 'no-such-bucket' }));
    try {
      for (const call of [() => st.check(), () => st.get('a.png'), () => st.put('a.png', Buffer.from('x'), 'image/png'), () => st.delete('a.png')]) {
        const err = await call().then(() => undefined, (e: unknown) => e);
        expect(err).to.be.instanceOf(StorageError);
        expect(err).to.include({ code: 'storage_unavailable', status: 503 });
      }
    } finally {
      st.close();
    }
  });

  it('wrong credentials are StorageError, and the secret never appears in the error', async () => {
    const st = new S3Storage(cfg({ accessKeyId: 'NOT-A-KEY', secretAccessKey: 'super-secret-value' }));
    try {
      const err = (await st.check().then(() => undefined, (e: unknown) => e)) as StorageError;
      expect(err).to.be.instanceOf(StorageError);
      expect(err.reason).to.match(/InvalidAccessKeyId|AccessDenied|403/);
      expect(JSON.stringify({ ...err, message: err.message })).to.not.include('super-secret-value');
      expect(await st.get('a.png').then(() => 'answered', (e: unknown) => e)).to.be.instanceOf(StorageError);
    } finally {
      st.close();
    }
  });

  it('a store that never answers times out within the configured bound', async () => {
    const silent = await startSilentServer();
    const st = new S3Storage(cfg({ endpoint: silent.endpoint, timeoutMs: 300, maxAttempts: 2 }));
    try {
      const t0 = Date.now();
      const err = await st.put('a.png', Buffer.from('x'), 'image/png').then(() => undefined, (e: unknown) => e);
      expect(err).to.be.instanceOf(StorageError);
      // Two attempts of 300 ms plus the SDK's backoff, and far below the default deadline.
      expect(Date.now() - t0).to.be.below(300 * 2 + 2000);
      expect(await st.check().then(() => 'answered', (e: unknown) => e)).to.be.instanceOf(StorageError);
    } finally {
      st.close();
    }
    // The readiness check gives up after 4 s even when the calls' own budget is longer.
    const slow = new S3Storage(cfg({ endpoint: silent.endpoint, timeoutMs: 10000, maxAttempts: 3 }));
    try {
      const t0 = Date.now();
      expect(await slow.check().then(() => 'answered', (e: unknown) => e)).to.be.instanceOf(StorageError);
      expect(Date.now() - t0).to.be.within(3500, 6000);
    } finally {
      slow.close();
      await silent.close();
    }
  });

  it('a stopped server is StorageError; the same storage works again once it is back', async () => {
    const st = new S3Storage(cfg());
    try {
      await st.put('back.png', Buffer.from('before'), 'image/png');
      await s3.stop();
      expect(await st.get('back.png').then(() => 'answered', (e: unknown) => e)).to.be.instanceOf(StorageError);
      await s3.start();
      expect((await st.get('back.png'))!.toString()).to.equal('before');
    } finally {
      st.close();
    }
  });
});

describe('storage: STORAGE_URL', () => {
  it('defaults to file:$DATA_DIR/images, and parses file: and s3:// URLs with the S3 variables', () => {
    const base = { DATA_DIR: '/tmp/ais-cfg', AUTH_JWT_SECRET: 'j'.repeat(32), PAYMENTS_SANDBOX_SECRET: 'p'.repeat(32), MASTER_KEY: 'm'.repeat(32) };
    expect(loadConfig(base).storage).to.deep.equal({ kind: 'file', dir: '/tmp/ais-cfg/images' });
    expect(loadConfig({ ...base, STORAGE_URL: 'file:/srv/images' }).storage).to.deep.equal({ kind: 'file', dir: '/srv/images' });
    expect(loadConfig({ ...base, STORAGE_URL: 'file:///srv/images' }).storage).to.deep.equal({ kind: 'file', dir: '/srv/images' });
    expect(createStorage(loadConfig(base).storage)).to.be.instanceOf(LocalDiskStorage);
    const s3cfg = loadConfig({ ...base, STORAGE_URL: 's3://my-bucket/studio/images/', S3_ENDPOINT: 'http://minio:9000', AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 'secret' }).storage;
    expect(s3cfg).to.deep.equal({ kind: 's3', bucket: 'my-bucket', prefix: 'studio/images', region: 'eu-west-1', endpoint: 'http://minio:9000',
      accessKeyId: 'AKIA', secretAccessKey: 'secret', timeoutMs: 10000, maxAttempts: 3 });
    expect(loadConfig({ ...base, STORAGE_URL: 's3://my-bucket' }).storage).to.include({ kind: 's3', bucket: 'my-bucket', prefix: '', region: 'us-east-1' });
  });

  it('lists every storage problem at once', () => {
    const base = { DATA_DIR: '/tmp/ais-cfg', AUTH_JWT_SECRET: 'j'.repeat(32), PAYMENTS_SANDBOX_SECRET: 'p'.repeat(32), MASTER_KEY: 'm'.repeat(32) };
    const problems = (env: Record<string, string>) => {
      try { loadConfig({ ...base, ...env }); } catch (err) { return (err as { problems: string[] }).problems; }
      return [];
    };
    expect(problems({ STORAGE_URL: 'ftp://x/y' })).to.have.length(1);
    expect(problems({ STORAGE_URL: 's3://Bad_Bucket/x' })[0]).to.match(/STORAGE_URL/);
    expect(problems({ STORAGE_URL: 's3://good-bucket/x', S3_ENDPOINT: 'minio:9000', AWS_ACCESS_KEY_ID: 'only-id', S3_TIMEOUT_MS: '5' }))
      .to.have.length(3);
  });
});
