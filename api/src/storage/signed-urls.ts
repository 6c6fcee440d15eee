import crypto from 'node:crypto';
import { services } from '../context.js';

/** Private images are only reachable through these expiring HMAC-signed URLs. */
export type Variant = 'original' | 'thumb';

function signingKey() {
  return crypto.createHmac('sha256', services().config.masterKey).update('signed-urls-v1').digest();
}

const mac = (imageId: string, variant: string, exp: number, download: boolean) =>
  crypto.createHmac('sha256', signingKey()).update(`${imageId}|${variant}|${exp}|${download ? 1 : 0}`).digest('base64url');

export function signedImageUrl(imageId: string, variant: Variant, opts: { download?: boolean; ttlSeconds?: number } = {}) {
  const { config } = services();
  const ttl = opts.ttlSeconds ?? config.urlSigningTtlSeconds;
  // Round expiry up to the minute so repeated list calls produce cache-friendly, identical URLs.
  const exp = Math.ceil((Date.now() / 1000 + ttl) / 60) * 60;
  const dl = opts.download ? '&download=1' : '';
  return `${config.publicUrl}/api/files/${encodeURIComponent(imageId)}/${variant}?exp=${exp}${dl}&sig=${mac(imageId, variant, exp, !!opts.download)}`;
}

export function verifySignedUrl(imageId: string, variant: string, exp: string | undefined, sig: string | undefined, download: boolean): boolean {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false;
  if (Number(exp) < Date.now() / 1000) return false;
  const expect = mac(imageId, variant, Number(exp), download);
  return sig.length === expect.length && crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expect));
}
