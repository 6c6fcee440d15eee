import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { setTenantConfig } from '../support/foundation-helpers.js';
import { makeImage } from '../support/community-fixtures.js';
import { attribute } from '../../src/referrals/attribution.js';
import { awardFirstGeneration, evaluateMilestones, isRetained, qualify } from '../../src/referrals/rewards.js';
import { DAY_MS, HOUR_MS, setClock } from '../../src/util/clock.js';
import { getTenantConfig } from '../../src/tenants/config-store.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';
import { ReferralEvent, User } from '../../src/models/index.js';
import type { Principal } from '../../src/auth/principal.js';
import { balance, ledgerClean, refusal, user } from './support/direct.js';

const T = DEFAULT_TENANT_ID;

/** Referral rules called directly: bonuses, the claim window, velocity holds, first generation, milestones. */
describeEachDatabase('referral rules, called directly', { server: 'services' }, function () {
    let n = 0;
    const uniq = (p: string) => `${p}-${++n}`;
    const codeOf = async (p: Principal) => (await User.findByPk(p.userId))!.referralCode!;
    const createdAt = async (p: Principal) => (await User.findByPk(p.userId))!.createdAt;
    afterEach(async () => {
      setClock();
      await setTenantConfig({ referral: { milestoneEvery: 10, maxSignupsPerHour: 5 } });
    });

    it('a claimed code pays the referee +5 once; one\'s own, an unknown or a second code is refused', async () => {
      const referrer = await user(uniq('referrer'));
      const referee = await user(uniq('referee'));
      const res = await attribute(T, referee.userId, (await codeOf(referrer)).toLowerCase(), 'claim');
      expect(res).to.include({ status: 'awarded', creditsAwarded: 5 });
      expect(await balance(referee.userId)).to.equal(5000);
      expect(await balance(referrer.userId)).to.equal(0);
      expect((await User.findByPk(referee.userId))!.referredByUserId).to.equal(referrer.userId);

      await refusal(attribute(T, referee.userId, await codeOf(await user(uniq('other'))), 'claim'), 'conflict');
      const loner = await user(uniq('loner'));
      await refusal(attribute(T, loner.userId, await codeOf(loner), 'claim'), 'validation_error');
      await refusal(attribute(T, loner.userId, 'NOPE2345', 'claim'), 'validation_error');
      await refusal(attribute(T, loner.userId, 'no!', 'claim'), 'validation_error');
      // Two users cannot refer each other.
      await refusal(attribute(T, referrer.userId, await codeOf(referee), 'claim'), 'validation_error');
      expect(await balance(referee.userId)).to.equal(5000);
      await ledgerClean();
    });

    it('the claim window: exactly 24 hours after signup is in, a millisecond later is out', async () => {
      const referrer = await user(uniq('referrer'));
      const onTime = await user(uniq('referee'));
      const late = await user(uniq('referee'));
      const edge = async (p: Principal, afterMs: number) => {
        const at = (await createdAt(p)).getTime() + afterMs;
        setClock(() => new Date(at));
        return attribute(T, p.userId, await codeOf(referrer), 'claim');
      };
      expect(await edge(onTime, 24 * HOUR_MS)).to.include({ status: 'awarded' });
      await refusal(edge(late, 24 * HOUR_MS + 1), 'conflict');
      expect(await balance(late.userId)).to.equal(0);
    });

    it('a code is claimed before the first generation, not after', async () => {
      const referrer = await user(uniq('referrer'));
      const referee = await user(uniq('referee'));
      await User.update({ generationCount: 1, firstGenerationAt: new Date() }, { where: { id: referee.userId } });
      await refusal(attribute(T, referee.userId, await codeOf(referrer), 'claim'), 'conflict');
    });

    it('velocity: the fifth referee in an hour is paid, the sixth is held for review', async () => {
      const referrer = await user(uniq('referrer'));
      const code = await codeOf(referrer);
      const results = [];
      for (let i = 0; i < 6; i++) results.push(await attribute(T, (await user(uniq('fast'))).userId, code, 'claim'));
      expect(results.map((r) => r.status)).to.deep.equal(['awarded', 'awarded', 'awarded', 'awarded', 'awarded', 'held']);
      const held = await ReferralEvent.findByPk(results[5]!.eventId);
      expect(held).to.include({ status: 'held', holdReason: 'velocity_hour' });
      expect(Number(held!.creditsAwarded), 'the amount it would pay on approval').to.equal(5000);
    });

    it('a shared device or IP holds the signup instead of paying it', async () => {
      const referrer = await user(uniq('referrer'), { ip: '203.0.113.7', deviceId: 'dev-shared-1' });
      const sameDevice = await user(uniq('referee'), { deviceId: 'dev-shared-1' });
      const sameIp = await user(uniq('referee'), { ip: '203.0.113.7' });
      const a = await attribute(T, sameDevice.userId, await codeOf(referrer), 'claim');
      const b = await attribute(T, sameIp.userId, await codeOf(referrer), 'claim');
      expect([a.status, b.status]).to.deep.equal(['held', 'held']);
      expect((await ReferralEvent.findByPk(a.eventId))!.holdReason).to.equal('shared_device');
      expect((await ReferralEvent.findByPk(b.eventId))!.holdReason).to.equal('shared_ip');
      expect(await balance(sameDevice.userId)).to.equal(0);
    });

    it('two claims of one referee at once attribute once', async () => {
      const r1 = await user(uniq('referrer'));
      const r2 = await user(uniq('referrer'));
      const referee = await user(uniq('referee'));
      const got = await Promise.allSettled([attribute(T, referee.userId, await codeOf(r1), 'claim'), attribute(T, referee.userId, await codeOf(r2), 'claim')]);
      expect(got.filter((g) => g.status === 'fulfilled')).to.have.length(1);
      const lost = got.find((g): g is PromiseRejectedResult => g.status === 'rejected')!;
      expect((lost.reason as { code?: string }).code).to.equal('conflict');
      expect(await balance(referee.userId)).to.equal(5000);
      expect(await ReferralEvent.count({ where: { refereeUserId: referee.userId, type: 'signup' } })).to.equal(1);
      await ledgerClean();
    });

    it('the referrer gets +10 for the referee\'s first billable generation, once; a free one does not count', async () => {
      const referrer = await user(uniq('referrer'));
      const referee = await user(uniq('referee'));
      await attribute(T, referee.userId, await codeOf(referrer), 'claim');
      const free = await makeImage(referee.userId, { billable: false });
      expect(await awardFirstGeneration(T, referee.userId, free.id)).to.equal(false);
      const paid = await makeImage(referee.userId);
      expect(await awardFirstGeneration(T, referee.userId, paid.id)).to.equal(true);
      expect(await awardFirstGeneration(T, referee.userId, (await makeImage(referee.userId)).id)).to.equal(false);
      expect(await balance(referrer.userId)).to.equal(10_000);
      // Someone nobody referred earns nobody anything.
      const solo = await user(uniq('solo'));
      expect(await awardFirstGeneration(T, solo.userId, (await makeImage(solo.userId)).id)).to.equal(false);
      await ledgerClean();
    });

    it('the lifetime cap: a referrer is paid for at most lifetimeCapReferrals referees, even when they finish together; referees keep their bonus', async () => {
      await setTenantConfig({ referral: { lifetimeCapReferrals: 2, milestoneEvery: 1 } });
      try {
        const referrer = await user(uniq('referrer'));
        const code = await codeOf(referrer);
        const referees = [];
        for (let i = 0; i < 4; i++) {
          const r = await user(uniq('referee'));
          await attribute(T, r.userId, code, 'claim');
          referees.push(r);
        }
        const images = await Promise.all(referees.map((r) => makeImage(r.userId)));
        const awarded = await Promise.all(referees.map((r, i) => awardFirstGeneration(T, r.userId, images[i]!.id)));
        expect(awarded).to.deep.equal([true, true, true, true]);
        const events = await ReferralEvent.findAll({ where: { referrerUserId: referrer.userId, type: 'first_generation' } });
        expect(events.map((e) => e.status).sort()).to.deep.equal(['capped', 'capped', 'paid', 'paid']);
        expect(events.filter((e) => e.status === 'capped').every((e) => Number(e.creditsAwarded) === 0)).to.equal(true);
        expect(await balance(referrer.userId)).to.equal(20_000);
        for (const r of referees) expect(await balance(r.userId), 'each referee keeps its own +5').to.equal(5000);
        // Milestones stop at the cap too: three qualified referees, one milestone each, but only two are paid.
        for (const r of referees.slice(0, 3)) await qualify(T, r.userId, 'purchase');
        await evaluateMilestones(T, referrer.userId);
        expect(await ReferralEvent.count({ where: { referrerUserId: referrer.userId, type: 'milestone' } })).to.equal(2);
        await ledgerClean();
      } finally {
        await setTenantConfig({ referral: { lifetimeCapReferrals: 100 } });
      }
    });

    it('milestones: none one referee short, paid once at exactly milestoneEvery qualified referees', async () => {
      await setTenantConfig({ referral: { milestoneEvery: 3 } });
      const referrer = await user(uniq('referrer'));
      const code = await codeOf(referrer);
      const referees = [];
      for (let i = 0; i < 3; i++) {
        const r = await user(uniq('referee'));
        await attribute(T, r.userId, code, 'claim');
        referees.push(r);
      }
      expect(await qualify(T, referees[0]!.userId, 'purchase')).to.equal(true);
      expect(await qualify(T, referees[1]!.userId, 'retention')).to.equal(true);
      expect(await qualify(T, referees[1]!.userId, 'purchase'), 'qualified once').to.equal(false);
      expect(await ReferralEvent.count({ where: { referrerUserId: referrer.userId, type: 'milestone' } })).to.equal(0);
      expect(await qualify(T, referees[2]!.userId, 'purchase')).to.equal(true);
      expect(await evaluateMilestones(T, referrer.userId), 'already paid').to.equal(0);
      const milestones = await ReferralEvent.findAll({ where: { referrerUserId: referrer.userId, type: 'milestone' } });
      expect(milestones.map((m) => [m.status, Number(m.creditsAwarded)])).to.deep.equal([['paid', 50_000]]);
      expect(await balance(referrer.userId)).to.equal(50_000);
      await ledgerClean();
    });

    it('retention: exactly retentionDays after signup with enough generations, not a millisecond before', async () => {
      const config = await getTenantConfig(T);
      const p = await user(uniq('retained'));
      const u = (await User.findByPk(p.userId))!;
      const day7 = new Date(u.createdAt.getTime() + config.referral.retentionDays * DAY_MS);
      u.generationCount = config.referral.retentionMinGenerations;
      u.lastActiveAt = day7;
      expect(isRetained(u, config, day7)).to.equal(true);
      expect(isRetained(u, config, new Date(day7.getTime() - 1))).to.equal(false);
      u.generationCount -= 1;
      expect(isRetained(u, config, day7)).to.equal(false);
      u.generationCount += 1;
      u.lastActiveAt = new Date(day7.getTime() - 1);
      expect(isRetained(u, config, day7), 'active again on day 7').to.equal(false);
    });
});
