import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Daily analytics rollups (analytics/rollup.ts): one row set per partner and calendar day (in the partner's time
 * zone), recomputed whole by the `analytics:rollup` job (delete + insert in one transaction, so a day computed twice
 * gives the same rows). The admin report reads these instead of the source tables; only today and edges are live.
 * Also the indexes that bound a day's source queries to that day's rows.
 */
const str = (n = 191, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });
const int = () => ({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
const big = () => ({ type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 });
const key = (n: number) => ({ type: DataTypes.STRING(n), allowNull: false, primaryKey: true });

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('analytics_days', {
    tenant_id: key(40), day: key(10), timezone: str(64),
    signups: int(), activated_48h: int(), generations: int(), active_users: int(), finished_jobs: int(), failed_jobs: int(), fallback_jobs: int(), remixes: int(),
    credits_spent_milli: big(), reward_milli: big(), revenue_paise: big(), paid_orders: int(), new_payers: int(),
    ack_samples: int(), ack_hist: { type: DataTypes.TEXT, allowNull: false }, computed_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.createTable('analytics_day_ledger', {
    tenant_id: key(40), day: key(10), reason: key(32), spending: { type: DataTypes.BOOLEAN, allowNull: false, primaryKey: true },
    credit_milli: big(), debit_milli: big(),
  });
  await qi.createTable('analytics_day_providers', { tenant_id: key(40), day: key(10), provider: key(64), images: int() });
  await qi.createTable('analytics_day_bands', { tenant_id: key(40), day: key(10), band: key(16), signups: int(), new_payers: int() });
  await qi.createTable('analytics_day_users', {
    tenant_id: key(40), day: key(10), user_id: key(40), band: str(16), generations: int(), reward_milli: big(), paid_paise: big(), paid_orders: int(),
  });
  await qi.addIndex('analytics_day_users', ['tenant_id', 'user_id', 'day'], { name: 'analytics_day_users_user_idx' });

  // A day's slice of each source table, by partner and time.
  await qi.addIndex('generated_images', ['tenant_id', 'created_at'], { name: 'images_tenant_created_idx' });
  await qi.addIndex('generation_jobs', ['tenant_id', 'created_at'], { name: 'jobs_tenant_created_idx' });
  await qi.addIndex('prompt_reuse_events', ['tenant_id', 'created_at'], { name: 'reuse_tenant_created_idx' });
  await qi.addIndex('orders', ['tenant_id', 'status', 'paid_at'], { name: 'orders_tenant_paid_idx' });
  // Covering for the referral funnel of a window's signups (an index-only range scan, no row lookups).
  await qi.addIndex('users', ['tenant_id', 'created_at', 'referred_by_user_id', 'first_generation_at', 'id'], { name: 'users_tenant_referred_idx' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  for (const [table, name] of [['generated_images', 'images_tenant_created_idx'], ['generation_jobs', 'jobs_tenant_created_idx'],
    ['prompt_reuse_events', 'reuse_tenant_created_idx'], ['orders', 'orders_tenant_paid_idx'], ['users', 'users_tenant_referred_idx']]) {
    await qi.removeIndex(table!, name!);
  }
  for (const t of ['analytics_day_users', 'analytics_day_bands', 'analytics_day_providers', 'analytics_day_ledger', 'analytics_days']) await qi.dropTable(t);
}
