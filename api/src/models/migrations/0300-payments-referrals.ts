import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Payments and referrals: the admin review trail on referral events, and the indexes the wallet,
 * referral counters, fraud velocity checks and the reconciler query by.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('referral_events', 'review_note', { type: DataTypes.STRING(500), allowNull: true });
  await qi.addColumn('referral_events', 'reviewed_at', { type: DataTypes.DATE(3), allowNull: true });
  await qi.addIndex('referral_events', ['referee_user_id', 'type'], { name: 'referral_referee_idx' });
  await qi.addIndex('referral_events', ['beneficiary_user_id', 'status'], { name: 'referral_beneficiary_idx' });
  await qi.addIndex('referral_events', ['tenant_id', 'status', 'created_at', 'id'], { name: 'referral_review_idx' });
  await qi.addIndex('users', ['referred_by_user_id', 'referral_claimed_at'], { name: 'users_referrer_claimed_idx' });
  await qi.addIndex('orders', ['gateway', 'status', 'created_at'], { name: 'orders_reconcile_idx' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeIndex('orders', 'orders_reconcile_idx');
  await qi.removeIndex('users', 'users_referrer_claimed_idx');
  await qi.removeIndex('referral_events', 'referral_review_idx');
  await qi.removeIndex('referral_events', 'referral_beneficiary_idx');
  await qi.removeIndex('referral_events', 'referral_referee_idx');
  await qi.removeColumn('referral_events', 'reviewed_at');
  await qi.removeColumn('referral_events', 'review_note');
}
