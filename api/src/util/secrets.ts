import crypto from 'node:crypto';

/**
 * Envelope encryption for secrets at rest (provider keys, partner JWT secrets).
 * Each secret gets its own random data key; the data key is wrapped by the master key. Rotating the
 * master key re-wraps the data keys only. Format (all base64url, dot-separated):
 *   v1.<wrapIv>.<wrappedDataKey+tag>.<iv>.<ciphertext+tag>
 */
const ALG = 'aes-256-gcm';

function seal(key: Buffer, plain: Buffer, aad: string) {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv(ALG, key, iv);
  c.setAAD(Buffer.from(aad));
  const out = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  return [iv.toString('base64url'), out.toString('base64url')];
}
function open(key: Buffer, ivB64: string, dataB64: string, aad: string) {
  const data = Buffer.from(dataB64, 'base64url');
  const d = crypto.createDecipheriv(ALG, key, Buffer.from(ivB64, 'base64url'));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([d.update(data.subarray(0, data.length - 16)), d.final()]);
}

export function encryptSecret(masterKey: Buffer, plaintext: string, context = 'secret'): string {
  const dataKey = crypto.randomBytes(32);
  const [wrapIv, wrapped] = seal(masterKey, dataKey, `wrap:${context}`);
  const [iv, ct] = seal(dataKey, Buffer.from(plaintext, 'utf8'), context);
  return ['v1', wrapIv, wrapped, iv, ct].join('.');
}

export function decryptSecret(masterKey: Buffer, sealed: string, context = 'secret'): string {
  const [v, wrapIv, wrapped, iv, ct] = sealed.split('.');
  if (v !== 'v1' || !wrapIv || !wrapped || !iv || !ct) throw new Error('not a sealed secret');
  const dataKey = open(masterKey, wrapIv, wrapped, `wrap:${context}`);
  return open(dataKey, iv, ct, context).toString('utf8');
}

/** Re-wraps the data key under a new master key; the ciphertext of the secret itself is untouched. */
export function rewrapSecret(oldKey: Buffer, newKey: Buffer, sealed: string, context = 'secret'): string {
  const [v, wrapIv, wrapped, iv, ct] = sealed.split('.');
  if (v !== 'v1' || !wrapIv || !wrapped || !iv || !ct) throw new Error('not a sealed secret');
  const dataKey = open(oldKey, wrapIv, wrapped, `wrap:${context}`);
  const [nIv, nWrapped] = seal(newKey, dataKey, `wrap:${context}`);
  return ['v1', nIv, nWrapped, iv, ct].join('.');
}

export const lastFour = (s: string) => s.slice(-4);
