import type { Transaction } from 'sequelize';
import { services } from '../context.js';
import { User, WebhookDelivery, WebhookEndpoint, WebhookEvent } from '../models/index.js';
import { newId } from '../util/ids.js';
import { deliverWebhookJob } from './jobs.js';

/**
 * The outbox. A change that partners hear about calls emitWebhookEvent in the transaction that makes the change:
 * the event row, one delivery row per subscribed endpoint and the delivery jobs' triggers commit with it or not at
 * all, so a rolled-back change emits nothing and a committed one is never lost between commit and enqueue.
 */
export const WEBHOOK_EVENT_TYPES = [
  'generation.succeeded', 'generation.failed', 'credits.purchased', 'credits.granted', 'credits.refunded', 'referral.held', 'referral.rewarded',
  'post.published', 'post.moderated', 'remix.rewarded', 'user.erased', 'webhook.test',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** `data` names users by the partner's `sub` only: never an email, a name or a secret. Credits are whole numbers. */
export type WebhookData = Record<string, string | number | boolean | null>;

export const subscribes = (events: string[], type: string) => events.includes('*') || events.includes(type);

export interface EmittedEvent { id: string; body: string }

/** Body of an event as delivered: {type, timestamp, data}; the same bytes on every attempt. */
export const eventBody = (type: string, at: Date, data: WebhookData) => JSON.stringify({ type, timestamp: at.toISOString(), data });

/**
 * Writes the event and its deliveries in `t`. Nothing is written when no enabled endpoint of the partner listens to the
 * type (there is nobody to tell, and the hot paths stay one query cheaper). `only` limits the fan-out to one endpoint
 * (the admin's test event).
 */
export async function emitWebhookEvent(t: Transaction, tenantId: string, type: WebhookEventType, data: WebhookData,
  only?: string): Promise<EmittedEvent | undefined> {
  const endpoints = (await WebhookEndpoint.findAll({
    where: { tenantId, enabled: true, ...(only ? { id: only } : {}) }, attributes: ['id', 'events'], transaction: t,
  })).filter((e) => only || subscribes(e.events, type));
  if (!endpoints.length) return undefined;
  const at = new Date();
  const id = newId('evt');
  const body = eventBody(type, at, data);
  await WebhookEvent.create({ id, tenantId, type, payload: body }, { transaction: t });
  const { queue } = services();
  for (const e of endpoints) {
    const deliveryId = newId('whd');
    await WebhookDelivery.create({ id: deliveryId, tenantId, endpointId: e.id, eventId: id, type, attempt: 0, status: 'pending', nextAttemptAt: at },
      { transaction: t });
    await queue.enqueueInTx(t, deliverWebhookJob, { deliveryId });
  }
  return { id, body };
}

/** Credits in events are whole credits (millicredits / 1000), as the API shows them. */
export const credits = (milli: number) => milli / 1000;

/**
 * emitWebhookEvent for a change about one user: `data.sub` is the partner's id for them (looked up in `t`), the only
 * way an event names a person.
 */
export async function emitUserEvent(t: Transaction, tenantId: string, userId: string, type: WebhookEventType, data: WebhookData) {
  // Most partners have no endpoint: one raw one-row probe (every job's settlement comes through here) before any work.
  if (!(await services().db.all(t, 'SELECT id FROM webhook_endpoints WHERE tenant_id = ? AND enabled = ? LIMIT 1', [tenantId, true])).length) return undefined;
  const user = await User.findByPk(userId, { attributes: ['sub'], transaction: t });
  return emitWebhookEvent(t, tenantId, type, { sub: user?.sub ?? null, ...data });
}
