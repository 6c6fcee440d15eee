import { DataTypes, Model, type Sequelize } from 'sequelize';

/** Outbound webhook tables (migrations/0700-webhooks.ts is the source of truth for columns). */
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export class WebhookEndpoint extends Model {
  declare id: string; declare tenantId: string; declare url: string; declare events: string[]; declare description: string | null;
  declare enabled: boolean; declare secretEnc: string; declare failingSince: Date | null; declare disabledReason: string | null;
  declare createdAt: Date; declare updatedAt: Date;
}
export class WebhookEvent extends Model {
  declare id: string; declare tenantId: string; declare type: string; declare payload: string; declare createdAt: Date;
}
export class WebhookDelivery extends Model {
  declare id: string; declare tenantId: string; declare endpointId: string; declare eventId: string; declare type: string; declare attempt: number;
  declare status: DeliveryStatus; declare responseStatus: number | null; declare lastError: string | null; declare nextAttemptAt: Date | null;
  declare lockedUntil: Date | null; declare lockToken: string | null; declare createdAt: Date; declare updatedAt: Date;
}

export function initWebhookModels(sequelize: Sequelize) {
  const S = (n = 191) => ({ type: DataTypes.STRING(n) });
  const D = () => ({ type: DataTypes.DATE(3) });
  const opts = (tableName: string, extra: object = {}) => ({ sequelize, tableName, underscored: true, ...extra });
  WebhookEndpoint.init({
    id: { type: DataTypes.STRING(40), primaryKey: true }, tenantId: S(40), url: S(500),
    events: {
      type: DataTypes.TEXT,
      get(this: Model) { const v = this.getDataValue('events' as never) as unknown as string | null; return v == null ? [] : JSON.parse(v); },
      set(this: Model, v: unknown) { this.setDataValue('events' as never, JSON.stringify(v) as never); },
    },
    description: S(500), enabled: DataTypes.BOOLEAN, secretEnc: DataTypes.TEXT, failingSince: D(), disabledReason: S(),
  }, opts('webhook_endpoints'));
  WebhookEvent.init({ id: { type: DataTypes.STRING(40), primaryKey: true }, tenantId: S(40), type: S(40), payload: DataTypes.TEXT },
    opts('webhook_events', { updatedAt: false }));
  WebhookDelivery.init({
    id: { type: DataTypes.STRING(40), primaryKey: true }, tenantId: S(40), endpointId: S(40), eventId: S(40), type: S(40), attempt: DataTypes.INTEGER,
    status: S(16), responseStatus: DataTypes.INTEGER, lastError: S(500), nextAttemptAt: D(), lockedUntil: D(), lockToken: S(40),
  }, opts('webhook_deliveries'));
}
