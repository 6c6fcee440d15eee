import crypto from 'node:crypto';
import { services } from '../context.js';
import { AppError } from '../errors.js';

const digest = (v: string) => crypto.createHash('sha256').update(v, 'utf8').digest();

/**
 * The platform API (/api/platform/*) exists only when PLATFORM_API_KEY is set: otherwise it answers 404 as if it
 * were not there. The key is compared in constant time over SHA-256 digests, so neither its content nor its length
 * leaks through timing.
 */
export function checkPlatformKey(authorization: string | undefined) {
  const key = services().config.platformApiKey;
  if (!key) throw new AppError('not_found', 'No such route.');
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const given = m?.[1] ?? '';
  if (!crypto.timingSafeEqual(digest(given), digest(key)) || !given) throw new AppError('unauthorized', 'This call needs the platform API key.');
}
