import crypto from 'node:crypto';
import { AppError } from '../errors.js';
import { services } from '../context.js';

/**
 * Opaque cursors: base64url JSON plus a short HMAC so a tampered cursor is a clean 400, never a 500 or a silent jump.
 * The key (CURSOR_KEY, else derived from MASTER_KEY: config.ts) is shared by every instance, so a cursor from one is valid on the others.
 */
const key = () => services().config.cursorKey;

export function encodeCursor(payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const mac = crypto.createHmac('sha256', key()).update(body).digest('base64url').slice(0, 16);
  return `${body}.${mac}`;
}

export function decodeCursor<T>(cursor: string | undefined, check?: (v: unknown) => v is T): T | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const bad = () => new AppError('validation_error', 'cursor: not a cursor this API issued.', { errors: [{ field: 'cursor', message: 'invalid cursor' }] });
  if (typeof cursor !== 'string' || cursor.length > 2000) throw bad();
  const [body, mac] = cursor.split('.');
  if (!body || !mac) throw bad();
  const expect = crypto.createHmac('sha256', key()).update(body).digest('base64url').slice(0, 16);
  if (mac.length !== expect.length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expect))) throw bad();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (check && !check(value)) throw bad();
  return value as T;
}

export function parseLimit(limit: number | undefined, def = 20, max = 100): number {
  if (limit === undefined || limit === null) return def;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new AppError('validation_error', `limit: must be an integer between 1 and ${max}.`, { errors: [{ field: 'limit', message: `1..${max}` }] });
  }
  return limit;
}
