/**
 * The ceiling for the generate path: the bare debit transaction alone — the conditional UPDATE of the wallet
 * and the ledger INSERT in one transaction — at N concurrent callers for T seconds, through Sequelize and the
 * app's own db.tx (so SQLite gets the same in-process writer queue and MySQL the same isolation level).
 */
import { QueryTypes } from 'sequelize';
import { createDatabase, ensureDatabaseExists, migrate } from '../api/src/db.js';
import { stats, type LatencyStats } from './generate.js';

export async function runBareSqlBench(o: { dbUrl: string; seconds: number; concurrency: number }): Promise<LatencyStats> {
  await ensureDatabaseExists(o.dbUrl);
  const db = createDatabase(o.dbUrl);
  try {
    await migrate(db);
    const now = new Date();
    await db.sequelize.query('INSERT INTO wallets (user_id, tenant_id, balance, spent_in_month, updated_at) VALUES (:u, :t, :b, 0, :now)',
      { replacements: { u: 'usr_bench', t: 'tnt_bench', b: 1e12, now } });
    let seq = 0;
    const debit = () => db.tx(async (t) => {
      const ref = `job_bare_${++seq}`;
      const [, affected] = (await db.sequelize.query('UPDATE wallets SET balance = balance - :d, updated_at = :now WHERE user_id = :u AND balance - :d >= 0',
        { replacements: { d: 1000, u: 'usr_bench', now: new Date() }, transaction: t, type: QueryTypes.UPDATE })) as unknown as [unknown, number];
      if (!affected) throw new Error('bench wallet ran dry');
      await db.sequelize.query(
        `INSERT INTO credit_ledger (tenant_id, user_id, delta, balance_after, reason, ref_type, ref_id, note, created_at)
         VALUES (:t, :u, :d, 0, 'generation', 'job', :ref, NULL, :now)`,
        { replacements: { t: 'tnt_bench', u: 'usr_bench', d: -1000, ref, now: new Date() }, transaction: t, type: QueryTypes.INSERT },
      );
    });
    const loop = async (until: number, out: number[]) => {
      while (Date.now() < until) {
        const started = performance.now();
        await debit();
        out.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, () => loop(Date.now() + 2000, [])));
    const latencies: number[] = [];
    const started = Date.now();
    await Promise.all(Array.from({ length: o.concurrency }, () => loop(started + o.seconds * 1000, latencies)));
    return stats(latencies, (Date.now() - started) / 1000);
  } finally {
    await db.close();
  }
}
