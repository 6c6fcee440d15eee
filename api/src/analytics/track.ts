import type { Transaction } from 'sequelize';
import { AnalyticsEvent } from '../models/index.js';
import { logger } from '../logger.js';

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
