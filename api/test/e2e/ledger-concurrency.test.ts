import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { countRows, expectProblem, ledgerOf, setTenantConfig } from '../support/foundation-helpers.js';
import { Wallet } from '../../src/models/index.js';
import { userIdOf } from '../support/foundation-helpers.js';

/**
 * The ledger under concurrency: the balance never goes below zero, exactly as many generations are accepted
 * as the wallet pays for, an Idempotency-Key debits once however many replays race, and the monthly cap holds.
 * The worker is off: only the acknowledgement path is under test, and no job refunds anything behind our back.
 */
describeEachDatabase('ledger under concurrency', { timeout: 120000, server: { worker: false } }, function (db) {
    const s = db.server;
    before(async () => {
      // Only accepted generations spend the rate budget; raise it so the wallet, not the limiter, is what refuses.
      await setTenantConfig({ limits: { generatePerMinute: 1000 } });
    });

    it('accepts exactly 50 of 200 concurrent generations on a 50-credit wallet and refuses the rest with 402', async () => {
      const tok = s.token('burst');
      await s.grant('burst', 50);
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) =>
        s.call('POST', '/api/studio/generate', { token: tok, body: { prompt: `concurrent poster number ${i}`, tier: 'standard' } })));
      const accepted = results.filter((r) => r.status === 202);
      const refused = results.filter((r) => r.status !== 202);
      expect(accepted).to.have.length(50);
      for (const r of refused) expectProblem(r, 402, 'insufficient_credits');
      expect(new Set(accepted.map((r) => r.body.jobId)).size).to.equal(50);
      const wallet = await Wallet.findByPk(await userIdOf('burst'));
      expect(wallet!.balance).to.equal(0);
      const ledger = await ledgerOf('burst');
      expect(ledger.filter((e) => e.reason === 'generation')).to.have.length(50);
      for (const e of ledger) expect(e.balanceAfter).to.be.at.least(0);
      // Each debit recorded the balance it produced: 49, 48, ... 0 credits, each exactly once.
      const after = ledger.filter((e) => e.reason === 'generation').map((e) => e.balanceAfter).sort((a, b) => b - a);
      expect(after).to.deep.equal(Array.from({ length: 50 }, (_, i) => (49 - i) * 1000));
      const bal = await s.call('GET', '/api/credits/balance', { token: tok });
      expect(bal.body.credits).to.equal(0);
      expect(bal.body.monthlyUsed).to.equal(50);
      await s.ledgerOk();
    });

    it('debits once for 50 concurrent replays of one Idempotency-Key, all answered with the same job', async () => {
      const tok = s.token('replayer');
      await s.grant('replayer', 10);
      const body = { prompt: 'one poster, many retries', tier: 'premium2' };
      const results = await Promise.all(Array.from({ length: 50 }, () =>
        s.call('POST', '/api/studio/generate', { token: tok, body, headers: { 'Idempotency-Key': 'key-replayed-50' } })));
      for (const r of results) expect(r.status, JSON.stringify(r.body)).to.equal(202);
      expect(new Set(results.map((r) => r.body.jobId)).size).to.equal(1);
      expect(new Set(results.map((r) => r.body.imageId)).size).to.equal(1);
      expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).to.have.length(49);
      const ledger = await ledgerOf('replayer');
      expect(ledger.filter((e) => e.reason === 'generation')).to.have.length(1);
      const bal = await s.call('GET', '/api/credits/balance', { token: tok });
      expect(bal.body.credits).to.equal(8);
      await s.ledgerOk();

      // Same key, another body: 409 and nothing written.
      const before = await countRows();
      const conflict = await s.call('POST', '/api/studio/generate', { token: tok, body: { ...body, tier: 'standard' }, headers: { 'Idempotency-Key': 'key-replayed-50' } });
      expectProblem(conflict, 409, 'idempotency_conflict');
      expect(await countRows()).to.deep.equal(before);
      // The key belongs to its user: another user may use the same key for their own request.
      const other = s.token('replayer2');
      await s.grant('replayer2', 1);
      const mine = await s.call('POST', '/api/studio/generate', { token: other, body, headers: { 'Idempotency-Key': 'key-replayed-50' } });
      expectProblem(mine, 402, 'insufficient_credits');
      await s.ledgerOk();
    });

    it('replays a refused request as a fresh attempt: a 402 stores nothing under the key', async () => {
      const tok = s.token('retry-after-topup');
      await s.grant('retry-after-topup', 1);
      const body = { prompt: 'premium after a top-up', tier: 'premium4' };
      const first = await s.call('POST', '/api/studio/generate', { token: tok, body, headers: { 'Idempotency-Key': 'topup-key' } });
      expectProblem(first, 402, 'insufficient_credits');
      expect(first.body.balance).to.equal(1);
      expect(first.body.required).to.equal(4);
      await s.grant('retry-after-topup', 3);
      const second = await s.call('POST', '/api/studio/generate', { token: tok, body, headers: { 'Idempotency-Key': 'topup-key' } });
      expect(second.status).to.equal(202);
      expect(second.headers.get('idempotent-replayed')).to.equal(null);
      const bal = await s.call('GET', '/api/credits/balance', { token: tok });
      expect(bal.body.credits).to.equal(0);
      await s.ledgerOk();
    });

    it('enforces the monthly spend cap atomically and reports monthlyUsed and monthlyRemaining', async () => {
      await setTenantConfig({ monthlySpendCapMilli: 5000 });
      try {
        const tok = s.token('capped');
        await s.grant('capped', 20);
        let bal = await s.call('GET', '/api/credits/balance', { token: tok });
        expect(bal.body).to.include({ credits: 20, monthlyUsed: 0, monthlyRemaining: 5, monthlyCap: 5 });
        const ok = await s.call('POST', '/api/studio/generate', { token: tok, body: { prompt: 'capped poster one', tier: 'premium4' } });
        expect(ok.status).to.equal(202);
        bal = await s.call('GET', '/api/credits/balance', { token: tok });
        expect(bal.body).to.include({ credits: 16, monthlyUsed: 4, monthlyRemaining: 1 });
        // 2 more would pass the cap (4 + 2 > 5) although the balance could pay: refused, nothing written.
        const before = await countRows();
        const over = await s.call('POST', '/api/studio/generate', { token: tok, body: { prompt: 'capped poster two', tier: 'premium2' } });
        expectProblem(over, 402, 'insufficient_credits');
        expect(over.body.monthlyCapReached).to.equal(true);
        expect(await countRows()).to.deep.equal(before);
        // Racing to the cap: 10 concurrent standard generations with 1 credit of cap left -> exactly one passes.
        const race = await Promise.all(Array.from({ length: 10 }, (_, i) =>
          s.call('POST', '/api/studio/generate', { token: tok, body: { prompt: `cap race ${i}`, tier: 'standard' } })));
        expect(race.filter((r) => r.status === 202)).to.have.length(1);
        bal = await s.call('GET', '/api/credits/balance', { token: tok });
        expect(bal.body).to.include({ credits: 15, monthlyUsed: 5, monthlyRemaining: 0 });
        await s.ledgerOk();
      } finally {
        await setTenantConfig({ monthlySpendCapMilli: null });
      }
    });

    it('without a cap, monthlyRemaining is the balance', async () => {
      const tok = s.token('uncapped');
      await s.grant('uncapped', 7.5);
      const bal = await s.call('GET', '/api/credits/balance', { token: tok });
      expect(bal.body).to.include({ credits: 7.5, monthlyUsed: 0, monthlyRemaining: 7.5 });
      expect(bal.body.monthlyCap).to.equal(undefined);
    });
});
