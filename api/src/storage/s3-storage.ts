import { createRequire } from 'node:module';
import type * as S3 from '@aws-sdk/client-s3';
import type { StorageConfig } from '../config.js';
import { logger } from '../logger.js';
import { StorageError, type BlobStorage } from './storage.js';

type S3Config = Extract<StorageConfig, { kind: 's3' }>;

// The SDK is a large module tree: loaded (synchronously, its CommonJS build) only when an S3 store is configured,
// so the embedded default starts without it.
// Loaded on first use (only S3 deployments pay for it); a module, so nothing to reset between tests.
const loaded: { sdk?: typeof S3 } = {};
const loadSdk = () => (loaded.sdk ??= createRequire(import.meta.url)('@aws-sdk/client-s3') as typeof S3);

/**
 * Image bytes in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2 ...), so every API instance and worker sees
 * the same objects. A PutObject is atomic: an object is either absent or complete, never half written.
 * Every call is bounded (connection and request timeouts, a few retries by the SDK's standard strategy, and an
 * overall deadline), and every failure other than "no such key" becomes StorageError (503 storage_unavailable).
 */
export class S3Storage implements BlobStorage {
  readonly kind = 's3';
  private readonly client: S3.S3Client;
  private readonly deadlineMs: number;
  private readonly sdk = loadSdk();

  constructor(private readonly cfg: S3Config) {
    this.client = new this.sdk.S3Client({
      region: cfg.region,
      endpoint: cfg.endpoint,
      // MinIO and most self-hosted stores are addressed by path (host/bucket/key), not by a bucket subdomain.
      forcePathStyle: !!cfg.endpoint,
      credentials: cfg.accessKeyId && cfg.secretAccessKey ? { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey } : undefined,
      maxAttempts: cfg.maxAttempts,
      requestHandler: {
        connectionTimeout: Math.min(cfg.timeoutMs, 3000),
        requestTimeout: cfg.timeoutMs,
        throwOnRequestTimeout: true,
      },
      // Checksums only where S3 requires them: S3-compatible stores differ in which checksum headers they accept.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    // Every attempt may take the full request timeout, plus the SDK's backoff between attempts.
    this.deadlineMs = cfg.timeoutMs * cfg.maxAttempts + 2000;
  }

  private key(key: string) {
    return this.cfg.prefix ? `${this.cfg.prefix}/${key}` : key;
  }

  private async send<T>(operation: string, key: string | undefined, run: (signal: AbortSignal) => Promise<T>, deadlineMs = this.deadlineMs): Promise<T> {
    try {
      return await run(AbortSignal.timeout(deadlineMs));
    } catch (err) {
      // A missing object is an answer (404 to the caller); a missing bucket (NoSuchBucket) is an outage.
      if (err instanceof this.sdk.S3ServiceException && err.name === 'NoSuchKey') throw err;
      const reason = describe(err, this.sdk);
      logger().warn({ storage: 's3', operation, bucket: this.cfg.bucket, key, reason }, 'object storage call failed');
      throw new StorageError(operation, reason);
    }
  }

  async put(key: string, data: Buffer, contentType: string) {
    await this.send('put', key, (abortSignal) => this.client.send(new this.sdk.PutObjectCommand({
      Bucket: this.cfg.bucket, Key: this.key(key), Body: data, ContentType: contentType, ContentLength: data.length,
    }), { abortSignal }));
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await this.send('get', key, async (abortSignal) => {
        const res = await this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.cfg.bucket, Key: this.key(key) }), { abortSignal });
        if (!res.Body) return Buffer.alloc(0);
        return Buffer.from(await res.Body.transformToByteArray());
      });
    } catch (err) {
      if (err instanceof this.sdk.S3ServiceException) return null;
      throw err;
    }
  }

  async delete(key: string) {
    await this.send('delete', key, (abortSignal) => this.client.send(new this.sdk.DeleteObjectCommand({ Bucket: this.cfg.bucket, Key: this.key(key) }), { abortSignal }));
  }

  async check() {
    // A readiness probe must answer within the prober's own timeout (often 1-5 s), whatever the retry settings.
    await this.send('check', undefined, (abortSignal) => this.client.send(new this.sdk.HeadBucketCommand({ Bucket: this.cfg.bucket }), { abortSignal }),
      Math.min(this.deadlineMs, 4000));
  }

  close() {
    this.client.destroy();
  }
}

/** A short, secret-free reason for logs: the S3 error name and status, or the network error's code. */
function describe(err: unknown, sdk: typeof S3): string {
  if (err instanceof sdk.S3ServiceException) {
    const status = err.$metadata?.httpStatusCode;
    return `${err.name}${status ? ` (${status})` : ''}`;
  }
  const e = err as { name?: string; code?: string };
  return e?.code ?? e?.name ?? 'unknown';
}
