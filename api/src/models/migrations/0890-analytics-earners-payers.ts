import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Analytics at scale, round 2 (issue 13 item 3): the reward earners and the payers of each rolled-up day in tables of
 * their own, so the report's earner list, distinct payers and payers per price band read only those users' rows
 * (some tens per day) instead of every active user-day of the window in `analytics_day_users`. Filled from
 * `analytics_day_users` for the days already rolled up; analytics/rollup.ts writes all of a day's tables together.
 */
const str = (n = 191, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });
const int = () => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
const big = () => ({ type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 });
const key = (n: number) => ({ type: DataTypes.STRING(n), allowNull: false, primaryKey: true });

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('analytics_day_earners', { tenant_id: key(40), day: key(10), user_id: key(40), reward_milli: big() });
  await qi.createTable('analytics_day_payers', { tenant_id: key(40), day: key(10), user_id: key(40), band: str(16), paid_paise: big(), paid_orders: int() });
  const q = qi.sequelize;
  await q.query(`INSERT INTO analytics_day_earners (tenant_id, day, user_id, reward_milli)
    SELECT tenant_id, day, user_id, reward_milli FROM analytics_day_users WHERE reward_milli > 0`);
  await q.query(`INSERT INTO analytics_day_payers (tenant_id, day, user_id, band, paid_paise, paid_orders)
    SELECT tenant_id, day, user_id, band, paid_paise, paid_orders FROM analytics_day_users WHERE paid_orders > 0`);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('analytics_day_payers');
  await qi.dropTable('analytics_day_earners');
}
