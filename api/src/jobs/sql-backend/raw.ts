import type { Sequelize } from 'sequelize';
import { onResetForTests } from '../../util/process-cache.js';
import { driverErrorMapper, sqlDate } from '../../db.js';

/**
 * The backend's hot statements on MySQL/MariaDB (job inserts, claims, the two saveJobState writes of every run):
 * straight on a pooled mysql2 connection, prepared (`execute`, fixed statement texts so the per-connection LRU of
 * prepared statements keeps them), without Sequelize's per-query machinery (model instances, query object,
 * replacement formatting, hooks). Everything else (dashboards, dedupe saves, the idle probe) stays on Sequelize.
 *
 * Tracing still sees these statements: when the Sequelize instance has a `logging` function it is called with
 * each statement's text, values formatted in, as Sequelize would. `rawStatementCount()` counts them for benchmarks.
 * Errors come back as Sequelize's errors (isUniqueViolation and retryOnDeadlock work on them).
 */
/** A parameter; a string list only in `text` statements (expanded to 'a', 'b' by the driver, for IN (?)). */
export type RawValue = string | number | boolean | null | Date | string[];

interface MysqlConnection {
  execute(sql: string, params: unknown[], cb: (err: Error | null, result: unknown) => void): void;
  query(sql: string, params: unknown[], cb: (err: Error | null, result: unknown) => void): void;
  format(sql: string, params: unknown[]): string;
}
interface ConnectionManager {
  getConnection(options?: object): Promise<MysqlConnection>;
  releaseConnection(conn: MysqlConnection): void;
  destroyConnection(conn: MysqlConnection): Promise<void>;
}

let statements = 0;
onResetForTests(() => { statements = 0; });
/** Per connection, kept on the connection itself: is its session READ COMMITTED (createDatabase's are, see db.ts)? Read once. */
const READ_COMMITTED = Symbol('ais.sessionReadCommitted');
type Remembers = { [READ_COMMITTED]?: boolean };
/** Statements sent through this module in this process (benchmarks add it to Sequelize's count). */
export function rawStatementCount(): number {
  return statements;
}

const toDriver = (v: RawValue | undefined) => (v instanceof Date ? sqlDate('mysql', v) : typeof v === 'boolean' ? (v ? 1 : 0) : v ?? null);

export interface RawConnection {
  /** Prepared statement: affected (matched) rows. */
  run(sql: string, params: RawValue[]): Promise<number>;
  /** Prepared statement: rows. */
  all<R = Record<string, unknown>>(sql: string, params: RawValue[]): Promise<R[]>;
  /** Text protocol, values escaped by the driver: for statements whose text varies (multi-row INSERT). */
  text(sql: string, params: RawValue[]): Promise<number>;
}

export class RawMysql {
  private readonly cm: ConnectionManager;
  private readonly formatError: (err: Error) => Error;

  constructor(private readonly sequelize: Sequelize) {
    this.cm = (sequelize as unknown as { connectionManager: ConnectionManager }).connectionManager;
    this.formatError = driverErrorMapper(sequelize);
  }

  /** One statement on a connection of its own (autocommit). */
  async run(sql: string, params: RawValue[]): Promise<number> {
    return this.with(c => c.run(sql, params));
  }

  async all<R = Record<string, unknown>>(sql: string, params: RawValue[]): Promise<R[]> {
    return this.with(c => c.all<R>(sql, params));
  }

  async text(sql: string, params: RawValue[]): Promise<number> {
    return this.with(c => c.text(sql, params));
  }

  /**
   * fn inside START TRANSACTION … COMMIT on one connection, at READ COMMITTED; rolled back when fn throws. The
   * session's level is read once per connection: createDatabase's sessions are READ COMMITTED already (db.ts), so
   * nothing more is sent; on any other session `SET TRANSACTION` (this transaction only, the pooled session is left
   * as it is) goes before each transaction, as before round 2.
   */
  async transaction<T>(fn: (c: RawConnection) => Promise<T>): Promise<T> {
    return this.with(async (c, conn, state) => {
      let rc = (conn as unknown as Remembers)[READ_COMMITTED];
      if (rc === undefined) {
        const level = await c.all<{ l: string }>('SELECT @@SESSION.tx_isolation AS l', [])
          .catch(() => c.all<{ l: string }>('SELECT @@SESSION.transaction_isolation AS l', [])); // MySQL 8 has no tx_isolation
        rc = level[0]?.l === 'READ-COMMITTED';
        (conn as unknown as Remembers)[READ_COMMITTED] = rc;
      }
      if (!rc) await c.text('SET TRANSACTION ISOLATION LEVEL READ COMMITTED', []);
      state.open = true;
      await c.text('START TRANSACTION', []);
      let result: T;
      try {
        result = await fn(c);
      } catch (error) {
        await c.text('ROLLBACK', []);
        state.open = false;
        throw error;
      }
      await c.text('COMMIT', []);
      state.open = false;
      return result;
    });
  }

  private async with<T>(fn: (c: RawConnection, conn: object, state: { open: boolean }) => Promise<T>): Promise<T> {
    const conn = await this.cm.getConnection({ type: 'write' });
    const state = { open: false };
    let broken = false;
    const call = <R>(method: 'execute' | 'query', sql: string, params: RawValue[]) => new Promise<R>((resolve, reject) => {
      statements += 1;
      const log = (this.sequelize as unknown as { options: { logging?: unknown } }).options.logging;
      const values = params.map(toDriver);
      // With the values in, as Sequelize logs its own statements (tests EXPLAIN what they see).
      if (typeof log === 'function') log(`Executing (raw): ${conn.format(sql, values)}`);
      conn[method](sql, values, (err, result) => {
        if (err) {
          // A connection-level failure: do not hand it back to the pool.
          if ((err as { fatal?: boolean }).fatal) broken = true;
          reject(this.formatError(err));
        } else resolve(result as R);
      });
    });
    const c: RawConnection = {
      run: async (sql, params) => (await call<{ affectedRows: number }>('execute', sql, params)).affectedRows,
      all: (sql, params) => call('execute', sql, params),
      text: async (sql, params) => (await call<{ affectedRows?: number }>('query', sql, params)).affectedRows ?? 0,
    };
    try {
      return await fn(c, conn, state);
    } finally {
      // A transaction left open (its ROLLBACK or COMMIT failed): the connection's state is unknown, drop it.
      if (broken || state.open) await this.cm.destroyConnection(conn).catch(() => undefined);
      else this.cm.releaseConnection(conn);
    }
  }
}
