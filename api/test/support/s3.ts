import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import S3rver from 's3rver';
import { S3Client, CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, DeleteBucketCommand, DeleteObjectsCommand } from '@aws-sdk/client-s3';

/** s3rver accepts this key pair (its default account). */
export const S3_KEY = 'S3RVER';
export const S3_SECRET = 'S3RVER';

/**
 * A real S3-protocol server (s3rver) on a free loopback port with its own temp directory. stop() and start()
 * again keep the port and the data, so a test can take the store away and bring it back.
 */
export interface TestS3 {
  endpoint: string;
  client: S3Client;
  createBucket(name: string): Promise<void>;
  deleteBucket(name: string): Promise<void>;
  /** The object's bytes, or null when it does not exist. */
  getObject(bucket: string, key: string): Promise<Buffer | null>;
  listKeys(bucket: string, prefix?: string): Promise<string[]>;
  /** STORAGE_URL and friends for the server under test. */
  env(bucket: string, prefix?: string): Record<string, string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startS3(): Promise<TestS3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-s3-'));
  let server: S3rver | undefined = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: S3_KEY, secretAccessKey: S3_SECRET },
    requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const s3: TestS3 = {
    endpoint,
    client,
    async createBucket(name) { await client.send(new CreateBucketCommand({ Bucket: name })); },
    async deleteBucket(name) {
      const keys = await s3.listKeys(name);
      if (keys.length) await client.send(new DeleteObjectsCommand({ Bucket: name, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
      await client.send(new DeleteBucketCommand({ Bucket: name }));
    },
    async getObject(bucket, key) {
      try {
        const r = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return Buffer.from(await r.Body!.transformToByteArray());
      } catch (err) {
        if ((err as Error).name === 'NoSuchKey') return null;
        throw err;
      }
    },
    async listKeys(bucket, prefix) {
      const r = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (r.Contents ?? []).map((o) => o.Key!).sort();
    },
    env(bucket, prefix = 'studio') {
      return { STORAGE_URL: `s3://${bucket}/${prefix}`, S3_ENDPOINT: endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: S3_KEY, AWS_SECRET_ACCESS_KEY: S3_SECRET,
        S3_TIMEOUT_MS: '2000', S3_MAX_ATTEMPTS: '2' };
    },
    async stop() {
      await server?.close();
      server = undefined;
    },
    async start() {
      if (server) return;
      server = new S3rver({ address: '127.0.0.1', port, silent: true, directory: dir });
      await server.run();
    },
    async close() {
      client.destroy();
      await server?.close().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return s3;
}

/** A TCP server that accepts connections and never answers: an S3 endpoint that times out. */
export async function startSilentServer(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((sock) => { sockets.add(sock); sock.on('close', () => sockets.delete(sock)); sock.on('error', () => undefined); });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => srv.close(r));
    },
  };
}
