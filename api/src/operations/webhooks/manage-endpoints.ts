import { services } from '../../context.js';
import { AppError, notFound, type FieldError } from '../../errors.js';
import { WebhookDelivery, WebhookEndpoint } from '../../models/index.js';
import { newId } from '../../util/ids.js';
import { audit } from '../../admin/audit.js';
import { newWebhookSecret, sealWebhookSecret } from '../../webhooks/signing.js';
import { endpointView, type WebhookEndpointView, type WebhookEndpointWithSecret } from '../../presenters/webhooks.js';
import type { Principal } from '../../auth/principal.js';
import { checkDescription, checkEvents, checkUrl, invalid } from './validate-endpoint.js';

export interface CreateWebhookRequest { url: string; events: string[]; description?: string | null }
export interface UpdateWebhookRequest { url?: string; events?: string[]; description?: string | null; enabled?: boolean }

const MAX_ENDPOINTS = 20;

/** The partner's endpoint with that id; another partner's id is 404 like a missing one. */
export async function findEndpoint(admin: Principal, id: string) {
  const row = typeof id === 'string' && id.length <= 40 ? await WebhookEndpoint.findOne({ where: { id, tenantId: admin.tenantId } }) : null;
  if (!row) throw notFound('webhook');
  return row;
}

export async function createWebhook(admin: Principal, body: CreateWebhookRequest): Promise<WebhookEndpointWithSecret> {
  const errors: FieldError[] = [];
  const url = await checkUrl(body?.url, errors);
  const events = checkEvents(body?.events, errors);
  const description = checkDescription(body?.description, errors);
  if (errors.length) throw invalid(errors);
  if ((await WebhookEndpoint.count({ where: { tenantId: admin.tenantId } })) >= MAX_ENDPOINTS) {
    throw new AppError('conflict', `At most ${MAX_ENDPOINTS} webhook endpoints per partner.`);
  }
  const id = newId('wh');
  const secret = newWebhookSecret();
  const row = await services().db.tx(async (t) => {
    const r = await WebhookEndpoint.create({ id, tenantId: admin.tenantId, url, events, description: description ?? null, enabled: true,
      secretEnc: sealWebhookSecret(id, secret) }, { transaction: t });
    await audit(t, admin, 'webhook.create', 'webhook', id, null, { url, events });
    return r;
  });
  return { ...endpointView(row), secret };
}

export async function listWebhooks(admin: Principal): Promise<{ items: WebhookEndpointView[] }> {
  const rows = await WebhookEndpoint.findAll({ where: { tenantId: admin.tenantId }, order: [['createdAt', 'ASC'], ['id', 'ASC']] });
  return { items: rows.map(endpointView) };
}

export async function getWebhook(admin: Principal, id: string): Promise<WebhookEndpointView> {
  return endpointView(await findEndpoint(admin, id));
}

export async function updateWebhook(admin: Principal, id: string, body: UpdateWebhookRequest): Promise<WebhookEndpointView> {
  const row = await findEndpoint(admin, id);
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  if (body?.url !== undefined) values.url = await checkUrl(body.url, errors);
  if (body?.events !== undefined) values.events = checkEvents(body.events, errors);
  if (body?.description !== undefined) values.description = checkDescription(body.description, errors);
  if (body?.enabled !== undefined) {
    if (typeof body.enabled !== 'boolean') errors.push({ field: 'enabled', message: 'must be true or false' });
    // Enabling again starts the 5-day failure window afresh.
    else Object.assign(values, { enabled: body.enabled }, body.enabled ? { disabledReason: null, failingSince: null } : {});
  }
  if (errors.length) throw invalid(errors);
  await services().db.tx(async (t) => {
    await row.update(values, { transaction: t });
    await audit(t, admin, 'webhook.update', 'webhook', row.id, null, { fields: Object.keys(values) });
  });
  return endpointView(row);
}

export async function deleteWebhook(admin: Principal, id: string): Promise<void> {
  const row = await findEndpoint(admin, id);
  await services().db.tx(async (t) => {
    await WebhookDelivery.destroy({ where: { endpointId: row.id, tenantId: admin.tenantId }, transaction: t });
    await row.destroy({ transaction: t });
    await audit(t, admin, 'webhook.delete', 'webhook', row.id, null, { url: row.url });
  });
}

/** A new secret at once: deliveries from now on are signed with it (the old one stops working). */
export async function rotateWebhookSecret(admin: Principal, id: string): Promise<WebhookEndpointWithSecret> {
  const row = await findEndpoint(admin, id);
  const secret = newWebhookSecret();
  await services().db.tx(async (t) => {
    await row.update({ secretEnc: sealWebhookSecret(row.id, secret) }, { transaction: t });
    await audit(t, admin, 'webhook.rotate_secret', 'webhook', row.id);
  });
  return { ...endpointView(row), secret };
}
