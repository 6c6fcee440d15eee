import type { AppConfig } from './config.js';
import { createDatabase, ensureDatabaseExists, migrate } from './db.js';
import { initModels } from './models/index.js';
import { databaseOnlyContext, setAppContext, services, type AppContext } from './context.js';
import { ensureDefaultTenant, DEFAULT_TENANT_ID } from './tenants/tenants.js';
import { seedCatalog } from './tenants/seed-catalog.js';
import { createStorage } from './storage/create-storage.js';
import { createQueue } from './jobs/queue.js';
import { Providers } from './providers/providers.js';
import { initModules } from './modules.js';
import { defineGenerationJobs } from './jobs/generation-jobs.js';
import { connectRateLimitStore, closeRateLimitStore } from './util/rate-limit-store.js';

/**
 * Wires every service for a process (API, worker or both) or a test, in order: the database and its schema (on a
 * database-only context), then the AppContext with storage, queue and providers, then the feature modules, which
 * add their routers, hook listeners and jobs to it. Returns the context it installed.
 */
export async function bootServices(config: AppConfig, opts: { worker?: boolean; workerName?: string } = {}): Promise<AppContext> {
  await ensureDatabaseExists(config.databaseUrl);
  const db = createDatabase(config.databaseUrl);
  initModels(db.sequelize);
  setAppContext(databaseOnlyContext(config, db));
  await connectRateLimitStore({ redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix });
  await migrate(db);
  await ensureDefaultTenant();
  await seedCatalog(DEFAULT_TENANT_ID);
  const worker = opts.worker ?? config.role !== 'api';
  const ctx: AppContext = {
    config,
    db,
    storage: createStorage(config.storage),
    queue: createQueue({ worker, concurrency: config.workerConcurrency, pollMs: config.jobPollMs, name: opts.workerName }),
    providers: new Providers(config),
    routers: [],
  };
  setAppContext(ctx);
  await defineGenerationJobs(ctx.queue);
  await initModules(ctx);
  await ctx.queue.start();
  return ctx;
}

export async function shutdownServices() {
  const s = services();
  await s.queue.stop();
  await s.providers.close();
  s.storage.close?.();
  await s.db.close();
  await closeRateLimitStore();
}
