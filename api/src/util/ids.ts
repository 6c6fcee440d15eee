import crypto from 'node:crypto';

/** Opaque, unguessable ids with a readable prefix (img_, job_, post_, ord_ ...). */
export const newId = (prefix: string) => `${prefix}_${crypto.randomBytes(12).toString('base64url')}`;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Referral codes are short and typed by people: no 0/O or 1/I. */
export function newReferralCode(len = 8) {
  const bytes = crypto.randomBytes(len);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}
