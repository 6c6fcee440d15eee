import { loadConfig } from '../config.js';
import { createDatabase } from '../db.js';
import { initModels } from '../models/index.js';
import { databaseOnlyContext, setAppContext } from '../context.js';
import { checkLedger } from '../ledger/ledger.js';

/** npm run ledger:check: proves balance = sum(ledger rows) >= 0 and debt = sum(debt rows) >= 0 for every wallet; exits 1 otherwise. */
const config = loadConfig();
const db = createDatabase(config.databaseUrl);
initModels(db.sequelize);
setAppContext(databaseOnlyContext(config, db));
const res = await checkLedger();
await db.close();
if (res.problems.length) {
  console.error(`ledger check FAILED for ${res.problems.length} of ${res.wallets} wallets`);
  for (const p of res.problems.slice(0, 20)) {
    console.error(`  ${p.userId}: balance ${p.balance}, ledger ${p.ledgerSum}${p.debtSum !== undefined ? `, debt ${p.debt}, debt rows ${p.debtSum}` : ''}`);
  }
  process.exit(1);
}
console.log(`ledger check passed: ${res.wallets} wallets, every balance equals the sum of its ledger rows, every debt the sum of its debt rows, and none is negative`);
