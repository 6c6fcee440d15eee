import type { Transaction } from 'sequelize';
import { AnalyticsEvent } from '../models/index.js';
import { logger } from '../logger.js';
import { services } from '../context.js';
import { insertRows, type SqlValue } from '../db.js';

/** The events of the spec's appendix A, plus the operational ones the analytics KPIs need. */
export type EventName =
  | 'user_signed_up' | 'first_generation_done' | 'credits_purchased' | 'image_generated' | 'image_published' | 'remix_opened'
  | 'remix_generated' | 'reward_credited' | 'referral_milestone_awarded' | 'referral_capped' | 'referral_signup' | 'referral_qualified' | 'generation_failed'
  | 'generate_acknowledged' | 'first_purchase' | 'post_liked' | 'post_reported' | 'order_created' | 'campaign_bonus_credited';

/** Records an analytics event; inside a transaction when the event must exist exactly when the change does. */
export async function track(tenantId: string, userId: string | null, name: EventName, props: Record<string, unknown> = {}, transaction?: Transaction) {
  try {
    await AnalyticsEvent.create({ tenantId, userId, name, props }, { transaction });
  } catch (err) {
    if (transaction) throw err;
    logger().warn({ err, event: name }, 'analytics event not recorded');
  }
}

/**
 * The row `track` writes, as values for a raw multi-row INSERT on a hot path (the generate acknowledgement's group
 * commit, the image job's settlement): same columns, props as JSON.
 */
export const EVENT_COLUMNS = ['tenant_id', 'user_id', 'name', 'props', 'created_at'] as const;
export const eventValues = (tenantId: string, userId: string | null, name: EventName, props: Record<string, unknown>, at: Date): SqlValue[] =>
  [tenantId, userId, name, JSON.stringify(props), at];

/** Several events in the caller's transaction, in one statement per 16 (eventValues rows). */
export async function trackMany(t: Transaction, rows: SqlValue[][]) {
  for (const statement of insertRows('analytics_events', EVENT_COLUMNS, rows)) await services().db.exec(t, statement);
}
