import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';

/**
 * Where image bytes live: every original, thumbnail and public (watermarked) rendition goes through this
 * interface. STORAGE_URL picks the backend (create-storage.ts): a local directory, or an S3-compatible bucket.
 * A write is all or nothing (a reader never sees half an object), so a job may mark its image succeeded as
 * soon as put() has returned.
 */
export interface BlobStorage {
  /** `file` or `s3`, for /readyz and logs. */
  readonly kind: 'file' | 's3';
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when there is no such object; a store that cannot answer throws StorageError. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /** Throws StorageError when the store cannot be reached or written to (the readiness probe). */
  check(): Promise<void>;
  /** Releases connections at shutdown. */
  close?(): void;
}

/**
 * The store cannot answer (bucket missing, access denied, timeout, disk error). The request gets 503
 * `storage_unavailable`; a generation job treats it like a temporary provider outage and retries.
 */
export class StorageError extends AppError {
  constructor(readonly operation: string, readonly reason: string) {
    super('storage_unavailable', 'The image store is not reachable right now; try again shortly.');
  }
}

export class LocalDiskStorage implements BlobStorage {
  readonly kind = 'file';
  constructor(private readonly root: string) {}
  private file(key: string) {
    // Keys are made by us, but never let one escape the root.
    const p = path.resolve(this.root, key);
    if (!p.startsWith(path.resolve(this.root) + path.sep)) throw new Error('storage key escapes root');
    return p;
  }
  async put(key: string, data: Buffer) {
    const f = this.file(key);
    await fs.mkdir(path.dirname(f), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const tmp = `${f}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, f);
  }
  async get(key: string) {
    try {
      return await fs.readFile(this.file(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }
  async delete(key: string) {
    await fs.rm(this.file(key), { force: true });
  }
  async check() {
    try {
      await fs.mkdir(this.root, { recursive: true });
      await fs.access(this.root, fs.constants.W_OK);
    } catch (err) {
      throw new StorageError('check', (err as NodeJS.ErrnoException).code ?? 'unknown');
    }
  }
}
