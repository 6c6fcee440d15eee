import type { Request } from 'express';
import { AppError } from '../errors.js';
import { services } from '../context.js';
import type { Principal } from './principal.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Writes a suspended user keeps: its privacy rights (export, erasure, consents under /api/me, DPDP Act 2023) and
 * marking its own notifications read (reading its own data).
 */
const STILL_ALLOWED = [/^\/api\/me(\/|$)/, /^\/api\/notifications\/read$/];

/**
 * One place refuses every write of a suspended user (403 `account_suspended`), whatever the route: authentication
 * calls this for each signed-in call. Reads cost nothing; a write costs one primary-key lookup in `user_suspensions`
 * (always read from the database: another process may have just suspended the user, so nothing is cached).
 */
export async function refuseSuspended(req: Request, p: Principal): Promise<void> {
  if (!WRITES.has(req.method)) return;
  const path = (req.originalUrl || req.url).split('?')[0]!;
  if (STILL_ALLOWED.some((r) => r.test(path))) return;
  if (await isSuspended(p.userId)) {
    throw new AppError('account_suspended', 'This account is suspended by the partner: it can read its own data, export or erase it, but not change anything.');
  }
}

export async function isSuspended(userId: string): Promise<boolean> {
  // A raw read on the driver (db.read): this runs for every write of every signed-in user, the generate hot path included.
  const rows = await services().db.read('SELECT user_id FROM user_suspensions WHERE user_id = ?', [userId]);
  return rows.length > 0;
}
