import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Outbound webhooks (Standard Webhooks): a partner's endpoints (secret sealed like provider keys), the outbox of
 * events (written in the transaction of the change they report) and one delivery row per (endpoint, event), which
 * workers claim with a conditional update on `locked_until`.
 */
const str = (n = 191, allowNull = false) => ({ type: DataTypes.STRING(n), allowNull });
const date = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('webhook_endpoints', {
    id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, tenant_id: str(40), url: str(500), events: { type: DataTypes.TEXT, allowNull: false },
    description: str(500, true), enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    secret_enc: { type: DataTypes.TEXT, allowNull: false }, failing_since: date(true), disabled_reason: str(191, true),
    created_at: date(), updated_at: date(),
  });
  await qi.addIndex('webhook_endpoints', ['tenant_id', 'created_at'], { name: 'webhook_endpoints_tenant_idx' });

  await qi.createTable('webhook_events', {
    id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, tenant_id: str(40), type: str(40),
    payload: { type: DataTypes.TEXT, allowNull: false }, created_at: date(),
  });
  await qi.addIndex('webhook_events', ['tenant_id', 'created_at'], { name: 'webhook_events_tenant_idx' });

  await qi.createTable('webhook_deliveries', {
    id: { type: DataTypes.STRING(40), primaryKey: true, allowNull: false }, tenant_id: str(40), endpoint_id: str(40), event_id: str(40),
    type: str(40), attempt: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }, status: str(16),
    response_status: { type: DataTypes.INTEGER, allowNull: true }, last_error: str(500, true), next_attempt_at: date(true),
    locked_until: date(true), lock_token: str(40, true), created_at: date(), updated_at: date(),
  });
  // One delivery per endpoint and event (a second fan-out cannot double-send); a redelivery makes a new attempt on the same row.
  await qi.addIndex('webhook_deliveries', ['endpoint_id', 'event_id'], { unique: true, name: 'webhook_deliveries_uq' });
  await qi.addIndex('webhook_deliveries', ['status', 'next_attempt_at'], { name: 'webhook_deliveries_due_idx' });
  await qi.addIndex('webhook_deliveries', ['tenant_id', 'endpoint_id', 'created_at'], { name: 'webhook_deliveries_list_idx' });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('webhook_deliveries');
  await qi.dropTable('webhook_events');
  await qi.dropTable('webhook_endpoints');
}
