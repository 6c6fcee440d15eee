import type { AppConfig } from './config.js';
import { createDatabase, ensureDatabaseExists, migrate } from './db.js';
import { initModels } from './models/index.js';
import { setServices, registerService, services } from './context.js';
import { ensureDefaultTenant, DEFAULT_TENANT_ID } from './tenants/tenants.js';
import { seedCatalog } from './tenants/seed-catalog.js';
import { createStorage } from './storage/create-storage.js';
import type { BlobStorage } from './storage/storage.js';
import { createQueue, type JobQueue } from './jobs/queue.js';
import { initModules } from './modules.js';

/** Wires every service for a process (API, worker or both) or a test. */
export async function bootServices(config: AppConfig, opts: { worker?: boolean; workerName?: string } = {}) {
  await ensureDatabaseExists(config.databaseUrl);
  const db = createDatabase(config.databaseUrl);
  initModels(db.sequelize);
  setServices({ config, db });
  await migrate(db);
  await ensureDefaultTenant();
  await seedCatalog(DEFAULT_TENANT_ID);
  registerService('storage', createStorage(config.storage));
  const worker = opts.worker ?? config.role !== 'api';
  const queue = createQueue({ worker, concurrency: config.workerConcurrency, pollMs: config.jobPollMs, name: opts.workerName });
  registerService('queue', queue);
  await initModules(queue);
  await queue.start();
  return services();
}

export async function shutdownServices() {
  const s = services();
  await (s.queue as JobQueue | undefined)?.stop();
  (s.storage as BlobStorage | undefined)?.close?.();
  await s.db.close();
}
