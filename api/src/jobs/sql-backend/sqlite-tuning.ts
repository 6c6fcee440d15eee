import type { Sequelize } from 'sequelize';

/**
 * Settings that let several connections (API, worker, a second worker process)
 * share one SQLite file: WAL lets readers run beside the single writer, and
 * busy_timeout makes a writer wait for the lock instead of failing with
 * SQLITE_BUSY. No-op on other dialects.
 */
export async function tuneSqliteForJobs(sequelize: Sequelize, busyTimeoutMs = 5000): Promise<void> {
  if (sequelize.getDialect() !== 'sqlite') return;
  await sequelize.query('PRAGMA journal_mode=WAL');
  await sequelize.query(`PRAGMA busy_timeout=${Math.max(0, Math.floor(busyTimeoutMs))}`);
}
