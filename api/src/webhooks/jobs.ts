import { Op } from 'sequelize';
import { services } from '../context.js';
import { defineJob, noData, stringField } from '../jobs/definition.js';
import { User, WebhookDelivery, WebhookEndpoint, WebhookEvent } from '../models/index.js';
import { notify } from '../community/notify.js';
import { logger } from '../logger.js';
import { newId } from '../util/ids.js';
import { openWebhookSecret, signPayload } from './signing.js';
import { sendWebhook } from './send.js';

/** An endpoint whose deliveries have failed without a success for this long is disabled and its partner's admins told. */
export const DISABLE_AFTER_MS = 5 * 24 * 3600 * 1000;
/** How long a claimed delivery stays with its worker beyond the attempt's timeout before another may take it. */
const CLAIM_SLACK_MS = 30_000;

/**
 * Claims a due delivery with one conditional update (pending, due, not held by a live claim), so with any number of
 * workers and duplicate triggers each attempt is made once. Returns the claim token, or undefined when not ours.
 */
async function claim(deliveryId: string): Promise<string | undefined> {
  const now = new Date();
  const token = newId('lk');
  const [n] = await WebhookDelivery.update(
    { lockToken: token, lockedUntil: new Date(now.getTime() + services().config.webhooks.timeoutMs + CLAIM_SLACK_MS) },
    { where: { id: deliveryId, status: 'pending', nextAttemptAt: { [Op.lte]: now }, [Op.or]: [{ lockedUntil: null }, { lockedUntil: { [Op.lt]: now } }] } },
  );
  return n === 1 ? token : undefined;
}

async function disableEndpoint(endpoint: WebhookEndpoint) {
  const { db } = services();
  await db.tx(async (t) => {
    const [n] = await WebhookEndpoint.update({ enabled: false, disabledReason: 'failing for 5 days' },
      { where: { id: endpoint.id, enabled: true }, transaction: t });
    if (!n) return; // another worker did it
    const admins = await User.findAll({ where: { tenantId: endpoint.tenantId, role: 'admin' }, attributes: ['id'], transaction: t });
    for (const a of admins) {
      await notify(t, {
        tenantId: endpoint.tenantId, userId: a.id, type: 'webhook', title: 'A webhook endpoint was disabled',
        body: `Deliveries to ${endpoint.url} have failed for 5 days, so it was disabled. Fix it and enable it again in the admin.`,
        data: { endpointId: endpoint.id }, dedupeKey: `webhook-disabled:${endpoint.id}:${Date.now()}`,
      });
    }
  });
  logger().warn({ endpointId: endpoint.id, tenantId: endpoint.tenantId }, 'webhook endpoint disabled after failing for 5 days');
}

/** Makes one attempt of a delivery; schedules the next one (or marks it failed) on anything but a 2xx. */
export const deliverWebhookJob = defineJob({
  name: 'webhook:deliver',
  parse: stringField('deliveryId'),
  logContext: ({ deliveryId }) => ({ requestId: `webhook:${deliveryId}` }),
  async handler({ deliveryId }, ctx) {
    const token = await claim(deliveryId);
    if (!token) return 'skipped';
    const d = (await WebhookDelivery.findByPk(deliveryId))!;
    const [endpoint, event] = await Promise.all([WebhookEndpoint.findByPk(d.endpointId), WebhookEvent.findByPk(d.eventId)]);
    const mine = { id: deliveryId, lockToken: token };
    if (!endpoint || !event || !endpoint.enabled) {
      await WebhookDelivery.update({ status: 'failed', lastError: endpoint ? 'the endpoint is disabled' : 'the endpoint was deleted', lockedUntil: null, nextAttemptAt: null },
        { where: mine });
      return 'failed';
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const secret = openWebhookSecret(endpoint.id, endpoint.secretEnc);
    const result = await sendWebhook(endpoint.url, {
      'content-type': 'application/json',
      'user-agent': 'CommunityAIStudio-Webhooks/1',
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signPayload(secret, event.id, timestamp, event.payload),
    }, event.payload);
    const attempt = d.attempt + 1;
    const now = new Date();
    if (result.ok) {
      await WebhookDelivery.update({ status: 'succeeded', attempt, responseStatus: result.status, lastError: null, lockedUntil: null, nextAttemptAt: null },
        { where: mine });
      if (endpoint.failingSince) await WebhookEndpoint.update({ failingSince: null }, { where: { id: endpoint.id } });
      return 'succeeded';
    }
    const delays = services().config.webhooks.retryDelaysMs;
    const delay = delays[attempt - 1];
    const retry = delay !== undefined;
    await WebhookDelivery.update({
      status: retry ? 'pending' : 'failed', attempt, responseStatus: result.status, lastError: result.error?.slice(0, 500) ?? `HTTP ${result.status}`,
      lockedUntil: null, nextAttemptAt: retry ? new Date(now.getTime() + delay) : null,
    }, { where: mine });
    if (!endpoint.failingSince) await WebhookEndpoint.update({ failingSince: now }, { where: { id: endpoint.id, failingSince: null } });
    else if (now.getTime() - endpoint.failingSince.getTime() >= DISABLE_AFTER_MS) await disableEndpoint(endpoint);
    if (retry) await ctx.queue.enqueue(deliverWebhookJob, { deliveryId }, { delayMs: delay });
    return retry ? 'retry' : 'failed';
  },
});

/** Re-triggers due deliveries whose trigger was lost (a worker died between an attempt and enqueueing the next). */
export const webhookSweeperJob = defineJob({
  name: 'webhook:sweeper',
  parse: noData,
  async handler(_data, ctx) {
    const now = new Date();
    const due = await WebhookDelivery.findAll({
      attributes: ['id'],
      where: { status: 'pending', nextAttemptAt: { [Op.lt]: new Date(now.getTime() - services().config.jobs.leaseMs) },
        [Op.or]: [{ lockedUntil: null }, { lockedUntil: { [Op.lt]: now } }] },
      order: [['nextAttemptAt', 'ASC']], limit: 200,
    });
    for (const d of due) await ctx.queue.enqueue(deliverWebhookJob, { deliveryId: d.id });
  },
});

/** Delivery history is kept this long; pending deliveries and the events they send are never pruned. */
export const KEEP_MS = 30 * 24 * 3600 * 1000;

/** Prunes settled deliveries and events older than KEEP_MS (daily), so the outbox does not grow without end. */
export const webhookPruneJob = defineJob({
  name: 'webhook:prune',
  parse: noData,
  async handler() {
    const before = new Date(Date.now() - KEEP_MS);
    await WebhookDelivery.destroy({ where: { status: { [Op.ne]: 'pending' }, updatedAt: { [Op.lt]: before } } });
    const old = await WebhookEvent.findAll({ where: { createdAt: { [Op.lt]: before } }, attributes: ['id'], limit: 1000 });
    if (!old.length) return;
    const busy = new Set((await WebhookDelivery.findAll({ where: { eventId: old.map((e) => e.id) }, attributes: ['eventId'] })).map((d) => d.eventId));
    const gone = old.map((e) => e.id).filter((id) => !busy.has(id));
    if (gone.length) await WebhookEvent.destroy({ where: { id: gone } });
  },
});
