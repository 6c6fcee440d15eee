import crypto from 'node:crypto';
import type { Transaction } from 'sequelize';
import { AppError } from '../errors.js';
import { IdempotencyKey } from '../models/index.js';
import { canonicalJson } from './canonical-json.js';
import { isUniqueViolation } from '../db.js';
import type { Principal } from '../auth/principal.js';

/**
 * Idempotency-Key handling (CONTRACT.md): the key's row is inserted in the SAME transaction as the effect.
 * A concurrent request with the same key blocks on the unique index until the first commits, then
 * finds the stored response; if the first rolled back, it goes ahead itself. Keys live 24 h.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export interface StoredResponse<T> { status: number; body: T }

export function validateKey(key: string | undefined): string | undefined {
  if (key === undefined || key === '') return undefined;
  if (key.length > 191 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError('validation_error', 'Idempotency-Key: 1 to 191 visible ASCII characters.', { errors: [{ field: 'Idempotency-Key', message: 'invalid' }] });
  }
  return key;
}

export const hashRequest = (route: string, body: unknown) => crypto.createHash('sha256').update(route).update('\u0000').update(canonicalJson(body)).digest('hex');


/** Returns the earlier response for this key, or undefined when the caller should do the work. */
export async function findReplay<T>(p: Principal, key: string, route: string, hash: string, t?: Transaction): Promise<StoredResponse<T> | undefined> {
  const row = await IdempotencyKey.findOne({ where: { userId: p.userId, idemKey: key }, transaction: t });
  if (!row) return undefined;
  if (row.expiresAt.getTime() < Date.now()) {
    await row.destroy({ transaction: t });
    return undefined;
  }
  if (row.route !== route || row.requestHash !== hash) {
    throw new AppError('idempotency_conflict', 'This Idempotency-Key was used with a different request.');
  }
  return { status: row.responseStatus, body: JSON.parse(row.responseBody ?? 'null') as T };
}

/**
 * Claims the key first in the transaction, so a concurrent twin waits on the unique index instead of doing the work too.
 * When the response is known before the work (ids made up front), it is stored with the claim: one statement, not two.
 */
async function claimKey<T>(t: Transaction, p: Principal, key: string, route: string, hash: string, response?: StoredResponse<T>) {
  return IdempotencyKey.create(
    { tenantId: p.tenantId, userId: p.userId, idemKey: key, route, requestHash: hash, responseStatus: response?.status ?? 0,
      responseBody: response ? JSON.stringify(response.body) : null, expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS) },
    { transaction: t },
  );
}

export interface IdempotentOptions<T> {
  /** The caller already ran findReplay for this key and body (to answer a replay before its own checks). */
  lookedUp?: boolean;
  /** The response the work will return, known in advance; stored with the claim. */
  response?: StoredResponse<T>;
}

/**
 * Runs `work` (which must do all its writes in `t`) exactly once per key. On a unique clash the
 * transaction is rolled back and the stored response of the winner is returned instead.
 */
export async function runIdempotent<T>(
  tx: <R>(fn: (t: Transaction) => Promise<R>) => Promise<R>,
  p: Principal, key: string | undefined, route: string, body: unknown,
  work: (t: Transaction) => Promise<StoredResponse<T>>,
  opts: IdempotentOptions<T> = {},
): Promise<StoredResponse<T> & { replayed: boolean }> {
  if (!key) return { ...(await tx(work)), replayed: false };
  const hash = hashRequest(route, body);
  if (!opts.lookedUp) {
    const earlier = await findReplay<T>(p, key, route, hash);
    if (earlier) return { ...earlier, replayed: true };
  }
  try {
    const res = await tx(async (t) => {
      const claim = await claimKey(t, p, key, route, hash, opts.response);
      const r = await work(t);
      if (!opts.response) await claim.update({ responseStatus: r.status, responseBody: JSON.stringify(r.body) }, { transaction: t });
      else if (JSON.stringify(r.body) !== JSON.stringify(opts.response.body)) throw new Error('idempotency: the work answered otherwise than announced');
      return r;
    });
    return { ...res, replayed: false };
  } catch (err) {
    if (isUniqueViolation(err)) {
      const again = await findReplay<T>(p, key, route, hash);
      if (again) return { ...again, replayed: true };
    }
    throw err;
  }
}
