import type { Router } from 'express';
import type { AppConfig } from './config.js';
import type { Database } from './db.js';
import type { BlobStorage } from './storage/storage.js';
import type { JobQueue } from './jobs/queue.js';
import type { Providers } from './providers/providers.js';

/**
 * Everything a process holds, made once by boot.ts (bootServices) and typed field by field, so a reader (or the
 * compiler) can follow any call to what serves it: `services().queue` is the JobQueue boot created, `services().providers`
 * the Providers that pick each partner's image provider and prompt enhancer. tsoa builds controllers with `new`, so
 * operations reach the context through services() rather than constructor injection; a test boots its own.
 */
export interface AppContext {
  config: AppConfig;
  db: Database;
  /** Where images live (original, thumbnail, public rendition). */
  storage: BlobStorage;
  /** Agenda over the SQL job backend: generation jobs and the modules' recurring jobs. */
  queue: JobQueue;
  /** The image provider and prompt enhancer of each partner (its own keys, else the process configuration). */
  providers: Providers;
  /** Routers the modules mount outside tsoa (raw-body webhooks, share pages, public images, the example site). */
  routers: Router[];
}

let current: AppContext | undefined;

export function setAppContext(ctx: AppContext) { current = ctx; }

/** The context of this process; throws before boot. */
export function services(): AppContext {
  if (!current) throw new Error('services not initialised');
  return current;
}

/**
 * A context for processes that only need the database (migrations at boot, `npm run ledger:check`, bench seeding):
 * the other services throw when touched, naming what is missing, instead of being undefined.
 */
export function databaseOnlyContext(config: AppConfig, db: Database): AppContext {
  const missing = (name: string) => () => { throw new Error(`${name} is not available in a database-only context`); };
  const ctx = { config, db, routers: [] as Router[] } as AppContext;
  for (const name of ['storage', 'queue', 'providers'] as const) Object.defineProperty(ctx, name, { get: missing(name), enumerable: false });
  return ctx;
}
