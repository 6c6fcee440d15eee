import crypto from 'node:crypto';
import { services } from '../context.js';

/**
 * Keyed hashes for personal identifiers we must stop holding in the clear (docs/privacy.md). The key is derived from
 * MASTER_KEY (config.ts `pseudonymKey`), so every instance agrees and nobody without the key can test a guess.
 */
const hmac = (label: string, value: string) =>
  crypto.createHmac('sha256', services().config.pseudonymKey).update(`${label}\u0000${value}`).digest('base64url');

/** The keyed hash of a partner's user id, per partner (privacy_requests.subject_hash). */
export const subjectHash = (tenantId: string, sub: string) => hmac('sub', `${tenantId}\u0000${sub}`);

/** What an erased user's `sub` becomes: no token can carry it (the prefix is not a partner's id scheme, and it is a hash). */
export const erasedSub = (tenantId: string, sub: string) => `erased:${subjectHash(tenantId, sub)}`;

/** Prefix of a hashed IP address in users.signup_ip / last_ip. */
export const HASHED_IP_PREFIX = 'h1:';

export const isHashedIp = (v: string | null | undefined) => !!v && v.startsWith(HASHED_IP_PREFIX);

/** The stored form of an IP address after its retention period (fits the 64-character columns). */
export const hashIp = (ip: string) => (isHashedIp(ip) ? ip : HASHED_IP_PREFIX + hmac('ip', ip.trim().toLowerCase()));

/**
 * Whether two stored IP values are the same address, whether either is still raw or already hashed: the fraud rules
 * compare a new signup's raw address with an old referrer's hashed one.
 */
export function sameIp(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  if (isHashedIp(a) === isHashedIp(b)) return a === b;
  return hashIp(a) === hashIp(b);
}
