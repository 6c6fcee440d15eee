import type { Suite } from 'mocha';
import fs from 'node:fs';
import { bootTestServices, databases, startServer, type TestServer } from './harness.js';
import { shutdownServices } from '../../src/boot.js';

export interface EachDatabaseOptions {
  /**
   * Options of the server started on each database. `'services'` boots the services (migrations, models, default
   * tenant, no worker) without HTTP, for the database tier; `false` starts nothing (the suite uses `db.url`).
   */
  server?: false | 'services' | { worker?: boolean; env?: Record<string, string>; examples?: boolean };
  /** Runs after the database exists and before the server starts: settings that boot reads. */
  beforeStart?: (url: string) => void | Promise<void>;
  /** A suite that closes the database on purpose cannot expect a clean shutdown. */
  ignoreCloseErrors?: boolean;
  /** Mocha timeout of the suite, 60 s unless given (the suite may still call this.timeout()). */
  timeout?: number;
}

/** What a suite body sees of the database it runs on. */
export interface DatabaseUnderTest {
  /** Known while the suite is declared, e.g. to leave a case out on one dialect. */
  readonly name: 'sqlite' | 'mysql';
  /** The database URL; readable from the first `before` hook on. */
  readonly url: string;
  /**
   * The server started on it. This object forwards to the live server, so a suite can write
   * `const s = db.server` at declaration time and use `s.call(...)` in its hooks and cases.
   */
  readonly server: TestServer;
}

type Body = (this: Suite, db: DatabaseUnderTest) => void;

/**
 * `describe(title (sqlite|mysql))` once per database of `databases()`: creates the database and starts a
 * server before the suite's own hooks, and closes the server and drops the database after them (mocha runs
 * hooks of one level in the order they were declared, so the suite's `after` still sees a live server).
 */
export function describeEachDatabase(title: string, body: Body): void;
export function describeEachDatabase(title: string, options: EachDatabaseOptions, body: Body): void;
export function describeEachDatabase(title: string, a: EachDatabaseOptions | Body, b?: Body): void {
  const options: EachDatabaseOptions = typeof a === 'function' ? {} : a;
  const body = (typeof a === 'function' ? a : b)!;
  for (const def of databases()) {
    describe(`${title} (${def.name})`, function () {
      this.timeout(options.timeout ?? 60000);
      let url: string | undefined;
      let live: TestServer | undefined;
      let drop: (() => Promise<void>) | undefined;
      let services: { dataDir: string } | undefined;
      const server = new Proxy({} as TestServer, {
        get(_target, key) {
          if (!live) throw new Error(`${title} (${def.name}): no server is running (server: false, or read before the first hook)`);
          const value = Reflect.get(live, key) as unknown;
          return typeof value === 'function' ? value.bind(live) : value;
        },
      });
      const db: DatabaseUnderTest = {
        name: def.name,
        get url() {
          if (url === undefined) throw new Error(`${title} (${def.name}): the database is created in the first before hook`);
          return url;
        },
        server,
      };

      before(async () => {
        const made = await def.make();
        url = made.url;
        drop = made.drop;
        await options.beforeStart?.(made.url);
        if (options.server === 'services') services = await bootTestServices({ dbUrl: made.url, worker: false });
        else if (options.server !== false) live = await startServer({ dbUrl: made.url, ...options.server });
      });
      body.call(this, db);
      // Declared after the body's hooks, so it runs after them.
      after(async () => {
        try {
          const close = live ? live.close() : services ? shutdownServices() : undefined;
          await close?.catch((e: unknown) => { if (!options.ignoreCloseErrors) throw e; });
        } finally {
          if (services) fs.rmSync(services.dataDir, { recursive: true, force: true });
          live = undefined;
          services = undefined;
          await drop?.();
        }
      });
    });
  }
}
