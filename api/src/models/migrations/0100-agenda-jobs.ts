import { DataTypes } from 'sequelize';
import type { QueryInterface } from 'sequelize';

// Kept self-contained (not imported from the backend) so this migration keeps
// creating exactly this schema even after the backend's model evolves.
const TABLE = 'agenda_jobs';

// DATE(3) is DATETIME(3) on MySQL/MariaDB: lock comparisons (locked_at <= deadline,
// next_run_at equality in lockJob) need millisecond precision. SQLite stores text
// with milliseconds regardless.
const instant = () => ({ type: DataTypes.DATE(3), allowNull: true });

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const longText = qi.sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.TEXT('long');
  await qi.createTable(TABLE, {
    id: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
    // 191 chars keeps the composite indexes inside InnoDB's key length on utf8mb4.
    name: { type: DataTypes.STRING(191), allowNull: false },
    priority: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    type: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'normal' },
    next_run_at: instant(),
    locked_at: instant(),
    last_run_at: instant(),
    last_finished_at: instant(),
    failed_at: instant(),
    fail_count: { type: DataTypes.INTEGER, allowNull: true },
    fail_reason: { type: DataTypes.TEXT, allowNull: true },
    progress: { type: DataTypes.DOUBLE, allowNull: true },
    repeat_interval: { type: DataTypes.STRING(255), allowNull: true },
    repeat_timezone: { type: DataTypes.STRING(64), allowNull: true },
    repeat_at: { type: DataTypes.STRING(255), allowNull: true },
    start_date: instant(),
    end_date: instant(),
    skip_days: { type: DataTypes.STRING(32), allowNull: true },
    disabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    fork: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    // JSON as text: portable across SQLite and MySQL/MariaDB (LONGTEXT there).
    data: { type: longText, allowNull: true },
    // 'single:<name>' or 'unique:<name>:<hash>'; NULL for plain jobs. The UNIQUE
    // index turns racing upserts from two workers into one row.
    dedupe_key: { type: DataTypes.STRING(255), allowNull: true },
    debounce_started_at: instant(),
    last_modified_by: { type: DataTypes.STRING(191), allowNull: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
    updated_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  // The poll query: name = ? AND locked_at IS NULL AND next_run_at <= ? ORDER BY
  // next_run_at, priority DESC, and the expired-lock query: name = ? AND
  // locked_at <= ?. priority is DESC so the due-jobs scan comes out of the index
  // already in Agenda's order, with no sort of a large backlog on each poll.
  await qi.addIndex(TABLE, {
    name: 'agenda_jobs_poll',
    fields: ['name', 'locked_at', 'next_run_at', { name: 'priority', order: 'DESC' }],
  });
  await qi.addIndex(TABLE, ['dedupe_key'], { name: 'agenda_jobs_dedupe', unique: true });
  // getQueueSize counts due jobs across all names.
  await qi.addIndex(TABLE, ['next_run_at'], { name: 'agenda_jobs_next_run_at' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable(TABLE);
}
