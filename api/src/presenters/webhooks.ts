import type { DeliveryStatus, WebhookDelivery, WebhookEndpoint } from '../models/index.js';

/** A partner's webhook endpoint; never the secret (that is in WebhookEndpointWithSecret, on create and rotation only). */
export interface WebhookEndpointView {
  id: string;
  url: string;
  /** Event types, or `*` for all. */
  events: string[];
  description: string | null;
  enabled: boolean;
  /** Why it was disabled by the server (failing for 5 days), if it was. */
  disabledReason?: string;
  createdAt: string;
}
export interface WebhookEndpointWithSecret extends WebhookEndpointView {
  /** `whsec_...`: shown here only; verify deliveries with it (Standard Webhooks). */
  secret: string;
}
export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  type: string;
  /** Attempts made so far. */
  attempt: number;
  status: DeliveryStatus;
  responseStatus: number | null;
  /** Why the last attempt failed (timeout, redirect, refused address...). */
  lastError?: string;
  createdAt: string;
  nextAttemptAt: string | null;
}

export const endpointView = (e: WebhookEndpoint): WebhookEndpointView => ({
  id: e.id, url: e.url, events: e.events, description: e.description ?? null, enabled: !!e.enabled,
  ...(e.disabledReason && !e.enabled ? { disabledReason: e.disabledReason } : {}), createdAt: e.createdAt.toISOString(),
});

export const deliveryView = (d: WebhookDelivery): WebhookDeliveryView => ({
  id: d.id, eventId: d.eventId, type: d.type, attempt: d.attempt, status: d.status, responseStatus: d.responseStatus ?? null,
  ...(d.lastError ? { lastError: d.lastError } : {}), createdAt: d.createdAt.toISOString(), nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
});
