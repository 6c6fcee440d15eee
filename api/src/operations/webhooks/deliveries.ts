import { Op } from 'sequelize';
import { services } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { WebhookDelivery } from '../../models/index.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import { audit } from '../../admin/audit.js';
import { emitWebhookEvent } from '../../webhooks/events.js';
import { deliverWebhookJob } from '../../webhooks/jobs.js';
import { deliveryView, type WebhookDeliveryView } from '../../presenters/webhooks.js';
import type { Principal } from '../../auth/principal.js';
import { findEndpoint } from './manage-endpoints.js';

type Cursor = { at: string; id: string };
const isCursor = (v: unknown): v is Cursor => !!v && typeof (v as Cursor).at === 'string' && typeof (v as Cursor).id === 'string';

/** An endpoint's deliveries, newest first. */
export async function listDeliveries(admin: Principal, id: string, q: { limit?: number; cursor?: string }): Promise<{ items: WebhookDeliveryView[]; nextCursor?: string }> {
  const endpoint = await findEndpoint(admin, id);
  const limit = parseLimit(q.limit, 20, 100);
  const cur = decodeCursor<Cursor>(q.cursor, isCursor);
  const where: Record<string | symbol, unknown> = { tenantId: admin.tenantId, endpointId: endpoint.id };
  if (cur) {
    const at = new Date(cur.at);
    where[Op.or] = [{ createdAt: { [Op.lt]: at } }, { createdAt: at, id: { [Op.lt]: cur.id } }];
  }
  const rows = await WebhookDelivery.findAll({ where: where as never, order: [['createdAt', 'DESC'], ['id', 'DESC']], limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(deliveryView), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : undefined };
}

/** Sends a `webhook.test` event to this endpoint only (enabled or not: an admin checks a fix before enabling). */
export async function sendTestEvent(admin: Principal, id: string): Promise<WebhookDeliveryView> {
  const endpoint = await findEndpoint(admin, id);
  if (!endpoint.enabled) throw new AppError('conflict', 'The endpoint is disabled; enable it to send a test event.');
  const deliveryId = await services().db.tx(async (t) => {
    const ev = await emitWebhookEvent(t, admin.tenantId, 'webhook.test', { endpointId: endpoint.id, sub: admin.sub }, endpoint.id);
    await audit(t, admin, 'webhook.test', 'webhook', endpoint.id);
    return (await WebhookDelivery.findOne({ where: { endpointId: endpoint.id, eventId: ev!.id }, attributes: ['id'], transaction: t }))!.id;
  });
  return deliveryView((await WebhookDelivery.findByPk(deliveryId))!);
}

/**
 * Sends a delivery again now, with the same event id and body (a partner deduplicates on webhook-id); the attempt count
 * starts over so the retry schedule applies afresh. Another partner's delivery, or one of another endpoint, is 404.
 */
export async function redeliver(admin: Principal, id: string, deliveryId: string): Promise<WebhookDeliveryView> {
  const endpoint = await findEndpoint(admin, id);
  const d = typeof deliveryId === 'string' && deliveryId.length <= 40
    ? await WebhookDelivery.findOne({ where: { id: deliveryId, endpointId: endpoint.id, tenantId: admin.tenantId } }) : null;
  if (!d) throw notFound('delivery');
  if (!endpoint.enabled) throw new AppError('conflict', 'The endpoint is disabled; enable it to redeliver.');
  if (d.status === 'pending' && d.lockedUntil && d.lockedUntil > new Date()) throw new AppError('conflict', 'This delivery is being sent right now.');
  await services().db.tx(async (t) => {
    await d.update({ status: 'pending', attempt: 0, nextAttemptAt: new Date(), lockedUntil: null, lockToken: null, lastError: null }, { transaction: t });
    await services().queue.enqueueInTx(t, deliverWebhookJob, { deliveryId: d.id });
    await audit(t, admin, 'webhook.redeliver', 'webhook_delivery', d.id, null, { endpointId: endpoint.id, eventId: d.eventId });
  });
  return deliveryView(d);
}
