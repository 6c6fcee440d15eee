import { expect } from 'chai';
import { databases, startServer, type TestServer } from '../support/harness.js';
import { services } from '../../src/context.js';
import { applyMovement, monthKey } from '../../src/ledger/ledger.js';
import { LEDGER_REASONS, SPENDING_REASONS, type LedgerReason } from '../../src/ledger/reasons.js';
import { LedgerEntry, User, Wallet } from '../../src/models/index.js';

/**
 * A ledger row says whether it counts as spending (ledger/reasons.ts); the monthly cap and monthlyUsed follow that
 * flag, not a reason name. Called directly (no HTTP for the movements themselves).
 */
for (const dbDef of databases()) {
  describe(`ledger: movements say whether they count as spending (${dbDef.name})`, function () {
    this.timeout(60000);
    let s: TestServer;
    let drop: () => Promise<void>;
    let seq = 0;
    before(async () => {
      const db = await dbDef.make();
      drop = db.drop;
      s = await startServer({ dbUrl: db.url, worker: false });
    });
    after(async () => {
      await s?.close();
      await drop?.();
    });

    const userWith = async (sub: string, credits: number) => {
      await s.grant(sub, credits);
      const u = await User.findOne({ where: { sub } });
      return u!;
    };
    const move = (u: User, reason: LedgerReason, delta: number, monthlyCapMilli?: number) =>
      services().db.tx((t) => applyMovement(t, { tenantId: u.tenantId, userId: u.id, delta, reason, refType: 'test', refId: `m${++seq}`, monthlyCapMilli }));
    const spent = async (u: User) => {
      const w = (await Wallet.findByPk(u.id))!;
      return w.spentMonth === monthKey() ? w.spentInMonth : 0;
    };

    it('only generation debits and their refunds count as spending today', () => {
      expect(SPENDING_REASONS).to.have.members(['generation', 'refund']);
      expect(Object.keys(LEDGER_REASONS)).to.include.members(['reward', 'purchase', 'referral', 'admin', 'bonus']);
    });

    it('stores the flag on every row, as the reason table says', async () => {
      const u = await userWith('flagged', 20);
      for (const reason of Object.keys(LEDGER_REASONS) as LedgerReason[]) await move(u, reason, reason === 'generation' ? -1000 : 1000);
      const rows = await LedgerEntry.findAll({ where: { userId: u.id, refType: 'test' } });
      expect(rows).to.have.length(Object.keys(LEDGER_REASONS).length);
      for (const r of rows) expect(r.spending, r.reason).to.equal(LEDGER_REASONS[r.reason as LedgerReason].spending);
      const grant = await LedgerEntry.findOne({ where: { userId: u.id, reason: 'admin', refType: 'grant' } });
      expect(grant!.spending).to.equal(false);
      await s.ledgerOk();
    });

    it('a spending debit adds to the month and is capped (exactly at the cap, not one past); a refund gives it back', async () => {
      const u = await userWith('capped', 20);
      await move(u, 'generation', -3000, 5000);
      expect(await spent(u)).to.equal(3000);
      await move(u, 'generation', -2000, 5000);
      expect(await spent(u)).to.equal(5000);
      let err: { code?: string; extensions?: Record<string, unknown> } | undefined;
      try { await move(u, 'generation', -1000, 5000); } catch (e) { err = e as typeof err; }
      expect(err?.code).to.equal('insufficient_credits');
      await move(u, 'refund', 2000);
      expect(await spent(u)).to.equal(3000);
      const bal = await s.call('GET', '/api/credits/balance', { token: s.token('capped') });
      expect(bal.body.monthlyUsed).to.equal(3);
      await s.ledgerOk();
    });

    it('a debit that is not spending neither counts nor is capped', async () => {
      const u = await userWith('admin-debit', 10);
      await move(u, 'admin', -4000, 1000);
      expect(await spent(u)).to.equal(0);
      expect((await Wallet.findByPk(u.id))!.balance).to.equal(6000);
      await s.ledgerOk();
    });
  });
}
