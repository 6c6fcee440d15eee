import { loadConfig } from '../config.js';
import { createDatabase, ensureDatabaseExists, migrate } from '../db.js';
import { configureLogger } from '../logger.js';

/** npm run db:migrate: applies pending migrations to DATABASE_URL (SQLite under DATA_DIR by default). */
const config = loadConfig();
configureLogger(config.logLevel);
await ensureDatabaseExists(config.databaseUrl);
const db = createDatabase(config.databaseUrl);
await migrate(db);
await db.close();
console.log('migrations are up to date');
