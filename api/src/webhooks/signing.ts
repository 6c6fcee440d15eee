import crypto from 'node:crypto';
import { services } from '../context.js';
import { decryptSecret, encryptSecret } from '../util/secrets.js';

/**
 * Standard Webhooks signing: the secret is `whsec_` + base64 of random bytes; the signature is
 * `v1,` + base64 HMAC-SHA256, keyed with the decoded bytes, of `<webhook-id>.<webhook-timestamp>.<body>`.
 */
export const SECRET_PREFIX = 'whsec_';

export const newWebhookSecret = () => SECRET_PREFIX + crypto.randomBytes(32).toString('base64');

export function signPayload(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
  return 'v1,' + crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/** Secrets are sealed per endpoint (envelope encryption under the master key), like provider keys. */
const context = (endpointId: string) => `webhook:${endpointId}`;
export const sealWebhookSecret = (endpointId: string, secret: string) => encryptSecret(services().config.masterKey, secret, context(endpointId));
export const openWebhookSecret = (endpointId: string, sealed: string) => decryptSecret(services().config.masterKey, sealed, context(endpointId));
