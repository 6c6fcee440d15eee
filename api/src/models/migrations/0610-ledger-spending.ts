import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Each ledger row says whether it counts as spending (ledger/reasons.ts), so the monthly cap and the analytics
 * read a flag instead of a reason name. Rows written before it are backfilled from the reasons that spent then.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('credit_ledger', 'spending', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
  await qi.sequelize.query("UPDATE credit_ledger SET spending = true WHERE reason IN ('generation', 'refund')");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('credit_ledger', 'spending');
}
