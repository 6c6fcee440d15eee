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
 * Writes whose operation refuses a suspended user itself, in its own statements: the generate acknowledgement checks
 * user_suspensions in its debit's conditional UPDATE (operations/studio/generate-image.ts), one read less per image.
 * Only this exact path: any other spelling Express routes to it is checked here as well (one read more, never less).
 */
const CHECKED_BY_OPERATION = new Set(['/api/studio/generate']);

/**
 * One place refuses every write of a suspended user (403 `account_suspended`), whatever the route: authentication
 * calls this for each signed-in call. Reads cost nothing; a write costs one primary-key lookup in `user_suspensions`
 * (always read from the database: another process may have just suspended the user, so nothing is cached), except
 * the generate acknowledgement, which makes the same check in its debit (CHECKED_BY_OPERATION).
 */
export async function refuseSuspended(req: Request, p: Principal): Promise<void> {
  if (!WRITES.has(req.method)) return;
  const path = (req.originalUrl || req.url).split('?')[0]!;
  if (CHECKED_BY_OPERATION.has(path) || STILL_ALLOWED.some((r) => r.test(path))) return;
  if (await isSuspended(p.userId)) throw suspendedError();
}

export const suspendedError = () =>
  new AppError('account_suspended', 'This account is suspended by the partner: it can read its own data, export or erase it, but not change anything.');

export async function isSuspended(userId: string): Promise<boolean> {
  // A raw read on the driver (db.read): this runs for every write of every signed-in user, the generate hot path included.
  const rows = await services().db.read('SELECT user_id FROM user_suspensions WHERE user_id = ?', [userId]);
  return rows.length > 0;
}
