import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Community additions (issue 3):
 * - community_posts.score_changed_at + post_score_history: a trending cursor pins an "as of" time and reads each
 *   post's score as it was then (docs/community.md, "Paging trending").
 * - creator_reward_days: one row per creator and local day, locked FOR UPDATE so the daily reward cap is exact.
 * - prompt_reuse_events.asset_total_after: a replayed remix/record answers exactly what the first call answered.
 * - notifications.dedupe_key: "only the first like by a user notifies", enforced by a unique key.
 */
const str = (n: number, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });
const date = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('community_posts', 'score_changed_at', { type: DataTypes.DATE(3), allowNull: false, defaultValue: new Date(0) });

  await qi.createTable('post_score_history', {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
    tenant_id: str(40), post_id: str(40),
    old_score: { type: DataTypes.DOUBLE, allowNull: false },
    changed_at: date(),
  });
  await qi.addIndex('post_score_history', ['tenant_id', 'changed_at'], { name: 'score_history_changed_idx' });

  await qi.createTable('creator_reward_days', {
    creator_user_id: { type: DataTypes.STRING(40), allowNull: false, primaryKey: true },
    day: { type: DataTypes.STRING(10), allowNull: false, primaryKey: true },
    tenant_id: str(40),
    total: { type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 },
    updated_at: date(),
  });

  await qi.addColumn('prompt_reuse_events', 'asset_total_after', { type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 });
  await qi.addIndex('prompt_reuse_events', ['source_post_id', 'remixer_user_id', 'reward_credits'], { name: 'reuse_post_remixer_idx' });

  await qi.addColumn('notifications', 'dedupe_key', { type: DataTypes.STRING(191), allowNull: true });
  await qi.addIndex('notifications', ['dedupe_key'], { unique: true, name: 'notifications_dedupe_uq' });
  await qi.addIndex('notifications', ['user_id', 'read_at'], { name: 'notifications_unread_idx' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeIndex('notifications', 'notifications_unread_idx');
  await qi.removeIndex('notifications', 'notifications_dedupe_uq');
  await qi.removeColumn('notifications', 'dedupe_key');
  await qi.removeIndex('prompt_reuse_events', 'reuse_post_remixer_idx');
  await qi.removeColumn('prompt_reuse_events', 'asset_total_after');
  await qi.dropTable('creator_reward_days');
  await qi.dropTable('post_score_history');
  await qi.removeColumn('community_posts', 'score_changed_at');
}
