import { DataTypes, Model, type Sequelize } from 'sequelize';

/** Money lifecycle tables (migrations/0800-money-lifecycle.ts is the source of truth for columns). */
const num = (name: string) => ({
  type: DataTypes.BIGINT,
  get(this: Model) { const v = this.getDataValue(name as never) as unknown; return v === null || v === undefined ? v : Number(v); },
});

/** Append-only: one row per change of a wallet's debt (millicredits; positive = debt incurred, negative = settled or forgiven). */
export class DebtEntry extends Model {
  declare id: number; declare tenantId: string; declare userId: string; declare delta: number; declare debtAfter: number; declare reason: string;
  declare refType: string; declare refId: string; declare note: string | null; declare createdAt: Date;
}
export type AdjustmentKind = 'refund' | 'dispute';
export type AdjustmentStatus = 'processed' | 'open' | 'won' | 'lost';
/** A gateway refund or dispute of a paid order, once per (gateway, kind, external id). Millicredits: covered, taken from the balance, recorded as debt. */
export class OrderAdjustment extends Model {
  declare id: string; declare tenantId: string; declare orderId: string; declare userId: string; declare gateway: string; declare kind: AdjustmentKind;
  declare externalId: string; declare paymentId: string | null; declare amountPaise: number; declare credits: number; declare taken: number; declare debt: number;
  declare status: AdjustmentStatus; declare source: string; declare note: string | null; declare actorSub: string | null; declare createdAt: Date; declare updatedAt: Date;
}
export class PartnerPaymentAccount extends Model {
  declare tenantId: string; declare gateway: string; declare keyId: string; declare keySecretEnc: string; declare webhookSecretEnc: string;
  declare updatedBy: string | null; declare rotatedAt: Date | null; declare createdAt: Date; declare updatedAt: Date;
}

export function initMoneyModels(sequelize: Sequelize) {
  const S = (n = 191) => ({ type: DataTypes.STRING(n) });
  const D = () => ({ type: DataTypes.DATE(3) });
  const opts = (tableName: string, extra: object = {}) => ({ sequelize, tableName, underscored: true, ...extra });
  DebtEntry.init({
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, tenantId: S(40), userId: S(40), delta: num('delta'), debtAfter: num('debtAfter'),
    reason: S(24), refType: S(24), refId: S(64), note: S(500),
  }, opts('credit_debt_entries', { updatedAt: false }));
  OrderAdjustment.init({
    id: { type: DataTypes.STRING(40), primaryKey: true }, tenantId: S(40), orderId: S(40), userId: S(40), gateway: S(16), kind: S(16), externalId: S(100),
    paymentId: S(64), amountPaise: DataTypes.INTEGER, credits: num('credits'), taken: num('taken'), debt: num('debt'), status: S(16), source: S(16),
    note: S(1000), actorSub: S(),
  }, opts('order_adjustments'));
  PartnerPaymentAccount.init({
    tenantId: { type: DataTypes.STRING(40), primaryKey: true }, gateway: S(16), keyId: S(64), keySecretEnc: DataTypes.TEXT, webhookSecretEnc: DataTypes.TEXT,
    updatedBy: S(), rotatedAt: D(),
  }, opts('partner_payment_accounts'));
}
