import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Support and moderation follow-ups (issue 12, support): suspended users (one row while suspended; the audit log keeps
 * the history), takedown requests from people without an account, and authors' appeals against moderation actions
 * (one per action: unique on the audit entry of that action).
 */
const str = (n = 191, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });
const date = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });
const text = (allowNull = false) => ({ type: DataTypes.TEXT, allowNull });

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('user_suspensions', {
    user_id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, tenant_id: str(40), note: str(1000),
    suspended_by: str(40), created_at: date(),
  });
  await qi.addIndex('user_suspensions', ['tenant_id'], { name: 'user_suspensions_tenant_idx' });

  await qi.createTable('takedown_requests', {
    id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, tenant_id: str(40), post_id: str(40, true), url: str(500, true),
    reason: str(32), contact_email: str(191), details: text(true), status: str(16), ip: str(64, true),
    decided_by: str(40, true), decision_note: str(1000, true), decided_at: date(true), created_at: date(), updated_at: date(),
  });
  await qi.addIndex('takedown_requests', ['tenant_id', 'status', 'created_at'], { name: 'takedown_requests_queue_idx' });

  await qi.createTable('moderation_appeals', {
    id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, tenant_id: str(40), post_id: str(40), user_id: str(40),
    action_ref: str(40), action: str(16), message: text(), status: str(16),
    decided_by: str(40, true), decision_note: str(1000, true), decided_at: date(true), created_at: date(), updated_at: date(),
  });
  await qi.addIndex('moderation_appeals', ['action_ref'], { unique: true, name: 'moderation_appeals_action_uq' });
  await qi.addIndex('moderation_appeals', ['tenant_id', 'status', 'created_at'], { name: 'moderation_appeals_queue_idx' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('moderation_appeals');
  await qi.dropTable('takedown_requests');
  await qi.dropTable('user_suspensions');
}
