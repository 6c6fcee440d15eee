import { DataTypes, Model, type Sequelize } from 'sequelize';

/** DPDP tables (migrations/0820-privacy.ts is the source of truth for columns). */
export type PrivacyRequestKind = 'erase' | 'export';
export type PrivacyRequestStatus = 'pending' | 'running' | 'done' | 'failed';

export class PrivacyRequest extends Model {
  declare id: string; declare tenantId: string; declare userId: string; declare kind: PrivacyRequestKind; declare status: PrivacyRequestStatus;
  declare dedupeKey: string | null; declare subjectHash: string | null; declare requestedBy: string | null; declare note: string | null;
  declare result: string | null; declare lockedUntil: Date | null; declare attempts: number; declare finishedAt: Date | null;
  declare createdAt: Date; declare updatedAt: Date;
}
export class Consent extends Model {
  declare id: string; declare tenantId: string; declare userId: string; declare purpose: string; declare version: string; declare createdAt: Date;
}

export function initPrivacyModels(sequelize: Sequelize) {
  const S = (n = 191) => ({ type: DataTypes.STRING(n) });
  const D = () => ({ type: DataTypes.DATE(3) });
  const opts = (tableName: string, extra: object = {}) => ({ sequelize, tableName, underscored: true, ...extra });
  PrivacyRequest.init({
    id: { type: DataTypes.STRING(40), primaryKey: true }, tenantId: S(40), userId: S(40), kind: S(16), status: S(16), dedupeKey: S(80),
    subjectHash: S(64), requestedBy: S(40), note: S(1000), result: DataTypes.TEXT, lockedUntil: D(), attempts: DataTypes.INTEGER, finishedAt: D(),
  }, opts('privacy_requests'));
  Consent.init({ id: { type: DataTypes.STRING(40), primaryKey: true }, tenantId: S(40), userId: S(40), purpose: S(40), version: S(40) },
    opts('consents', { updatedAt: false }));
}
