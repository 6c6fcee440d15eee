import type { Sequelize } from 'sequelize';
import type { AgendaBackend } from 'agenda';
import { SequelizeJobRepository } from './sequelize-job-repository.js';

export interface SequelizeBackendOptions {
  /** The application's Sequelize instance; jobs share the credit ledger's database. */
  sequelize: Sequelize;
  /** Defaults to 'agenda_jobs', the table created by migration 0100. */
  tableName?: string;
  /** Lockable candidates read per poll before claiming (default 5). */
  pollBatchSize?: number;
}

/**
 * Agenda backend storing jobs through the application's Sequelize connection
 * (SQLite or MySQL/MariaDB). Polling only: Agenda falls back to processEvery
 * when no notification channel is given.
 */
export class SequelizeBackend implements AgendaBackend {
  readonly name: string;
  readonly repository: SequelizeJobRepository;
  readonly notificationChannel = undefined;
  // The connection belongs to the application: agenda.stop() must not close it.
  readonly ownsConnection = false;

  constructor(options: SequelizeBackendOptions) {
    this.repository = new SequelizeJobRepository(options);
    this.name = `Sequelize (${options.sequelize.getDialect()})`;
  }

  connect(): Promise<void> {
    return this.repository.connect();
  }

  async disconnect(): Promise<void> {
    // Nothing of our own to release: the Sequelize instance is the caller's.
  }
}
