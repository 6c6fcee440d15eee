import { services } from '../../context.js';
import { AppError, type FieldError } from '../../errors.js';
import { assertSafeEndpoint, UnsafeEndpointError } from '../../admin/ssrf.js';
import { WEBHOOK_EVENT_TYPES } from '../../webhooks/events.js';

/** Field checks shared by create and update; every problem is collected, then one 400. */
export const invalid = (errors: FieldError[]) => new AppError('validation_error', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });

export async function checkUrl(v: unknown, errors: FieldError[]): Promise<string | undefined> {
  if (typeof v !== 'string' || !v || v.length > 500) {
    errors.push({ field: 'url', message: 'must be a URL of at most 500 characters' });
    return undefined;
  }
  try {
    return (await assertSafeEndpoint(v, new Set(services().config.webhookAllowedHosts))).href;
  } catch (err) {
    if (!(err instanceof UnsafeEndpointError)) throw err;
    errors.push({ field: 'url', message: `refused: ${err.message.replace('PROVIDER_ALLOWED_HOSTS', 'WEBHOOK_ALLOWED_HOSTS')}` });
    return undefined;
  }
}

const SUBSCRIBABLE = new Set<string>(['*', ...WEBHOOK_EVENT_TYPES]);

export function checkEvents(v: unknown, errors: FieldError[]): string[] | undefined {
  if (!Array.isArray(v) || !v.length || v.length > 50) {
    errors.push({ field: 'events', message: 'must list 1 to 50 event types (or "*")' });
    return undefined;
  }
  const unknown = v.filter((x) => typeof x !== 'string' || !SUBSCRIBABLE.has(x));
  if (unknown.length) {
    errors.push({ field: 'events', message: `unknown event type ${unknown.map((x) => JSON.stringify(x)).join(', ')}; known: *, ${WEBHOOK_EVENT_TYPES.join(', ')}` });
    return undefined;
  }
  return [...new Set(v as string[])];
}

export function checkDescription(v: unknown, errors: FieldError[]): string | null | undefined {
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  if (typeof v !== 'string' || v.length > 500) {
    errors.push({ field: 'description', message: 'must be text of at most 500 characters' });
    return undefined;
  }
  return v.trim();
}
