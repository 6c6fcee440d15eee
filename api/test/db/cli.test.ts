import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Sequelize } from 'sequelize';
import { describeEachDatabase } from '../support/each-database.js';

/** `npm run db:migrate` and `npm run ledger:check` as an operator runs them: real processes on a real database. */
const run = (script: string, env: Record<string, string>) =>
  spawnSync('npx', ['tsx', `api/src/cli/${script}.ts`], { env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 60000 });

describeEachDatabase('operator scripts', { timeout: 120000, server: false }, function (db) {
    let url: string;
    let env: Record<string, string>;
    before(async () => {
      url = db.url;
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-cli-'));
      env = { DATABASE_URL: url, DATA_DIR: dataDir };
    });

    const sql = async (q: string) => {
      const s = url.startsWith('sqlite:') ? new Sequelize({ dialect: 'sqlite', storage: url.slice(7), logging: false }) : new Sequelize(url, { logging: false });
      try { await s.query(q); } finally { await s.close(); }
    };

    it('db:migrate creates the schema and is idempotent', () => {
      const first = run('migrate', env);
      expect(first.status, first.stderr).to.equal(0);
      expect(first.stdout).to.contain('up to date');
      const again = run('migrate', env);
      expect(again.status, again.stderr).to.equal(0);
    });

    it('ledger:check passes when every balance is the sum of its ledger rows, and fails (exit 1) when one is not', async () => {
      const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
      await sql(`INSERT INTO wallets (user_id, tenant_id, balance, spent_in_month, updated_at) VALUES ('usr_a', 'tnt_default', 3000, 0, '${now}')`);
      await sql(`INSERT INTO credit_ledger (tenant_id, user_id, delta, balance_after, reason, ref_type, ref_id, created_at)
        VALUES ('tnt_default', 'usr_a', 5000, 5000, 'admin', 'grant', 'g1', '${now}'), ('tnt_default', 'usr_a', -2000, 3000, 'generation', 'job', 'j1', '${now}')`);
      const ok = run('ledger-check', env);
      expect(ok.status, ok.stderr).to.equal(0);
      expect(ok.stdout).to.contain('ledger check passed');

      await sql(`UPDATE wallets SET balance = 4000 WHERE user_id = 'usr_a'`);
      const bad = run('ledger-check', env);
      expect(bad.status).to.equal(1);
      expect(bad.stderr).to.contain('usr_a');

      // Debts too: debt = sum of its append-only rows (ledger/debt.ts).
      await sql(`UPDATE wallets SET balance = 3000, debt = 2000 WHERE user_id = 'usr_a'`);
      const owed = run('ledger-check', env);
      expect(owed.status).to.equal(1);
      expect(owed.stderr).to.contain('usr_a').and.contain('debt 2000, debt rows 0');
      await sql(`INSERT INTO credit_debt_entries (tenant_id, user_id, delta, debt_after, reason, ref_type, ref_id, created_at)
        VALUES ('tnt_default', 'usr_a', 2000, 2000, 'clawback', 'refund', 'adj_1', '${now}')`);
      const proven = run('ledger-check', env);
      expect(proven.status, proven.stderr).to.equal(0);
      expect(proven.stdout).to.contain('every debt the sum of its debt rows');
    });
});
