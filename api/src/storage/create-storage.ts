import type { StorageConfig } from '../config.js';
import { LocalDiskStorage, type BlobStorage } from './storage.js';

/**
 * The image store STORAGE_URL names: a local directory (the embedded default) or an S3-compatible bucket.
 * The S3 client is loaded only when it is used: it is a large module tree, and the embedded default starts faster without it.
 */
export async function createStorage(cfg: StorageConfig): Promise<BlobStorage> {
  if (cfg.kind === 'file') return new LocalDiskStorage(cfg.dir);
  const { S3Storage } = await import('./s3-storage.js');
  return new S3Storage(cfg);
}
