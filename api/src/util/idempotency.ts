import crypto from 'node:crypto';
import type { Transaction } from 'sequelize';
import { AppError } from '../errors.js';
import { IdempotencyKey } from '../models/index.js';
import { canonicalJson } from './canonical-json.js';
import { insertRows, isUniqueViolation, type SqlValue } from '../db.js';
import { services } from '../context.js';
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
  const found = await lookUp<T>(p, key, route, hash, t);
  return found === 'expired' ? undefined : found;
}

/** findReplay, telling apart "no row" from "an expired row, now deleted" (after which the key is free again). */
async function lookUp<T>(p: Principal, key: string, route: string, hash: string, t?: Transaction): Promise<StoredResponse<T> | 'expired' | undefined> {
  const row = await IdempotencyKey.findOne({ where: { userId: p.userId, idemKey: key }, transaction: t });
  if (!row) return undefined;
  if (row.expiresAt.getTime() < Date.now()) {
    await row.destroy({ transaction: t });
    return 'expired';
  }
  if (row.route !== route || row.requestHash !== hash) {
    throw new AppError('idempotency_conflict', 'This Idempotency-Key was used with a different request.');
  }
  return { status: row.responseStatus, body: JSON.parse(row.responseBody ?? 'null') as T };
}

/** The claim's row; with `response` (known before the work) the answer is stored with the claim, one statement less. */
export const CLAIM_COLUMNS = ['tenant_id', 'user_id', 'idem_key', 'route', 'request_hash', 'response_status', 'response_body', 'expires_at', 'created_at'] as const;
export function claimValues<T>(p: Principal, key: string, route: string, hash: string, response?: StoredResponse<T>, now = new Date()): SqlValue[] {
  return [p.tenantId, p.userId, key, route, hash, response?.status ?? 0, response ? JSON.stringify(response.body) : null,
    new Date(now.getTime() + IDEMPOTENCY_TTL_MS), now];
}

/** Claims the key first in the transaction, so a concurrent twin waits on the unique index instead of doing the work too. */
async function claimKey(t: Transaction, p: Principal, key: string, route: string, hash: string) {
  await services().db.exec(t, insertRows('idempotency_keys', CLAIM_COLUMNS, [claimValues(p, key, route, hash)])[0]!);
}

/**
 * After a claim failed on the key's unique index: the earlier request's answer (a replay), 'retry' when the earlier
 * key had expired and is now deleted (once: the work may run again), or undefined when the clash was not the key's.
 */
export async function resolveClash<T>(p: Principal, key: string, route: string, hash: string, attempt: number): Promise<StoredResponse<T> | 'retry' | undefined> {
  const again = await lookUp<T>(p, key, route, hash);
  if (again === 'expired') return attempt === 1 ? 'retry' : undefined;
  return again;
}

async function storeResponse<T>(t: Transaction, p: Principal, key: string, r: StoredResponse<T>) {
  await services().db.run(t, 'UPDATE idempotency_keys SET response_status = ?, response_body = ? WHERE user_id = ? AND idem_key = ?',
    [r.status, JSON.stringify(r.body), p.userId, key]);
}

export interface IdempotentOptions {
  /** The caller already ran findReplay for this key and body (to answer a replay before its own checks). */
  lookedUp?: boolean;
}

/**
 * Runs `work` (which must do all its writes in `t`) exactly once per key. On a unique clash the
 * transaction is rolled back and the stored response of the winner is returned instead.
 */
export async function runIdempotent<T>(
  tx: <R>(fn: (t: Transaction) => Promise<R>) => Promise<R>,
  p: Principal, key: string | undefined, route: string, body: unknown,
  work: (t: Transaction) => Promise<StoredResponse<T>>,
  opts: IdempotentOptions = {},
): Promise<StoredResponse<T> & { replayed: boolean }> {
  if (!key) return { ...(await tx(work)), replayed: false };
  const hash = hashRequest(route, body);
  if (!opts.lookedUp) {
    const earlier = await findReplay<T>(p, key, route, hash);
    if (earlier) return { ...earlier, replayed: true };
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await tx(async (t) => {
        await claimKey(t, p, key, route, hash);
        const r = await work(t);
        await storeResponse(t, p, key, r);
        return r;
      });
      return { ...res, replayed: false };
    } catch (err) {
      if (isUniqueViolation(err)) {
        const again = await resolveClash<T>(p, key, route, hash, attempt);
        if (again === 'retry') continue;
        if (again) return { ...again, replayed: true };
      }
      throw err;
    }
  }
}
