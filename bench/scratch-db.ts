import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { dropDatabase } from '../api/src/db.js';

/** A fresh database for one bench run: a temporary SQLite file, or a random database on MYSQL_URL; `drop` removes it. */
export async function scratchDatabase(kind: 'sqlite' | 'mysql'): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-bench-db-'));
    return { url: `sqlite:${path.join(dir, 'bench.sqlite')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const u = new URL(process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/x');
  const name = `ais_bench_${crypto.randomBytes(4).toString('hex')}`;
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => dropDatabase(u.toString()) };
}
