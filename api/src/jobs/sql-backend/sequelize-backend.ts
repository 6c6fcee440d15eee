import type { Sequelize } from 'sequelize';
import type { AgendaBackend, NotificationChannel } from 'agenda';
import { SequelizeJobRepository } from './sequelize-job-repository.js';
import { RedisWakeChannel, RedisWakePublisher } from './redis-wake.js';
import type { RedisWakeOptions } from './redis-wake.js';

export interface SequelizeBackendOptions {
  /** The application's Sequelize instance; jobs share the credit ledger's database. */
  sequelize: Sequelize;
  /** Defaults to 'agenda_jobs', the table created by migration 0100. */
  tableName?: string;
  /** Most jobs one claim locks (default 10); the rest serve this worker's next polls without a query. */
  pollBatchSize?: number;
  /** Wake workers on enqueue through Redis pub/sub; without it Agenda polls every processEvery. */
  wake?: RedisWakeOptions;
}

/**
 * Agenda backend storing jobs through the application's Sequelize connection (SQLite or MySQL/MariaDB). Polling,
 * plus wake-ups on enqueue through Redis pub/sub when `wake` is given (see docs/jobs-backend.md).
 */
export class SequelizeBackend implements AgendaBackend {
  readonly name: string;
  readonly repository: SequelizeJobRepository;
  readonly notificationChannel: NotificationChannel | undefined;
  // The connection belongs to the application: agenda.stop() must not close it.
  readonly ownsConnection = false;
  private readonly publisher: RedisWakePublisher | undefined;

  constructor(options: SequelizeBackendOptions) {
    this.publisher = options.wake ? new RedisWakePublisher(options.wake) : undefined;
    const publisher = this.publisher;
    this.repository = new SequelizeJobRepository({ ...options, onDue: publisher ? name => publisher.notify(name) : undefined });
    this.notificationChannel = options.wake ? new RedisWakeChannel(options.wake, name => this.repository.wake(name)) : undefined;
    this.name = `Sequelize (${options.sequelize.getDialect()})${options.wake ? ' + Redis wake-ups' : ''}`;
  }

  /** A job was written outside saveJob (enqueued in the caller's transaction): call after commit. */
  notifyDue(jobName: string): void {
    this.publisher?.notify(jobName);
  }

  connect(): Promise<void> {
    return this.repository.connect();
  }

  async disconnect(): Promise<void> {
    // The Sequelize instance is the caller's; only what this backend opened is closed.
    await this.close();
  }

  /** Releases jobs claimed but not yet handed to Agenda, and closes the wake-up publisher. */
  async close(): Promise<void> {
    await this.repository.releaseBuffered().catch(() => undefined);
    await this.publisher?.close();
  }
}
