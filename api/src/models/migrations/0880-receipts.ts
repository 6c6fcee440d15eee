import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Receipts (issue 12): one per paid order, numbered in sequence per partner and Indian financial year
 * (April to March). `receipt_counters` holds the last number issued; the issuing transaction increments it
 * under its row lock, so numbers have no gaps and no duplicates with several API processes.
 * `snapshot` keeps the seller's legal details and the tax split as they were when the receipt was issued.
 */
const str = (n = 191, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('receipt_counters', {
    tenant_id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false },
    fiscal_year: { type: DataTypes.STRING(9), primaryKey: true, allowNull: false },
    last_seq: { type: DataTypes.INTEGER, allowNull: false },
  });
  await qi.createTable('receipts', {
    order_id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, tenant_id: str(40), user_id: str(40),
    fiscal_year: str(9), seq: { type: DataTypes.INTEGER, allowNull: false }, number: str(32),
    snapshot: { type: DataTypes.TEXT, allowNull: false }, issued_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.addIndex('receipts', ['tenant_id', 'fiscal_year', 'seq'], { unique: true, name: 'receipts_seq_uq' });
  await qi.addIndex('receipts', ['tenant_id', 'number'], { unique: true, name: 'receipts_number_uq' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('receipts');
  await qi.dropTable('receipt_counters');
}
