import crypto from 'node:crypto';

/** Hex HMAC-SHA256: Razorpay's scheme for checkout signatures and webhooks, reused by the sandbox. */
export const hmacHex = (secret: string, data: string | Buffer) => crypto.createHmac('sha256', secret).update(data).digest('hex');

/**
 * Constant-time comparison of a received hex signature with the expected one. Anything that is not
 * 64 hex characters (truncated, padded, another encoding) is refused before comparing.
 */
export function signatureMatches(expectedHex: string, given: unknown): boolean {
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{64}$/.test(given)) return false;
  const a = Buffer.from(expectedHex, 'hex');
  const b = Buffer.from(given.toLowerCase(), 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export const checkoutPayload = (orderId: string, paymentId: string) => `${orderId}|${paymentId}`;
