import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Sequelize, Transaction, type QueryInterface } from 'sequelize';
import mysql from 'mysql2';
import { Umzug } from 'umzug';
import { logger } from './logger.js';

export type Dialect = 'sqlite' | 'mysql';

export interface Database {
  sequelize: Sequelize;
  dialect: Dialect;
  /** Runs fn in one transaction; on SQLite write transactions are serialised in-process and take the write lock up front. */
  tx<T>(fn: (t: Transaction) => Promise<T>): Promise<T>;
  /**
   * Hot-path statements (the generate acknowledgement): one parameterised statement (`?` placeholders) straight on the
   * transaction's driver connection, without Sequelize's per-query machinery (query object, replacement formatting,
   * a captured and, on SQLite, formatted stack trace). Values: string, number, null, boolean, Date (stored exactly as
   * Sequelize stores DATE(3) on the dialect). Driver errors come back as Sequelize's errors (isUniqueViolation,
   * retryOnDeadlock work on them). `run` answers the affected row count and insert id, `all` the rows.
   */
  run(t: Transaction, sql: string, params: SqlValue[]): Promise<{ affected: number; insertId: number }>;
  all<R = Record<string, unknown>>(t: Transaction, sql: string, params: SqlValue[]): Promise<R[]>;
  /**
   * One parameterised read outside any transaction, with the same driver path as `all`: a checks-every-request read
   * (auth/suspension.ts) that must see what another process just committed, without Sequelize's per-query machinery.
   * SQLite: the process's default (read) connection, statement kept prepared; MySQL: a pooled connection.
   */
  read<R = Record<string, unknown>>(sql: string, params: SqlValue[]): Promise<R[]>;
  /**
   * One write transaction of fixed statements in two steps: `first`, then what `then` derives from their results (run
   * before COMMIT), or null to roll back (the call then answers null). On MySQL/MariaDB each step is ONE round trip:
   * `START TRANSACTION; first…` and `then…; COMMIT` each go as one multi-statement text, on a connection of a small
   * pool of its own, the only connections that accept several statements in one text (docs/decisions.md: they only
   * ever carry this method's fixed texts, every value a `?` the driver escapes). On SQLite it is db.tx with the
   * statements run in turn (nothing to save there). A failing statement rolls the whole transaction back and throws
   * the driver error mapped as Sequelize maps it (isUniqueViolation works on it). The generate acknowledgement.
   */
  script(first: Statement[], then: (results: StatementResult[]) => Statement[] | null): Promise<StatementResult[] | null>;
  /** One Statement in the caller's transaction (db.run, or db.all for one that answers rows), as db.script reports it. */
  exec(t: Transaction, statement: Statement): Promise<StatementResult>;
  close(): Promise<void>;
}

export type SqlValue = string | number | boolean | null | Date;
/** A parameterised statement of db.script; `returning` marks one that answers rows (SQLite's RETURNING). */
export interface Statement { sql: string; params: SqlValue[]; returning?: boolean }
/** What a statement of db.script did: rows changed, the insert id (MySQL: also LAST_INSERT_ID(expr)), rows when `returning`. */
export interface StatementResult { affected: number; insertId: number; rows?: Record<string, unknown>[] }

/**
 * INSERT statements for `rows` of one table: multi-row, in chunks of 16, 8, 4, 2 and 1 rows, so that any number of
 * rows takes a handful of statements of at most five distinct texts per table and column list (SQLite keeps each
 * text prepared). Columns and table are the caller's fixed names, never input.
 */
export function insertRows(table: string, columns: readonly string[], rows: readonly SqlValue[][]): Statement[] {
  const out: Statement[] = [];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length;) {
    let size = 16;
    while (size > rows.length - i) size /= 2;
    const chunk = rows.slice(i, i + size);
    out.push({ sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`, params: chunk.flat() });
    i += size;
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** A Date the way Sequelize writes a DATE(3) column: UTC, milliseconds, and on SQLite the zone suffix it parses back. */
export function sqlDate(dialect: Dialect, d: Date): string {
  const s = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  return dialect === 'sqlite' ? `${s} +00:00` : s;
}

interface SqliteStatement {
  run(params: unknown[], cb: (this: { changes: number; lastID: number }, err: Error | null) => void): void;
  all(params: unknown[], cb: (err: Error | null, rows: unknown[]) => void): void;
  finalize(cb?: () => void): void;
}
interface SqliteDriverConnection { prepare(sql: string, cb?: (err: Error | null) => void): SqliteStatement }
interface MysqlDriverConnection {
  execute(sql: string, params: unknown[], cb: (err: Error | null, result: unknown) => void): void;
}

/** Set inside a db.tx callback (SQLite): its own writes must not queue behind the transaction that issues them. */
const insideTx = new AsyncLocalStorage<boolean>();
const SQLITE_WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

/** A tiny FIFO mutex: SQLite allows one writer, so we queue writers here instead of spinning on SQLITE_BUSY. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(() => undefined, () => undefined);
    return result;
  }
}

interface SqliteConnection { configure(option: string, value: number): void; run(sql: string, cb?: (err: Error | null) => void): void; close(): void }
interface SqliteConnectionManager {
  connections: Record<string, SqliteConnection>;
  getConnection(o?: { uuid?: string }): Promise<SqliteConnection>;
  releaseConnection(conn: SqliteConnection, force?: boolean): unknown;
}
const SHARED_TX_CONNECTION = 'shared-tx';

interface TxLike { parent?: unknown; connection?: unknown; finished?: string; options: { type?: string } }
interface TxQueryInterface {
  queryGenerator: { startTransactionQuery(t: TxLike): string; commitTransactionQuery(t: TxLike): string; rollbackTransactionQuery(t: TxLike): string };
  startTransaction(t: TxLike, options?: object): Promise<unknown>;
  commitTransaction(t: TxLike, options?: object): Promise<unknown>;
  rollbackTransaction(t: TxLike, options?: object): Promise<unknown>;
}

export function createDatabase(url: string, opts: { poolMax?: number } = {}): Database {
  let sequelize: Sequelize;
  let dialect: Dialect;
  /** MySQL: db.script's own connections (multi-statement texts), opened on first use: worker processes never do. */
  let scriptPool: mysql.Pool | undefined;
  let openScriptPool: (() => mysql.Pool) | undefined;
  /** SQLite: the one long-lived connection db.tx's write transactions run on. */
  let shared: SqliteConnection | undefined;
  if (url.startsWith('sqlite:')) {
    dialect = 'sqlite';
    const storage = url.slice('sqlite:'.length).replace(/^\/\//, '') || ':memory:';
    if (storage !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(storage)), { recursive: true });
    sequelize = new Sequelize({ dialect: 'sqlite', storage, logging: false, define: { underscored: true } });
    // Sequelize opens (and closes) a new sqlite3 connection for every transaction, which costs a file open and a
    // schema parse each time. db.tx already serialises this process's write transactions, so they all run on one
    // long-lived connection instead. Every connection gets a busy timeout so a writer from another connection
    // (or process) waits instead of failing with SQLITE_BUSY.
    const cm = (sequelize as unknown as { connectionManager: SqliteConnectionManager }).connectionManager;
    const getConnection = cm.getConnection.bind(cm);
    const releaseConnection = cm.releaseConnection.bind(cm);
    const configured = new WeakSet<object>();
    // The PRAGMA is awaited: sqlite3 runs a connection's calls in parallel unless serialized, so a transaction's BEGIN
    // (sent straight to the driver, below) could otherwise run first, and the PRAGMA then fails inside the transaction.
    const configure = async (conn: SqliteConnection) => {
      if (!configured.has(conn)) {
        configured.add(conn);
        conn.configure('busyTimeout', 20000);
        await new Promise<void>((resolve) => conn.run('PRAGMA synchronous=NORMAL', () => resolve()));
      }
      return conn;
    };
    cm.getConnection = async (o?: { uuid?: string }) => {
      if (claimSharedConnection && o?.uuid && o.uuid !== 'default') {
        claimSharedConnection = false;
        shared ??= await configure(await getConnection({ uuid: SHARED_TX_CONNECTION }));
        return shared;
      }
      return configure(await getConnection(o));
    };
    cm.releaseConnection = (conn: SqliteConnection, force?: boolean) => {
      if (conn !== shared) return releaseConnection(conn, force);
      // A forced release means the transaction left it in an unknown state: drop it, the next transaction opens a fresh one.
      if (force) {
        finalizeStatements(conn);
        shared = undefined;
        delete cm.connections[SHARED_TX_CONNECTION];
        conn.close();
      }
    };
  } else {
    dialect = 'mysql';
    const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
    sequelize = new Sequelize(u.pathname.slice(1), decodeURIComponent(u.username), decodeURIComponent(u.password), {
      dialect: 'mysql',
      host: u.hostname,
      port: Number(u.port || 3306),
      logging: false,
      define: { underscored: true },
      pool: { max: opts.poolMax ?? 20, min: 0, acquire: 30000, idle: 10000 },
      // mysql2 keeps up to 16,000 prepared statements open per connection by default, and every distinct SQL text
      // (each bulk-insert size, each IN-list length) is one more: a few processes with 20 connections each exhausted
      // the server-wide max_prepared_stmt_count (16,382) in the soak, failing every prepared query on the server.
      // A small LRU per connection (evicted statements are closed) keeps the hot statements prepared.
      dialectOptions: { supportBigNumbers: true, bigNumberStrings: false, dateStrings: false, maxPreparedStatements: 64 },
      timezone: '+00:00',
    });
    openScriptPool = () => {
      const pool = mysql.createPool({
        host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password),
        database: u.pathname.slice(1), multipleStatements: true, connectionLimit: Math.min(opts.poolMax ?? 20, 10),
        // As Sequelize connects: changed rows (not matched rows) in affectedRows, numbers as numbers.
        flags: ['-FOUND_ROWS'], supportBigNumbers: true, bigNumberStrings: false,
      });
      // The same session as Sequelize's connections: READ COMMITTED, UTC.
      // Queued before the connection's first script; a connection that cannot take it is dropped (its script fails).
      pool.on('connection', (conn) => conn.query("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED; SET time_zone = '+00:00'",
        (err) => { if (err) conn.destroy(); }));
      return pool;
    };
    // READ COMMITTED once per connection rather than a SET before every transaction (one round trip less each).
    sequelize.addHook('afterConnect', async (conn: unknown) => {
      await new Promise<void>((resolve, reject) => (conn as { query: (sql: string, cb: (err: unknown) => void) => void })
        .query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', (err) => (err ? reject(err) : resolve())));
    });
  }
  const mutex = new Mutex();
  let claimSharedConnection = false;
  if (dialect === 'sqlite') {
    // Writes outside a transaction (the job backend's claims and saves, model updates) queue on the same mutex as
    // db.tx. Otherwise each one waits for the write lock inside sqlite3's busy handler, which sleeps on a libuv pool
    // thread: a handful of them (several job names claiming at once) take all four threads while a db.tx holds
    // the lock, and the transaction cannot run its next statement until they time out, stalling the process for
    // tens of seconds. A write issued inside a db.tx callback (its async context) runs as before.
    const query = sequelize.query.bind(sequelize) as (sql: unknown, options?: { transaction?: unknown }) => Promise<unknown>;
    (sequelize as unknown as { query: typeof query }).query = (sql, options) => {
      const text = typeof sql === 'string' ? sql : (sql as { query?: string } | undefined)?.query ?? '';
      if (options?.transaction || insideTx.getStore() || !SQLITE_WRITE.test(text)) return query(sql, options);
      return mutex.run(() => query(sql, options));
    };
  }
  // SQLite: db.run/db.all keep their statements prepared per connection (sqlite3's Database#run prepares and finalizes
  // a statement on every call). Only the shared transaction connection runs them, one transaction at a time.
  const statements = new Map<object, Map<string, { stmt: SqliteStatement; ready: Promise<SqliteStatement> }>>();
  const prepared = (conn: SqliteDriverConnection, sql: string): Promise<SqliteStatement> => {
    let byText = statements.get(conn);
    if (byText && byText.size >= 200) { finalizeStatements(conn); byText = undefined; }
    if (!byText) statements.set(conn, (byText = new Map()));
    let entry = byText.get(sql);
    if (!entry) {
      const texts = byText;
      let stmt!: SqliteStatement;
      // A statement that fails to prepare answers no later call: the error is given here, and the text forgotten.
      const ready = new Promise<SqliteStatement>((resolve, reject) => {
        stmt = conn.prepare(sql, (err) => {
          if (!err) return resolve(stmt);
          texts.delete(sql);
          reject(driverError(err));
        });
      });
      entry = { stmt, ready };
      byText.set(sql, entry);
    }
    return entry.ready;
  };
  // Before a connection closes (an unfinalized statement keeps SQLite from closing it).
  function finalizeStatements(conn: object) {
    for (const { stmt } of statements.get(conn)?.values() ?? []) stmt.finalize();
    statements.delete(conn);
  }
  // BEGIN / COMMIT / ROLLBACK of every top-level transaction straight on its driver connection. Sequelize's Transaction
  // object still drives them (connection, CLS, afterCommit hooks, cleanup, the forced release of a connection whose
  // COMMIT or ROLLBACK failed); only the statement itself skips sequelize.query: its query object, its retry wrapper
  // and, on SQLite, the stack trace it captures and formats (source-mapped under tsx) for every statement, which was
  // about a fifth of the CPU of a generate acknowledgement. The SQL is the dialect's own text; savepoints (a
  // transaction with a parent) go through Sequelize as before. Errors are mapped by Sequelize's dialect code.
  const qi = sequelize.getQueryInterface() as unknown as TxQueryInterface;
  const original = { start: qi.startTransaction.bind(qi), commit: qi.commitTransaction.bind(qi), rollback: qi.rollbackTransaction.bind(qi) };
  const control = async (conn: unknown, sql: string): Promise<void> => {
    if (dialect === 'sqlite') {
      // The shared connection keeps the statement prepared; any other is closed on release, so it runs it unprepared.
      if (conn === shared) {
        const stmt = await prepared(conn as SqliteDriverConnection, sql);
        return new Promise((resolve, reject) => stmt.run([], (err) => (err ? reject(driverError(err)) : resolve())));
      }
      return new Promise((resolve, reject) => (conn as { exec(sql: string, cb: (err: Error | null) => void): void })
        .exec(sql, (err) => (err ? reject(driverError(err)) : resolve())));
    }
    return new Promise((resolve, reject) => (conn as { query(sql: string, cb: (err: Error | null) => void): void })
      .query(sql, (err) => (err ? reject(driverError(err)) : resolve())));
  };
  // Sequelize's default retry (5 attempts on SQLITE_BUSY, backoff from 100 ms), kept for BEGIN and COMMIT: a COMMIT
  // refused as busy leaves the transaction open, so running it again is what SQLite documents.
  const busyRetry = async (conn: unknown, sql: string): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await control(conn, sql);
      } catch (err) {
        if (attempt >= 5 || (err as DriverError).parent?.code !== 'SQLITE_BUSY') throw err;
        await new Promise((r) => setTimeout(r, 100 * 1.1 ** (attempt - 1)));
      }
    }
  };
  qi.startTransaction = async (t, options) => {
    if (t.parent || !t.connection) return original.start(t, options);
    return busyRetry(t.connection, qi.queryGenerator.startTransactionQuery(t));
  };
  qi.commitTransaction = async (t, options) => {
    if (t.parent || !t.connection) return original.commit(t, options);
    const done = busyRetry(t.connection, qi.queryGenerator.commitTransactionQuery(t));
    t.finished = 'commit';
    return done;
  };
  qi.rollbackTransaction = async (t, options) => {
    if (t.parent || !t.connection) return original.rollback(t, options);
    const done = control(t.connection, qi.queryGenerator.rollbackTransactionQuery(t));
    t.finished = 'rollback';
    return done;
  };
  const db: Database = {
    sequelize,
    dialect,
    tx(fn) {
      if (dialect === 'sqlite') {
        return mutex.run(() => insideTx.run(true, () => {
          // Claimed by the getConnection call Sequelize makes synchronously inside transaction().
          claimSharedConnection = true;
          return sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, fn).finally(() => { claimSharedConnection = false; });
        }));
      }
      return sequelize.transaction(fn);
    },
    async run(t, sql, params) {
      const conn = (t as unknown as { connection: unknown }).connection;
      const values = params.map(toDriver);
      if (dialect === 'sqlite') {
        const stmt = await prepared(conn as SqliteDriverConnection, sql);
        return new Promise((resolve, reject) => stmt.run(values, function done(err) {
          if (err) reject(driverError(err));
          else resolve({ affected: this.changes, insertId: this.lastID });
        }));
      }
      return new Promise((resolve, reject) => (conn as MysqlDriverConnection).execute(sql, values, (err, result) => {
        if (err) return reject(driverError(err));
        const header = result as { affectedRows: number; insertId: number | string };
        resolve({ affected: header.affectedRows, insertId: Number(header.insertId) });
      }));
    },
    async all<R>(t: Transaction, sql: string, params: SqlValue[]) {
      const conn = (t as unknown as { connection: unknown }).connection;
      const values = params.map(toDriver);
      const stmt = dialect === 'sqlite' ? await prepared(conn as SqliteDriverConnection, sql) : undefined;
      return new Promise<R[]>((resolve, reject) => {
        const done = (err: Error | null, rows: unknown) => (err ? reject(driverError(err)) : resolve(rows as R[]));
        if (stmt) stmt.all(values, done);
        else (conn as MysqlDriverConnection).execute(sql, values, done);
      });
    },
    async read<R>(sql: string, params: SqlValue[]) {
      const cm = (sequelize as unknown as { connectionManager: { getConnection(o?: object): Promise<unknown>; releaseConnection(c: unknown): unknown } }).connectionManager;
      const values = params.map(toDriver);
      if (dialect === 'sqlite') {
        // The default connection lives as long as the Sequelize instance (never released), like Sequelize's own reads.
        const stmt = await prepared(await cm.getConnection({ type: 'SELECT' }) as SqliteDriverConnection, sql);
        return new Promise<R[]>((resolve, reject) => stmt.all(values, (err, rows) => (err ? reject(driverError(err)) : resolve(rows as R[]))));
      }
      const conn = await cm.getConnection({ type: 'SELECT' });
      try {
        return await new Promise<R[]>((resolve, reject) => (conn as MysqlDriverConnection).execute(sql, values,
          (err, rows) => (err ? reject(driverError(err)) : resolve(rows as R[]))));
      } finally {
        cm.releaseConnection(conn);
      }
    },
    async script(first, then) {
      if (dialect === 'sqlite') return sqliteScript(first, then);
      scriptPool ??= openScriptPool!();
      const conn = await new Promise<mysql.PoolConnection>((resolve, reject) => scriptPool!.getConnection((err, c) => (err ? reject(err) : resolve(c))));
      try {
        const results = await multi(conn, 'START TRANSACTION', first, '');
        const next = then(results);
        if (next === null) {
          await multi(conn, '', [], 'ROLLBACK');
          return null;
        }
        return [...results, ...(await multi(conn, '', next, 'COMMIT'))];
      } catch (err) {
        // A text stops at its failing statement with the transaction open (or its COMMIT or ROLLBACK failed, or `then`
        // threw): roll back, or drop the connection rather than give it back with a transaction in an unknown state.
        try { await multi(conn, '', [], 'ROLLBACK'); } catch { conn.destroy(); }
        throw err;
      } finally {
        conn.release(); // after destroy() a no-op for the pool
      }
    },
    async exec(t, x) {
      if (!x.returning) return db.run(t, x.sql, x.params);
      const rows = await db.all(t, x.sql, x.params);
      return { affected: rows.length, insertId: 0, rows };
    },
    close: () => sequelize.close(),
  };
  /** One multi-statement text: `head` (START TRANSACTION or nothing), the statements, `tail` (COMMIT, ROLLBACK or nothing). */
  const multi = (conn: mysql.PoolConnection, head: string, stmts: Statement[], tail: string) => new Promise<StatementResult[]>((resolve, reject) => {
    const texts = [...(head ? [head] : []), ...stmts.map((x) => x.sql), ...(tail ? [tail] : [])];
    const values = stmts.flatMap((x) => x.params.map(toDriver));
    conn.query({ sql: texts.join(';\n'), values }, (err, result) => {
      if (err) return reject(driverError(err));
      // Several statements answer one result each; a single one answers its own result.
      const each = (texts.length > 1 ? result : [result]) as unknown[];
      const own = each.slice(head ? 1 : 0, (head ? 1 : 0) + stmts.length);
      resolve(own.map((r) => Array.isArray(r)
        ? { affected: 0, insertId: 0, rows: r as Record<string, unknown>[] }
        : { affected: (r as mysql.ResultSetHeader).affectedRows, insertId: Number((r as mysql.ResultSetHeader).insertId) }));
    });
  });
  const ROLLED_BACK = Symbol('rolled back');
  const sqliteScript = async (first: Statement[], then: (results: StatementResult[]) => Statement[] | null) => {
    try {
      return await db.tx(async (t) => {
        const results: StatementResult[] = [];
        for (const x of first) results.push(await db.exec(t, x));
        const next = then(results);
        if (next === null) throw ROLLED_BACK;
        for (const x of next) results.push(await db.exec(t, x));
        return results;
      });
    } catch (err) {
      if (err === ROLLED_BACK) return null;
      throw err;
    }
  };
  // Whoever closes Sequelize (db.close, a test, a tool): the statements kept prepared are finalized first, or SQLite
  // refuses to close their connection (SQLITE_BUSY: unfinalized statements).
  const closeSequelize = sequelize.close.bind(sequelize);
  sequelize.close = async () => {
    for (const conn of [...statements.keys()]) finalizeStatements(conn);
    const pool = scriptPool;
    scriptPool = undefined;
    if (pool) await new Promise<void>((resolve) => pool.end(() => resolve()));
    return closeSequelize();
  };
  const toDriver = (v: SqlValue) => (v instanceof Date ? sqlDate(dialect, v) : typeof v === 'boolean' ? (v ? 1 : 0) : v ?? null);
  const driverError = driverErrorMapper(sequelize);
  return db;
}

/**
 * Maps a driver error the way Sequelize would (unique violation, deadlock...), with the stack of the call site, built
 * only on failure: for statements sent straight to the driver (db.run/db.all, the job backend's raw.ts).
 */
export function driverErrorMapper(sequelize: Sequelize): (err: Error) => Error {
  const QueryClass = (sequelize as unknown as { dialect: { Query: new (c: unknown, s: Sequelize, o: object) => { formatError(e: Error, stack?: string): Error } } }).dialect.Query;
  return (err: Error) => new QueryClass(null, sequelize, {}).formatError(err, new Error(err.message).stack);
}

/** Creates the MySQL database named in the URL if it does not exist (the embedded SQLite file is created on open). */
export async function ensureDatabaseExists(url: string) {
  if (url.startsWith('sqlite:')) return;
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const name = u.pathname.slice(1);
  const admin = new Sequelize('', decodeURIComponent(u.username), decodeURIComponent(u.password), {
    dialect: 'mysql', host: u.hostname, port: Number(u.port || 3306), logging: false,
  });
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.close();
  }
}

/** Drops the MySQL/MariaDB database a URL names (scratch databases of tests and benchmarks); a SQLite URL is left alone. */
export async function dropDatabase(url: string) {
  if (url.startsWith('sqlite:')) return;
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const admin = new Sequelize('', decodeURIComponent(u.username), decodeURIComponent(u.password), {
    dialect: 'mysql', host: u.hostname, port: Number(u.port || 3306), logging: false,
  });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${u.pathname.slice(1).replace(/`/g, '')}\``);
  } finally {
    await admin.close();
  }
}

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'models', 'migrations');

export function migrator(db: Database) {
  return new Umzug<QueryInterface>({
    migrations: async () => {
      const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+.*\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
      return files.map((f) => ({
        name: f.replace(/\.(ts|js)$/, ''),
        path: path.join(MIGRATIONS_DIR, f),
        up: async ({ context }) => (await import(pathToFileURL(path.join(MIGRATIONS_DIR, f)).href)).up({ context }),
        down: async ({ context }) => (await import(pathToFileURL(path.join(MIGRATIONS_DIR, f)).href)).down({ context }),
      }));
    },
    context: db.sequelize.getQueryInterface(),
    storage: {
      // A minimal SequelizeStorage equivalent, kept here so migration bookkeeping is one obvious table.
      async executed() {
        await db.sequelize.query('CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR(191) PRIMARY KEY, run_at VARCHAR(40) NOT NULL)');
        const [rows] = await db.sequelize.query('SELECT name FROM schema_migrations ORDER BY name');
        return (rows as { name: string }[]).map((r) => r.name);
      },
      async logMigration({ name }) {
        await db.sequelize.query('INSERT INTO schema_migrations (name, run_at) VALUES (?, ?)', { replacements: [name, new Date().toISOString()] });
      },
      async unlogMigration({ name }) {
        await db.sequelize.query('DELETE FROM schema_migrations WHERE name = ?', { replacements: [name] });
      },
    },
    logger: undefined,
  });
}

export async function migrate(db: Database) {
  if (db.dialect === 'sqlite') {
    await db.sequelize.query('PRAGMA journal_mode=WAL');
    await db.sequelize.query('PRAGMA synchronous=NORMAL');
  }
  const done = await migrator(db).up();
  if (done.length) logger().info({ migrations: done.map((m) => m.name) }, 'migrations applied');
}

interface DriverError { name?: string; parent?: { code?: string; errno?: number }; original?: { code?: string } }

/**
 * Re-runs a whole transaction when MariaDB picks it as a deadlock victim, a lock wait times out, or SQLite answers
 * SQLITE_BUSY (another process held the write lock past the busy timeout): the transaction was rolled back entirely,
 * so running it again is safe and gives the same guarantees. `fn` must open its own transaction.
 */
/**
 * An instant for a raw query's replacements. Sequelize writes a Date to MySQL/MariaDB without its milliseconds, which
 * moves a window's edges by up to a second; there the instant goes as UTC text with them. SQLite keeps the Date.
 */
export function sqlInstant(dialect: string, d: Date): Date | string {
  return dialect === 'mysql' || dialect === 'mariadb' ? d.toISOString().replace('T', ' ').replace('Z', '') : d;
}

export async function retryOnDeadlock<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const e = err as DriverError;
      const code = e?.parent?.code ?? e?.original?.code;
      const retryable = code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY' || e?.parent?.errno === 1213;
      if (!retryable || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * i));
    }
  }
}

/** True when a statement failed on a unique index (Sequelize maps MySQL's ER_DUP_ENTRY and SQLite's UNIQUE constraint to this). */
export function isUniqueViolation(err: unknown): boolean {
  return (err as DriverError | undefined)?.name === 'SequelizeUniqueConstraintError';
}
