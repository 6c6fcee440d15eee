import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { services } from '../../src/context.js';
import { WebhookDelivery, WebhookEndpoint, WebhookEvent } from '../../src/models/index.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';
import { emitWebhookEvent } from '../../src/webhooks/events.js';
import { deliverWebhookJob, webhookPruneJob, KEEP_MS } from '../../src/webhooks/jobs.js';
import { newWebhookSecret, sealWebhookSecret } from '../../src/webhooks/signing.js';
import type { JobContext } from '../../src/jobs/definition.js';

/**
 * Deliveries are claimed with a conditional update: two workers running every delivery's job at the same time
 * (duplicate triggers, a sweeper racing a retry) send each event once.
 */
describeEachDatabase('webhook deliveries with two workers', { server: 'services' }, function () {
  const rx = new WebhookReceiver();
  before(async () => {
    await rx.start();
    services().config.webhookAllowedHosts = ['127.0.0.1'];
  });
  after(() => rx.stop());

  const worker = (name: string): JobContext => ({
    workerName: name,
    queue: { async enqueue() { /* retries are not part of this test */ }, async enqueueInTx() { /* idem */ } },
  });

  it('each of 40 deliveries is sent exactly once while two workers run all of them concurrently', async () => {
    const id = 'wh_workers';
    const secret = newWebhookSecret();
    await WebhookEndpoint.create({ id, tenantId: DEFAULT_TENANT_ID, url: `${rx.url}/w`, events: ['*'], enabled: true, secretEnc: sealWebhookSecret(id, secret) });
    rx.secret('/w', secret);
    for (let i = 0; i < 40; i++) {
      await services().db.tx((t) => emitWebhookEvent(t, DEFAULT_TENANT_ID, 'credits.granted', { sub: `u${i}`, credits: i }));
    }
    const ds = await WebhookDelivery.findAll({ where: { endpointId: id } });
    expect(ds).to.have.length(40);
    const a = worker('a'), b = worker('b');
    const outcomes = await Promise.all(ds.flatMap((d) => [deliverWebhookJob.handler({ deliveryId: d.id }, a), deliverWebhookJob.handler({ deliveryId: d.id }, b)]));
    expect(outcomes.filter((o) => o === 'succeeded')).to.have.length(40);
    expect(outcomes.filter((o) => o === 'skipped')).to.have.length(40);
    const got = rx.on('/w');
    expect(got).to.have.length(40);
    expect(new Set(got.map((r) => r.id)).size).to.equal(40);
    expect(got.every((r) => r.verified)).to.equal(true);
    const after = await WebhookDelivery.findAll({ where: { endpointId: id } });
    expect(after.every((d) => d.status === 'succeeded' && d.attempt === 1)).to.equal(true);
  });

  it('prunes settled history older than 30 days, never a pending delivery or its event', async () => {
    const old = new Date(Date.now() - KEEP_MS - 60_000);
    const mk = async (id: string, status: 'succeeded' | 'pending') => {
      await WebhookEvent.create({ id: `evt_${id}`, tenantId: DEFAULT_TENANT_ID, type: 'credits.granted', payload: '{}', createdAt: old });
      await WebhookDelivery.create({ id: `whd_${id}`, tenantId: DEFAULT_TENANT_ID, endpointId: 'wh_workers', eventId: `evt_${id}`, type: 'credits.granted',
        attempt: 1, status, nextAttemptAt: status === 'pending' ? old : null });
      await WebhookDelivery.sequelize!.query('UPDATE webhook_deliveries SET updated_at = ? WHERE id = ?', { replacements: [old, `whd_${id}`] });
    };
    await mk('old_done', 'succeeded');
    await mk('old_pending', 'pending');
    await webhookPruneJob.handler({}, worker('p'));
    expect(await WebhookDelivery.findByPk('whd_old_done')).to.equal(null);
    expect(await WebhookEvent.findByPk('evt_old_done')).to.equal(null);
    expect(await WebhookDelivery.findByPk('whd_old_pending')).to.not.equal(null);
    expect(await WebhookEvent.findByPk('evt_old_pending')).to.not.equal(null);
  });
});
