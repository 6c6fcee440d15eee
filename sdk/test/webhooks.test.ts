import { expect } from 'chai';
import crypto from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { verifyWebhook, WebhookVerificationError } from '../src/index.js';

/** verifyWebhook agrees with the reference `standardwebhooks` library, and refuses what it refuses. */
describe('sdk: verifyWebhook', () => {
  const secret = `whsec_${crypto.randomBytes(32).toString('base64')}`;
  const wh = new Webhook(secret);
  const body = JSON.stringify({ type: 'generation.succeeded', timestamp: new Date().toISOString(), data: { sub: 'u1', jobId: 'job_1' } });
  const signed = (at = new Date(), id = 'evt_1', payload = body) => ({
    'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': wh.sign(id, at, payload),
  });
  const rejects = async (p: Promise<unknown>, reason: string) => {
    try {
      await p;
    } catch (err) {
      expect(err).to.be.instanceOf(WebhookVerificationError);
      expect((err as WebhookVerificationError).reason).to.equal(reason);
      return;
    }
    throw new Error('expected a WebhookVerificationError');
  };

  it('accepts what standardwebhooks signed, from a record, a Headers object or bytes, and answers the event', async () => {
    const h = signed();
    expect((await verifyWebhook(body, h, secret)).data).to.deep.equal({ sub: 'u1', jobId: 'job_1' });
    expect((await verifyWebhook(new TextEncoder().encode(body), new Headers(h), secret)).type).to.equal('generation.succeeded');
    // Several signatures (rotation on the sender's side): one match is enough.
    await verifyWebhook(body, { ...h, 'webhook-signature': `v1,AAAA ${h['webhook-signature']}` }, secret);
    // And the library accepts what verifyWebhook accepts.
    expect(wh.verify(body, h)).to.deep.include({ type: 'generation.succeeded' });
  });

  it('refuses a changed body, a wrong secret, a missing header, a stale or future timestamp, a bad timestamp', async () => {
    const h = signed();
    await rejects(verifyWebhook(body.replace('u1', 'u2'), h, secret), 'bad_signature');
    await rejects(verifyWebhook(body, h, `whsec_${crypto.randomBytes(32).toString('base64')}`), 'bad_signature');
    await rejects(verifyWebhook(body, { ...h, 'webhook-signature': h['webhook-signature'].replace('v1,', 'v2,') }, secret), 'bad_signature');
    await rejects(verifyWebhook(body, { 'webhook-id': 'evt_1', 'webhook-timestamp': h['webhook-timestamp'] }, secret), 'missing_headers');
    await rejects(verifyWebhook(body, signed(new Date(Date.now() - 6 * 60_000)), secret), 'stale');
    await rejects(verifyWebhook(body, signed(new Date(Date.now() + 6 * 60_000)), secret), 'stale');
    await rejects(verifyWebhook(body, { ...h, 'webhook-timestamp': 'soon' }, secret), 'bad_timestamp');
    // Within the tolerance is fine.
    await verifyWebhook(body, signed(new Date(Date.now() - 4 * 60_000)), secret);
  });
});
