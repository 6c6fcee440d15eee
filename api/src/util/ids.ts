import crypto from 'node:crypto';
import { onResetForTests } from './process-cache.js';

/**
 * Random bytes for ids, drawn from the CSPRNG 4 KB at a time (as Node does for randomUUID): one `getrandom` call per
 * 341 ids instead of one per id, which showed in the generate acknowledgement's profile. Every byte is used once.
 */
const ID_BYTES = 12;
const pool = Buffer.alloc(ID_BYTES * 341);
let poolAt = pool.length;
onResetForTests(() => { poolAt = pool.length; }); // a test's ids never continue the previous test's pool
function idBytes(): Buffer {
  if (poolAt + ID_BYTES > pool.length) {
    crypto.randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += ID_BYTES;
  return pool.subarray(poolAt - ID_BYTES, poolAt);
}

/** Opaque, unguessable ids with a readable prefix (img_, job_, post_, ord_ ...): 12 random bytes, base64url. */
export const newId = (prefix: string) => `${prefix}_${idBytes().toString('base64url')}`;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Referral codes are short and typed by people: no 0/O or 1/I. */
export function newReferralCode(len = 8) {
  const bytes = crypto.randomBytes(len);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}
