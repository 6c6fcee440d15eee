import { DataTypes, Model } from 'sequelize';
import type { ModelStatic, Sequelize } from 'sequelize';

/** One row of the jobs table, with attribute names as the repository uses them. */
export interface JobRow {
  id: string;
  name: string;
  priority: number;
  type: string;
  nextRunAt: Date | null;
  lockedAt: Date | null;
  lastRunAt: Date | null;
  lastFinishedAt: Date | null;
  failedAt: Date | null;
  failCount: number | null;
  failReason: string | null;
  progress: number | null;
  repeatInterval: string | null;
  repeatTimezone: string | null;
  repeatAt: string | null;
  startDate: Date | null;
  endDate: Date | null;
  skipDays: string | null;
  disabled: boolean;
  fork: boolean;
  data: string | null;
  dedupeKey: string | null;
  debounceStartedAt: Date | null;
  lastModifiedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type JobModel = ModelStatic<Model<JobRow, Partial<JobRow>>>;

const instant = (field: string) => ({ type: DataTypes.DATE(3), allowNull: true, field });

/**
 * Binds a model for the jobs table to the caller's Sequelize instance. The model
 * name carries the table name so two backends on one instance never collide, and
 * it stays out of the way of the application's own models.
 */
export function defineJobModel(sequelize: Sequelize, tableName: string): JobModel {
  const modelName = `AgendaJob__${tableName}`;
  if (sequelize.isDefined(modelName)) return sequelize.model(modelName) as JobModel;
  const longText = sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.TEXT('long');
  return sequelize.define<Model<JobRow, Partial<JobRow>>>(
    modelName,
    {
      id: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
      name: { type: DataTypes.STRING(191), allowNull: false },
      priority: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      type: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'normal' },
      nextRunAt: instant('next_run_at'),
      lockedAt: instant('locked_at'),
      lastRunAt: instant('last_run_at'),
      lastFinishedAt: instant('last_finished_at'),
      failedAt: instant('failed_at'),
      failCount: { type: DataTypes.INTEGER, allowNull: true, field: 'fail_count' },
      failReason: { type: DataTypes.TEXT, allowNull: true, field: 'fail_reason' },
      progress: { type: DataTypes.DOUBLE, allowNull: true },
      repeatInterval: { type: DataTypes.STRING(255), allowNull: true, field: 'repeat_interval' },
      repeatTimezone: { type: DataTypes.STRING(64), allowNull: true, field: 'repeat_timezone' },
      repeatAt: { type: DataTypes.STRING(255), allowNull: true, field: 'repeat_at' },
      startDate: instant('start_date'),
      endDate: instant('end_date'),
      skipDays: { type: DataTypes.STRING(32), allowNull: true, field: 'skip_days' },
      disabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      fork: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      data: { type: longText, allowNull: true },
      dedupeKey: { type: DataTypes.STRING(255), allowNull: true, field: 'dedupe_key' },
      debounceStartedAt: instant('debounce_started_at'),
      lastModifiedBy: { type: DataTypes.STRING(191), allowNull: true, field: 'last_modified_by' },
      createdAt: { type: DataTypes.DATE(3), allowNull: false, field: 'created_at' },
      updatedAt: { type: DataTypes.DATE(3), allowNull: false, field: 'updated_at' },
    },
    { tableName, timestamps: true, createdAt: 'createdAt', updatedAt: 'updatedAt' },
  );
}
