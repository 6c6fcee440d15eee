import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { services } from '../../src/context.js';
import { describeEachDatabase } from '../support/each-database.js';
import { expectProblem, ledgerOf, setTenantConfig, userIdOf } from '../support/foundation-helpers.js';
import { AnalyticsEvent, GeneratedImage, GenerationJob, IdempotencyKey, UserSuspension, Wallet } from '../../src/models/index.js';
import { generateGroupSize } from '../../src/metrics/registry.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';

/**
 * Group commit of the generate acknowledgement (operations/studio/generate-image.ts): requests that wait at the same
 * time share one transaction. Every request must still end exactly as in a transaction of its own: a refused debit,
 * a suspended user or twins of an Idempotency-Key in the same group change nothing for the others, the ledger rows
 * of one user chain balance to balance, and every accepted request has its rows, once.
 */
describeEachDatabase('generate: group commit', { timeout: 120000, server: { worker: false } }, function (db) {
  const s = db.server;
  before(async () => {
    await setTenantConfig({ limits: { generatePerMinute: 10000 } });
  });

  const groups = async () => {
    const m = await generateGroupSize.get();
    const count = m.values.find((v) => v.metricName === 'ais_generate_group_size_count')?.value ?? 0;
    const single = m.values.find((v) => v.metricName === 'ais_generate_group_size_bucket' && v.labels.le === 1)?.value ?? 0;
    return { count, single };
  };

  it('mixed concurrent requests (rich, short of credits, suspended, twins of a key, several variations) each end as alone', async () => {
    const before = await groups();
    await s.grant('grp-rich', 100);
    await s.grant('grp-short', 3);
    await s.grant('grp-suspended', 50);
    await s.grant('grp-twins', 10);
    await s.grant('grp-multi', 20);
    await UserSuspension.create({ userId: await userIdOf('grp-suspended'), tenantId: DEFAULT_TENANT_ID, note: 'test', suspendedBy: 'test' });
    const call = (sub: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
      s.call('POST', '/api/studio/generate', { token: s.token(sub), body, headers });
    const plan: [string, Promise<Awaited<ReturnType<typeof call>>>][] = [];
    for (let i = 0; i < 40; i++) {
      plan.push(['rich', call('grp-rich', { prompt: `rich poster ${i}`, tier: 'standard' }, { 'Idempotency-Key': `rich-${i}` })]);
      if (i < 12) plan.push(['short', call('grp-short', { prompt: `short poster ${i}`, tier: 'standard' })]);
      if (i < 6) plan.push(['suspended', call('grp-suspended', { prompt: `suspended poster ${i}`, tier: 'standard' })]);
      if (i < 10) plan.push(['twins', call('grp-twins', { prompt: 'one poster, retried', tier: 'premium2' }, { 'Idempotency-Key': 'grp-twin-key' })]);
      if (i < 4) plan.push(['multi', call('grp-multi', { prompt: `four variations ${i}`, tier: 'standard', count: 4 })]);
    }
    const done = await Promise.all(plan.map(async ([who, r]) => ({ who, r: await r })));
    const of = (who: string) => done.filter((d) => d.who === who).map((d) => d.r);

    for (const r of of('rich')) expect(r.status, JSON.stringify(r.body)).to.equal(202);
    const short = of('short');
    expect(short.filter((r) => r.status === 202)).to.have.length(3);
    for (const r of short.filter((x) => x.status !== 202)) expectProblem(r, 402, 'insufficient_credits');
    for (const r of of('suspended')) expectProblem(r, 403, 'account_suspended');
    const twins = of('twins');
    for (const r of twins) expect(r.status, JSON.stringify(r.body)).to.equal(202);
    expect(new Set(twins.map((r) => r.body.jobId)).size).to.equal(1);
    expect(twins.filter((r) => r.headers.get('idempotent-replayed') === 'true')).to.have.length(9);
    for (const r of of('multi')) {
      expect(r.status, JSON.stringify(r.body)).to.equal(202);
      expect(r.body.imageIds).to.have.length(4);
    }

    // Balances, and each user's ledger rows chaining from one balance to the next in the order they were written.
    const expected: Record<string, number> = { 'grp-rich': 60_000, 'grp-short': 0, 'grp-suspended': 50_000, 'grp-twins': 8_000, 'grp-multi': 4_000 };
    for (const [sub, balance] of Object.entries(expected)) {
      const userId = await userIdOf(sub);
      expect((await Wallet.findByPk(userId))!.balance, sub).to.equal(balance);
      const ledger = (await ledgerOf(sub)).sort((a, b) => Number(a.id) - Number(b.id));
      let running = 0;
      for (const e of ledger) {
        running += e.delta;
        expect(e.balanceAfter, `${sub} ledger row ${e.id}`).to.equal(running);
      }
      expect(running, sub).to.equal(balance);
    }
    await s.ledgerOk();

    // Every accepted request has its job, images, event and key once; the refused ones left nothing.
    const accepted = done.filter((d) => d.r.status === 202 && d.r.headers.get('idempotent-replayed') !== 'true').map((d) => d.r.body);
    expect(accepted).to.have.length(40 + 3 + 1 + 4);
    const jobIds = accepted.map((b) => b.jobId as string);
    expect(await GenerationJob.count({ where: { id: jobIds } })).to.equal(jobIds.length);
    const users = await Promise.all(Object.keys(expected).map((sub) => userIdOf(sub)));
    expect(await GenerationJob.count({ where: { userId: users } })).to.equal(jobIds.length);
    expect(await GeneratedImage.count({ where: { userId: users } })).to.equal(40 + 3 + 1 + 16);
    expect(await AnalyticsEvent.count({ where: { userId: users, name: 'generate_acknowledged' } })).to.equal(jobIds.length);
    expect(await IdempotencyKey.count({ where: { userId: users } })).to.equal(41);
    const triggers = await services().db.sequelize.query("SELECT data FROM agenda_jobs WHERE name = 'generate-image'", { type: QueryTypes.SELECT }) as { data: string }[];
    const triggered = triggers.map((t) => (JSON.parse(t.data) as { jobId: string }).jobId);
    for (const id of jobIds) expect(triggered.filter((x) => x === id), id).to.have.length(1);

    // And the requests did share transactions: some group held more than one acknowledgement.
    const after = await groups();
    expect(after.count - before.count).to.be.lessThan(jobIds.length);
    expect((after.count - after.single) - (before.count - before.single)).to.be.greaterThan(0);
  });

  it('a generation that costs nothing (no debit to fold the check into) still refuses a suspended user, and writes nothing', async () => {
    // A tier at 1 millicredit under a 90 % campaign discount rounds to 0: the one way a generation is free.
    await setTenantConfig({ tiers: { standard: { credits: 1 } }, campaigns: [{ id: 'free-week', name: 'Free week', startsAt: '2020-01-01T00:00:00Z',
      endsAt: '2999-01-01T00:00:00Z', tierDiscountPercent: 90 }] });
    try {
      await s.grant('grp-free-ok', 1);
      await s.grant('grp-free-suspended', 1);
      await UserSuspension.create({ userId: await userIdOf('grp-free-suspended'), tenantId: DEFAULT_TENANT_ID, note: 'test', suspendedBy: 'test' });
      const body = { prompt: 'a free lighthouse', tier: 'standard' };
      const ok = await s.call('POST', '/api/studio/generate', { token: s.token('grp-free-ok'), body });
      expect(ok.status, JSON.stringify(ok.body)).to.equal(202);
      expect(ok.body.creditDebited).to.equal(0);
      const refused = await s.call('POST', '/api/studio/generate', { token: s.token('grp-free-suspended'), body, headers: { 'Idempotency-Key': 'free-1' } });
      expectProblem(refused, 403, 'account_suspended');
      const suspendedId = await userIdOf('grp-free-suspended');
      expect(await GenerationJob.count({ where: { userId: suspendedId } })).to.equal(0);
      expect(await IdempotencyKey.count({ where: { userId: suspendedId } })).to.equal(0);
      await s.ledgerOk();
    } finally {
      await setTenantConfig({ tiers: { standard: { credits: 1000 } }, campaigns: [] });
    }
  });

  it('a lone request is a group of one: its key, debit and rows as before, a replay answers the same', async () => {
    await s.grant('grp-alone', 2);
    const tok = s.token('grp-alone');
    const body = { prompt: 'a lone lighthouse', tier: 'standard' };
    const first = await s.call('POST', '/api/studio/generate', { token: tok, body, headers: { 'Idempotency-Key': 'alone-1' } });
    expect(first.status).to.equal(202);
    const again = await s.call('POST', '/api/studio/generate', { token: tok, body, headers: { 'Idempotency-Key': 'alone-1' } });
    expect(again.status).to.equal(202);
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
    expect(again.body).to.deep.equal(first.body);
    const ledger = await ledgerOf('grp-alone');
    expect(ledger.filter((e) => e.reason === 'generation').map((e) => e.balanceAfter)).to.deep.equal([1000]);
    expectProblem(await s.call('POST', '/api/studio/generate', { token: tok, body: { prompt: 'two more', tier: 'premium2' } }), 402, 'insufficient_credits');
    await s.ledgerOk();
  });
});
