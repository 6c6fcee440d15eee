import fs from 'node:fs/promises';
import path from 'node:path';

/** Where image bytes live. Local disk under DATA_DIR is the default; an S3-compatible store is a later adapter. */
export interface BlobStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

export class LocalDiskStorage implements BlobStorage {
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
}
