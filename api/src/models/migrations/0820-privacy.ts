import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * DPDP rights (docs/privacy.md):
 * - privacy_requests: exports and erasures, worked by jobs. `dedupe_key` is unique, so one erasure per account exists however
 *   often (and on however many processes) it is asked for; `subject_hash` is the keyed hash of the partner's `sub`, so
 *   the person can still read the erasure's status after their account was pseudonymised. `result` holds a large export.
 * - consents: one row per (user, purpose, version) the user agreed to.
 */
const str = (n = 191, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });
const date = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });

export async function up({ context: qi }: { context: QueryInterface }) {
  // An export can be megabytes: LONGTEXT on MariaDB (TEXT stops at 64 KB); SQLite's TEXT has no such limit.
  const longText = qi.sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.TEXT('long');
  await qi.createTable('privacy_requests', {
    id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, tenant_id: str(40), user_id: str(40), kind: str(16), status: str(16),
    dedupe_key: str(80, true), subject_hash: str(64, true), requested_by: str(40, true), note: str(1000, true),
    result: { type: longText, allowNull: true }, locked_until: date(true), attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    finished_at: date(true), created_at: date(), updated_at: date(),
  });
  await qi.addIndex('privacy_requests', ['dedupe_key'], { unique: true, name: 'privacy_requests_dedupe_uq' });
  await qi.addIndex('privacy_requests', ['tenant_id', 'user_id', 'kind'], { name: 'privacy_requests_user_idx' });
  await qi.addIndex('privacy_requests', ['tenant_id', 'subject_hash'], { name: 'privacy_requests_subject_idx' });

  await qi.createTable('consents', {
    id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, tenant_id: str(40), user_id: str(40), purpose: str(40), version: str(40),
    created_at: date(),
  });
  await qi.addIndex('consents', ['user_id', 'purpose', 'version'], { unique: true, name: 'consents_user_purpose_uq' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('consents');
  await qi.dropTable('privacy_requests');
}
