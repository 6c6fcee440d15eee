import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Partner onboarding (the platform API): a partner can be disabled, lists the browser origins its widgets run on,
 * and may cap its tokens' lifetime other than the 24 h default. Existing partners stay active with no origins listed.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('tenants', 'status', { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'active' });
  await qi.addColumn('tenants', 'allowed_origins', { type: DataTypes.TEXT, allowNull: true });
  await qi.addColumn('tenants', 'max_token_lifetime', { type: DataTypes.INTEGER, allowNull: true });
  // Bumped by every platform change, so other processes see it even when clocks disagree (tenants.ts).
  await qi.addColumn('tenants', 'revision', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('tenants', 'revision');
  await qi.removeColumn('tenants', 'max_token_lifetime');
  await qi.removeColumn('tenants', 'allowed_origins');
  await qi.removeColumn('tenants', 'status');
}
