import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Money lifecycle: refunds and disputes of paid orders, debts, and a gateway account per partner.
 * - wallets.debt: what a clawback could not take from the balance; it equals the sum of credit_debt_entries (ledger:check proves it).
 * - credit_debt_entries: append-only, one row per debt movement, (reason, ref_type, ref_id) unique like the ledger.
 * - order_adjustments: one row per gateway refund or dispute, (gateway, kind, external_id) unique, so a refund or dispute
 *   is applied once however often it is reported.
 * - orders.refunded_paise / disputed_paise: running totals, updated under the order's row lock.
 * - partner_payment_accounts: a partner's own Razorpay keys, secrets sealed like provider keys.
 */
const str = (n = 191, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });
const date = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });
const bigint = () => ({ type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 });

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('wallets', 'debt', bigint());
  await qi.addColumn('orders', 'refunded_paise', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
  await qi.addColumn('orders', 'disputed_paise', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
  await qi.addIndex('orders', ['tenant_id', 'created_at'], { name: 'orders_tenant_created_idx' });

  await qi.createTable('credit_debt_entries', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false }, tenant_id: str(40), user_id: str(40),
    delta: { type: DataTypes.BIGINT, allowNull: false }, debt_after: { type: DataTypes.BIGINT, allowNull: false }, reason: str(24),
    ref_type: str(24), ref_id: str(64), note: str(500, true), created_at: date(),
  });
  await qi.addIndex('credit_debt_entries', ['reason', 'ref_type', 'ref_id'], { unique: true, name: 'credit_debt_ref_uq' });
  await qi.addIndex('credit_debt_entries', ['user_id', 'id'], { name: 'credit_debt_user_idx' });

  await qi.createTable('order_adjustments', {
    id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, tenant_id: str(40), order_id: str(40), user_id: str(40),
    gateway: str(16), kind: str(16), external_id: str(100), payment_id: str(64, true),
    amount_paise: { type: DataTypes.INTEGER, allowNull: false }, credits: bigint(), taken: bigint(), debt: bigint(),
    status: str(16), source: str(16), note: str(1000, true), actor_sub: str(191, true), created_at: date(), updated_at: date(),
  });
  await qi.addIndex('order_adjustments', ['gateway', 'kind', 'external_id'], { unique: true, name: 'order_adjustments_external_uq' });
  await qi.addIndex('order_adjustments', ['order_id', 'created_at'], { name: 'order_adjustments_order_idx' });

  await qi.createTable('partner_payment_accounts', {
    tenant_id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, gateway: str(16), key_id: str(64),
    key_secret_enc: { type: DataTypes.TEXT, allowNull: false }, webhook_secret_enc: { type: DataTypes.TEXT, allowNull: false },
    updated_by: str(191, true), rotated_at: date(true), created_at: date(), updated_at: date(),
  });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('partner_payment_accounts');
  await qi.dropTable('order_adjustments');
  await qi.dropTable('credit_debt_entries');
  await qi.removeIndex('orders', 'orders_tenant_created_idx');
  await qi.removeColumn('orders', 'disputed_paise');
  await qi.removeColumn('orders', 'refunded_paise');
  await qi.removeColumn('wallets', 'debt');
}
