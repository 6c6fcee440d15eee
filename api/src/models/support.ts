import { DataTypes, Model, type Sequelize } from 'sequelize';

/** Support and moderation follow-up tables (migrations/0810-support.ts is the source of truth for columns). */
export class UserSuspension extends Model {
  declare userId: string; declare tenantId: string; declare note: string; declare suspendedBy: string; declare createdAt: Date;
}
export type TakedownStatus = 'open' | 'actioned' | 'rejected';
export class TakedownRequest extends Model {
  declare id: string; declare tenantId: string; declare postId: string | null; declare url: string | null; declare reason: string;
  declare contactEmail: string; declare details: string | null; declare status: TakedownStatus; declare ip: string | null;
  declare decidedBy: string | null; declare decisionNote: string | null; declare decidedAt: Date | null; declare createdAt: Date; declare updatedAt: Date;
}
export type AppealStatus = 'open' | 'upheld' | 'reversed';
export class ModerationAppeal extends Model {
  declare id: string; declare tenantId: string; declare postId: string; declare userId: string; declare actionRef: string; declare action: string;
  declare message: string; declare status: AppealStatus; declare decidedBy: string | null; declare decisionNote: string | null;
  declare decidedAt: Date | null; declare createdAt: Date; declare updatedAt: Date;
}

export function initSupportModels(sequelize: Sequelize) {
  const S = (n = 191) => ({ type: DataTypes.STRING(n) });
  const D = () => ({ type: DataTypes.DATE(3) });
  const opts = (tableName: string, extra: object = {}) => ({ sequelize, tableName, underscored: true, ...extra });
  UserSuspension.init({ userId: { type: DataTypes.STRING(40), primaryKey: true }, tenantId: S(40), note: S(1000), suspendedBy: S(40) },
    opts('user_suspensions', { updatedAt: false }));
  TakedownRequest.init({
    id: { type: DataTypes.STRING(40), primaryKey: true }, tenantId: S(40), postId: S(40), url: S(500), reason: S(32), contactEmail: S(),
    details: DataTypes.TEXT, status: S(16), ip: S(64), decidedBy: S(40), decisionNote: S(1000), decidedAt: D(),
  }, opts('takedown_requests'));
  ModerationAppeal.init({
    id: { type: DataTypes.STRING(40), primaryKey: true }, tenantId: S(40), postId: S(40), userId: S(40), actionRef: S(40), action: S(16),
    message: DataTypes.TEXT, status: S(16), decidedBy: S(40), decisionNote: S(1000), decidedAt: D(),
  }, opts('moderation_appeals'));
}
