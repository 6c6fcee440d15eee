import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { createDatabase, ensureDatabaseExists, migrate } from '../db.js';
import { configureLogger } from '../logger.js';
import { rotateMasterKey } from '../admin/rotate-master.js';

/**
 * npm run keys:rotate-master [-- --new NEW_KEY]
 * Old key: MASTER_KEY (or the embedded default's DATA_DIR/master-key). New key: NEW_MASTER_KEY or --new.
 * Re-wraps every sealed secret (partner JWT secrets, provider keys) in one transaction; restart the
 * processes with MASTER_KEY set to the new key afterwards. In the embedded default the key file is updated.
 */
const argNew = (() => {
  const i = process.argv.indexOf('--new');
  return i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith('--new='))?.slice(6);
})();
const newRaw = argNew ?? process.env.NEW_MASTER_KEY;
configureLogger(process.env.LOG_LEVEL || 'warn');
const config = loadConfig();
const keyFile = path.join(config.dataDir, 'master-key');
const fromFile = !process.env.MASTER_KEY;
const oldRaw = process.env.MASTER_KEY || fs.readFileSync(keyFile, 'utf8').trim();
if (!newRaw) {
  console.error('Set NEW_MASTER_KEY or pass --new <key> (at least 16 characters).');
  process.exit(2);
}
await ensureDatabaseExists(config.databaseUrl);
const db = createDatabase(config.databaseUrl);
try {
  await migrate(db);
  const res = await rotateMasterKey(db, oldRaw, newRaw);
  if (fromFile) fs.writeFileSync(keyFile, newRaw + '\n', { mode: 0o600 });
  console.log(`re-wrapped: ${Object.entries(res.rewrapped).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  console.log(fromFile ? `updated ${keyFile}` : 'now restart every process with MASTER_KEY set to the new key');
} catch (err) {
  console.error(`rotation failed, nothing changed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
