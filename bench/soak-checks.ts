/**
 * The soak's end-of-run invariants, read from the database, the bucket and what the simulated users saw.
 * A check whose feature is not in this build (S3 storage, Redis limits) degrades to a warning that says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';
import { S3Client, ListObjectsV2Command, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { Tally } from './soak-users.js';

export interface Check { name: string; status: 'pass' | 'FAIL' | 'warn'; detail: string }
export interface Window { from: number; to: number; what: string }

const q = <T extends object>(db: Sequelize, sql: string): Promise<T[]> => db.query<T>(sql, { type: QueryTypes.SELECT });

export async function jobCounts(db: Sequelize) {
  const rows = await q<{ status: string; n: number }>(db, 'SELECT status, COUNT(*) AS n FROM generation_jobs GROUP BY status');
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
}
export const pending = (c: Record<string, number>) => (c.queued ?? 0) + (c.running ?? 0);

export async function checkJobs(db: Sequelize): Promise<Check[]> {
  const counts = await jobCounts(db);
  const out: Check[] = [];
  out.push({ name: 'every job is terminal', status: pending(counts) === 0 ? 'pass' : 'FAIL', detail: JSON.stringify(counts) });
  const badRefunds = await q<{ id: string; status: string; n: number }>(db, `
    SELECT j.id, j.status, COUNT(l.id) AS n FROM generation_jobs j
      LEFT JOIN credit_ledger l ON l.reason = 'refund' AND l.ref_type = 'job' AND l.ref_id = j.id
     GROUP BY j.id, j.status
    HAVING (j.status = 'failed' AND COUNT(l.id) <> 1) OR (j.status <> 'failed' AND COUNT(l.id) <> 0)`);
  out.push({ name: 'each failed job refunded exactly once (and no other job refunded)', status: badRefunds.length ? 'FAIL' : 'pass',
    detail: badRefunds.length ? JSON.stringify(badRefunds.slice(0, 5)) : `${counts.failed ?? 0} failed, ${counts.failed ?? 0} refunds` });
  const badDebits = await q<{ id: string; n: number }>(db, `
    SELECT j.id, COUNT(l.id) AS n FROM generation_jobs j
      LEFT JOIN credit_ledger l ON l.reason = 'generation' AND l.ref_type = 'job' AND l.ref_id = j.id
     GROUP BY j.id HAVING COUNT(l.id) <> 1`);
  out.push({ name: 'each job debited exactly once', status: badDebits.length ? 'FAIL' : 'pass', detail: badDebits.length ? JSON.stringify(badDebits.slice(0, 5)) : 'ok' });
  return out;
}

export async function checkOrders(db: Sequelize, t: Tally): Promise<Check> {
  const bad = await q<{ id: string; status: string; n: number }>(db, `
    SELECT o.id, o.status, COUNT(l.id) AS n FROM orders o
      LEFT JOIN credit_ledger l ON l.reason = 'purchase' AND l.ref_type = 'order' AND l.ref_id = o.id
     GROUP BY o.id, o.status
    HAVING (o.status = 'paid' AND COUNT(l.id) <> 1) OR (o.status <> 'paid' AND COUNT(l.id) <> 0)`);
  const paid = await q<{ id: string }>(db, "SELECT id FROM orders WHERE status = 'paid'");
  const paidIds = new Set(paid.map((r) => r.id));
  const lost = [...t.verifiedOrders].filter((id) => !paidIds.has(id));
  const ok = !bad.length && !lost.length;
  return { name: 'each paid order credited exactly once', status: ok ? 'pass' : 'FAIL',
    detail: ok ? `${paid.length} paid orders, ${t.verifiedOrders.size} verified by users` : JSON.stringify({ bad: bad.slice(0, 5), verifiedButNotPaid: lost.slice(0, 5) }) };
}

export function checkRateLimit(t: Tally, limit: number, redisKeysSeen: number): Check {
  const over = t.bursts.filter((b) => b.accepted > limit);
  const detail = `${t.bursts.length} bursts of ${t.bursts[0]?.sent ?? '-'} generates (limit ${limit}/min): accepted ${t.bursts.map((b) => b.accepted).join(',') || '-'}`;
  if (!over.length) return { name: 'no user got more than its rate limit across processes', status: 'pass', detail };
  if (redisKeysSeen === 0) {
    return { name: 'no user got more than its rate limit across processes', status: 'warn',
      detail: `${detail}; REDIS_URL is not honoured by this build (no key was ever written to the soak's Redis database): limits are per process` };
  }
  return { name: 'no user got more than its rate limit across processes', status: 'FAIL', detail };
}

async function listBucket(endpoint: string, bucket: string): Promise<string[]> {
  const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const r = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const o of r.Contents ?? []) keys.push(o.Key!);
    token = r.IsTruncated ? r.NextContinuationToken : undefined;
  } while (token);
  s3.destroy();
  return keys;
}

/** The wanted keys (under the soak's `soak/` prefix) that a HEAD does not find, 16 at a time. */
async function headMissing(s3: { endpoint: string; bucket: string }, wanted: string[]): Promise<string[]> {
  const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const missing: string[] = [];
  for (let i = 0; i < wanted.length; i += 16) {
    await Promise.all(wanted.slice(i, i + 16).map(async (k) => {
      try { await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `soak/${k}` })); } catch { missing.push(k); }
    }));
  }
  client.destroy();
  return missing;
}

export async function checkObjects(db: Sequelize, s3: { endpoint: string; bucket: string }, dataDir: string): Promise<Check> {
  const images = await q<{ id: string; storage_key: string | null; thumb_key: string | null }>(db,
    "SELECT id, storage_key, thumb_key FROM generated_images WHERE status = 'succeeded' AND deleted_at IS NULL");
  const wanted = images.flatMap((i) => [i.storage_key, i.thumb_key]).filter((k): k is string => !!k);
  const name = "every succeeded image's object exists in the bucket";
  let objects: string[];
  try {
    objects = await listBucket(s3.endpoint, s3.bucket);
  } catch (err) {
    // s3rver answers 500 to some listings of a few thousand objects: ask for each wanted object instead.
    console.warn(`bucket listing failed (${(err as Error).name}); checking each object with HEAD`);
    const missing = await headMissing(s3, wanted);
    return { name, status: missing.length ? 'FAIL' : 'pass', detail: `${wanted.length - missing.length} of ${wanted.length} objects (${images.length} images) present (HEAD per object)${missing.length ? `; missing e.g. ${missing.slice(0, 3).join(', ')}` : ''}` };
  }
  if (objects.length === 0 && wanted.length > 0) {
    const onDisk = wanted.filter((k) => fs.existsSync(path.join(dataDir, 'images', k)));
    const missing = wanted.length - onDisk.length;
    return { name, status: missing ? 'FAIL' : 'warn',
      detail: `STORAGE_URL is not honoured by this build (the bucket is empty): checked DATA_DIR/images instead: ${onDisk.length} of ${wanted.length} files of ${images.length} images present` };
  }
  const missing = wanted.filter((k) => !objects.some((o) => o === k || o.endsWith(`/${k}`)));
  return { name, status: missing.length ? 'FAIL' : 'pass', detail: `${wanted.length - missing.length} of ${wanted.length} objects (${images.length} images) present${missing.length ? `; missing e.g. ${missing.slice(0, 3).join(', ')}` : ''}` };
}

export function checkErrors(t: Tally, windows: Window[]): Check[] {
  const inWindow = (s: { t0: number; t1: number }) => windows.some((w) => s.t1 >= w.from && s.t0 <= w.to);
  const outside = t.samples.filter((s) => !inWindow(s));
  const summary = (xs: typeof outside) => JSON.stringify(xs.reduce<Record<string, number>>((m, s) => { const k = `${s.label} ${s.status || s.code}`; m[k] = (m[k] ?? 0) + 1; return m; }, {}));
  // A refused or reset connection outside a kill window means a process died or dropped requests on its own.
  const bad = outside.filter((s) => s.status >= 500 || (s.status === 0 && s.code !== 'TimeoutError'));
  // No answer within the client's 30 s: not an error the server sent, but an overload worth failing on.
  const slow = outside.filter((s) => s.code === 'TimeoutError');
  return [
    { name: 'no 5xx (nor refused connection) outside the kill windows', status: bad.length ? 'FAIL' : 'pass', detail: bad.length ? summary(bad) : 'none' },
    { name: 'every request answered within 30 s outside the kill windows', status: slow.length ? 'FAIL' : 'pass', detail: slow.length ? `${slow.length} timed out: ${summary(slow)}` : 'none' },
  ];
}
