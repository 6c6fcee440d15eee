import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Sequelize } from 'sequelize';
import { up } from '../../../src/models/migrations/0100-agenda-jobs.js';
import { tuneSqliteForJobs } from '../../../src/jobs/sql-backend/index.js';

/**
 * A throwaway database with the agenda_jobs migration applied. `connect()` opens
 * a new, independent Sequelize instance each time, so two "workers" in a test
 * really use two connections (pools) as two processes would.
 */
export interface AgendaTestDatabase {
  dialect: 'sqlite' | 'mysql';
  /** A URL another process can open (sqlite:<file> or mysql://…/<database>). */
  url: string;
  /** `logging` lets a test see the SQL that a backend sends. */
  connect(logging?: (sql: string) => void): Promise<Sequelize>;
  /** Closes one connection early (a stopped worker), keeping server connections low. */
  release(sequelize: Sequelize): Promise<void>;
  dispose(): Promise<void>;
}

export interface AgendaTestTarget {
  label: string;
  create(): Promise<AgendaTestDatabase>;
}

/** SQLite always; MySQL/MariaDB as well when MYSQL_URL is set. */
export function agendaTestTargets(): AgendaTestTarget[] {
  const targets: AgendaTestTarget[] = [{ label: 'sqlite', create: createSqlite }];
  const url = process.env.MYSQL_URL;
  if (url) targets.push({ label: 'mysql', create: () => createMysql(url) });
  return targets;
}

async function createSqlite(): Promise<AgendaTestDatabase> {
  const file = path.join(os.tmpdir(), `ais-agenda-${randomBytes(6).toString('hex')}.sqlite`);
  const opened: Sequelize[] = [];
  const connect = async (logging?: (sql: string) => void) => {
    const sequelize = new Sequelize({ dialect: 'sqlite', storage: file, logging: logging ?? false });
    await tuneSqliteForJobs(sequelize);
    opened.push(sequelize);
    return sequelize;
  };
  const first = await connect();
  await up({ context: first.getQueryInterface() });
  return {
    dialect: 'sqlite',
    url: `sqlite:${file}`,
    connect,
    release: sequelize => release(opened, sequelize),
    async dispose() {
      await Promise.all(opened.map(s => s.close().catch(() => undefined)));
      await Promise.all(['', '-wal', '-shm', '-journal'].map(s => rm(file + s, { force: true })));
    },
  };
}

async function createMysql(baseUrl: string): Promise<AgendaTestDatabase> {
  const name = `ais_test_agenda_${randomBytes(5).toString('hex')}`;
  // Connect without a database: MYSQL_URL may name one that does not exist yet.
  const serverUrl = new URL(baseUrl);
  serverUrl.pathname = '/';
  const admin = new Sequelize(serverUrl.toString(), { logging: false });
  await admin.query(`CREATE DATABASE \`${name}\``);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const opened: Sequelize[] = [];
  const connect = async (logging?: (sql: string) => void) => {
    // As db.ts does: a bounded prepared-statement cache, so test pools cannot exhaust the server's total.
    const sequelize = new Sequelize(url.toString(), { logging: logging ?? false, pool: { max: 4, idle: 1000 }, dialectOptions: { maxPreparedStatements: 100 } });
    opened.push(sequelize);
    return sequelize;
  };
  const first = await connect();
  await up({ context: first.getQueryInterface() });
  return {
    dialect: 'mysql',
    url: url.toString(),
    connect,
    release: sequelize => release(opened, sequelize),
    async dispose() {
      await Promise.all(opened.map(s => s.close().catch(() => undefined)));
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.close();
    },
  };
}

async function release(opened: Sequelize[], sequelize: Sequelize): Promise<void> {
  const index = opened.indexOf(sequelize);
  if (index >= 0) opened.splice(index, 1);
  await sequelize.close().catch(() => undefined);
}
