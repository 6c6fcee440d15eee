import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { describeEachDatabase } from '../support/each-database.js';
import { services } from '../../src/context.js';
import { applyMovement, checkLedger, isDuplicateMovement, monthKey } from '../../src/ledger/ledger.js';
import { LedgerEntry, Wallet } from '../../src/models/index.js';
import { balance, grant, ledgerClean, move, refusal, tx, user } from './support/direct.js';

/** The ledger called directly: the only way a balance changes, on SQLite and MariaDB with the same assertions. */
describeEachDatabase('ledger rules, called directly', { server: 'services' }, function () {
    let n = 0;
    const fresh = async (credits = 0) => {
      const p = await user(`ledger-${++n}`);
      if (credits) await grant(p.userId, credits);
      return p;
    };
    const spend = (userId: string, milli: number, refId: string, cap?: number | null) =>
      move({ userId, delta: -milli, reason: 'generation', refType: 'job', refId, monthlyCapMilli: cap });

    it('credits and debits return the balance they produced and write one ledger row each', async () => {
      const p = await fresh();
      expect(await move({ userId: p.userId, delta: 5000, reason: 'purchase', refType: 'order', refId: 'ord_1' })).to.include({ balanceAfter: 5000 });
      expect(await spend(p.userId, 1000, 'job_1')).to.include({ balanceAfter: 4000 });
      const rows = await LedgerEntry.findAll({ where: { userId: p.userId }, order: [['id', 'ASC']] });
      expect(rows.map((r) => [r.reason, Number(r.delta), Number(r.balanceAfter)])).to.deep.equal([['purchase', 5000, 5000], ['generation', -1000, 4000]]);
      await ledgerClean();
    });

    it('refuses a zero or fractional delta before touching anything', async () => {
      const p = await fresh(1000);
      for (const delta of [0, 0.5, Number.NaN]) {
        const err = await spendRaw(p.userId, delta).then(() => undefined, (e: Error) => e);
        expect(err?.message, String(delta)).to.match(/delta must be a non-zero integer/);
      }
      expect(await balance(p.userId)).to.equal(1000);
    });
    const spendRaw = (userId: string, delta: number) => move({ userId, delta, reason: 'admin', refType: 'test', refId: `raw-${delta}` });

    it('debits down to exactly zero, and refuses one millicredit more without writing anything', async () => {
      const p = await fresh(2000);
      expect(await spend(p.userId, 2000, 'job_exact')).to.include({ balanceAfter: 0 });
      const err = await refusal(move({ userId: p.userId, delta: -1, reason: 'generation', refType: 'job', refId: 'job_past' }), 'insufficient_credits');
      expect(err.extra).to.include({ balance: 0, required: 0.001 });
      expect(await balance(p.userId)).to.equal(0);
      expect(await LedgerEntry.count({ where: { userId: p.userId, refId: 'job_past' } })).to.equal(0);
      await ledgerClean();
    });

    it('a refused debit rolls back the whole transaction it is part of', async () => {
      const p = await fresh(1000);
      await refusal(tx(async (t) => {
        await applyMovement(t, { tenantId: p.tenantId, userId: p.userId, delta: 3000, reason: 'reward', refType: 'reuse', refId: 'reuse_rolled_back' });
        await applyMovement(t, { tenantId: p.tenantId, userId: p.userId, delta: -5000, reason: 'generation', refType: 'job', refId: 'job_too_big' });
      }), 'insufficient_credits');
      expect(await balance(p.userId)).to.equal(1000);
      expect(await LedgerEntry.count({ where: { userId: p.userId } })).to.equal(1);
    });

    it('a (reason, ref) is applied once: a second refund of the same job throws and changes nothing', async () => {
      const p = await fresh(3000);
      await spend(p.userId, 2000, 'job_refunded');
      await move({ userId: p.userId, delta: 2000, reason: 'refund', refType: 'job', refId: 'job_refunded' });
      const again = await move({ userId: p.userId, delta: 2000, reason: 'refund', refType: 'job', refId: 'job_refunded' }).then(() => undefined, (e: unknown) => e);
      expect(isDuplicateMovement(again), String(again)).to.equal(true);
      expect(await balance(p.userId)).to.equal(3000);
      // The same ref under another reason is another movement.
      expect((await LedgerEntry.findAll({ where: { userId: p.userId, refId: 'job_refunded' } })).map((e) => e.reason).sort()).to.deep.equal(['generation', 'refund']);
      await ledgerClean();
    });

    it('the monthly cap: reached exactly is allowed, one past is refused, a refund gives the room back', async () => {
      const p = await fresh(10_000);
      await spend(p.userId, 1000, 'cap_1', 3000);
      await spend(p.userId, 2000, 'cap_2', 3000);
      const err = await refusal(spend(p.userId, 1, 'cap_3', 3000), 'insufficient_credits');
      expect(err.extra).to.include({ monthlyCapReached: true });
      expect(await balance(p.userId)).to.equal(7000);
      await move({ userId: p.userId, delta: 1000, reason: 'refund', refType: 'job', refId: 'cap_1' });
      await spend(p.userId, 1000, 'cap_4', 3000);
      await refusal(spend(p.userId, 1, 'cap_5', 3000), 'insufficient_credits');
      // Credits that are not spending (a reward, an admin correction) never count toward the cap.
      await move({ userId: p.userId, delta: -500, reason: 'admin', refType: 'test', refId: 'correction' });
      const w = (await Wallet.findByPk(p.userId))!;
      expect(Number(w.spentInMonth)).to.equal(3000);
      await ledgerClean();
    });

    it('the spending month is the partner\'s calendar month, and a new month starts from zero', async () => {
      // 00:00 on 1 April in India is 18:30 UTC on 31 March.
      expect(monthKey('Asia/Kolkata', new Date('2025-03-31T18:29:59.999Z'))).to.equal('2025-03');
      expect(monthKey('Asia/Kolkata', new Date('2025-03-31T18:30:00.000Z'))).to.equal('2025-04');
      expect(monthKey('America/New_York', new Date('2025-04-01T03:59:59.999Z'))).to.equal('2025-03');
      expect(monthKey('America/New_York', new Date('2025-04-01T04:00:00.000Z'))).to.equal('2025-04');
      const p = await fresh(10_000);
      await spend(p.userId, 3000, 'month_1', 3000);
      await refusal(spend(p.userId, 1000, 'month_2', 3000), 'insufficient_credits');
      // The same wallet as it would be found once the month turned: last month's spend is stale.
      await Wallet.update({ spentMonth: '1999-12' }, { where: { userId: p.userId } });
      await spend(p.userId, 3000, 'month_3', 3000);
      const w = (await Wallet.findByPk(p.userId))!;
      expect(w.spentMonth).to.equal(monthKey('Asia/Kolkata'));
      expect(Number(w.spentInMonth)).to.equal(3000);
    });

    it('concurrent debits never overdraw: exactly as many as the balance pays go through', async () => {
      const p = await fresh(10_000);
      const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => spend(p.userId, 1000, `burst_${i}`)));
      const ok = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(ok).to.have.length(10);
      expect(refused.map((r) => (r.reason as { code?: string }).code)).to.deep.equal(Array(30).fill('insufficient_credits'));
      expect(await balance(p.userId)).to.equal(0);
      // Each successful debit saw its own balance: 9000, 8000, ... 0, each once.
      const after = (await LedgerEntry.findAll({ where: { userId: p.userId, reason: 'generation' } })).map((e) => Number(e.balanceAfter)).sort((a, b) => a - b);
      expect(after).to.deep.equal([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
      await ledgerClean();
    });

    it('concurrent debits under a monthly cap stop exactly at the cap', async () => {
      const p = await fresh(50_000);
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => spend(p.userId, 1000, `capburst_${i}`, 7000)));
      expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(7);
      expect(await balance(p.userId)).to.equal(43_000);
      expect(Number((await Wallet.findByPk(p.userId))!.spentInMonth)).to.equal(7000);
    });

    it('checkLedger reports a balance that is not the sum of its ledger', async () => {
      const p = await fresh(4000);
      const { sequelize } = services().db;
      try {
        await sequelize.query('UPDATE wallets SET balance = balance + 1 WHERE user_id = :u', { replacements: { u: p.userId }, type: QueryTypes.UPDATE });
        const res = await checkLedger();
        expect(res.problems).to.deep.equal([{ userId: p.userId, balance: 4001, ledgerSum: 4000 }]);
        expect(res.wallets).to.equal(await Wallet.count());
      } finally {
        await sequelize.query('UPDATE wallets SET balance = balance - 1 WHERE user_id = :u', { replacements: { u: p.userId }, type: QueryTypes.UPDATE });
      }
      await ledgerClean();
    });
});
