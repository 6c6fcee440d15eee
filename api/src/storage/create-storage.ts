import type { StorageConfig } from '../config.js';
import { LocalDiskStorage, type BlobStorage } from './storage.js';
import { S3Storage } from './s3-storage.js';

/** The image store STORAGE_URL names: a local directory (the embedded default) or an S3-compatible bucket. */
export function createStorage(cfg: StorageConfig): BlobStorage {
  // Imported statically: a dynamic import() of our own modules can load a second copy of them under tsx + mocha
  // (see http/examples.ts), and StorageError would then no longer be recognised.
  return cfg.kind === 's3' ? new S3Storage(cfg) : new LocalDiskStorage(cfg.dir);
}
