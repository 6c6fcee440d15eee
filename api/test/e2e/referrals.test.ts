import { expect } from 'chai';
import { waitForJob, sleep } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { waitUntil } from '../support/wait.js';
import { on, off, type HookEvents } from '../../src/hooks.js';
import { AuditEntry, ReferralEvent, TenantConfigRow, User } from '../../src/models/index.js';
import { invalidateTenantConfig } from '../../src/tenants/config-store.js';
import { setClock, DAY_MS, HOUR_MS } from '../../src/util/clock.js';
import { runDailyReferralEvaluation } from '../../src/referrals/rewards.js';

const TENANT = 'tnt_default';
let ipSeq = 0;
const freshIp = () => { ipSeq++; return `10.${(ipSeq >> 8) & 255}.${ipSeq & 255}.7`; };

async function setReferralConfig(referral: Record<string, number>) {
  const last = await TenantConfigRow.max('version', { where: { tenantId: TENANT } }) as number | null;
  await TenantConfigRow.create({ tenantId: TENANT, version: (last ?? 0) + 1, config: { referral }, createdBy: 'test', note: 'referral test' });
  invalidateTenantConfig();
}

describeEachDatabase('referrals', { timeout: 90000 }, function (db) {
    const s = db.server;
    after(() => setClock());
    afterEach(() => setClock());

    /** The first call of a token is the user's signup, from its own IP (trusted X-Forwarded-For from loopback) and device. */
    const signup = async (sub: string, o: { ref?: string; ip?: string; device?: string } = {}) => {
      const token = s.token(sub, o.ref ? { ref: o.ref } : {});
      const headers: Record<string, string> = { 'x-forwarded-for': o.ip ?? freshIp() };
      if (o.device) headers['x-device-id'] = o.device;
      const r = await s.call('GET', '/api/credits/balance', { token, headers });
      expect(r.status).to.equal(200);
      return token;
    };
    const me = async (token: string) => (await s.call('GET', '/api/referrals/me', { token })).body;
    const balance = async (token: string) => (await s.call('GET', '/api/credits/balance', { token })).body.credits as number;
    const claim = (token: string, code: unknown) => s.call('POST', '/api/referrals/claim', { token, body: { code } });
    const buyPack = async (token: string) => {
      const o = await s.call('POST', '/api/credits/purchase', { token, body: { packId: 'pack_10' } });
      const c = await s.call('POST', '/api/credits/sandbox/pay', { token, body: { orderId: o.body.orderId } });
      const v = await s.call('POST', '/api/credits/purchase/verify', { token, body: c.body });
      expect(v.status).to.equal(200);
    };
    const until = async (fn: () => Promise<boolean>, ms = 15000) => {
      const end = Date.now() + ms;
      while (!(await fn())) {
        if (Date.now() > end) throw new Error('condition not reached');
        await sleep(50);
      }
    };

    it('gives a code and share link, and attributes the ref claim of the first token (+5 to the referee)', async () => {
      const alice = await signup('r-alice');
      const m = await me(alice);
      expect(m.code).to.match(/^[A-Z2-9]{8}$/);
      expect(m.shareLink).to.match(new RegExp(`[?&]ref=${m.code}$`));
      expect(m).to.include({ signups: 0, qualifiedSignups: 0, pendingReview: 0, creditsEarned: 0 });
      expect(m.nextMilestone).to.deep.equal({ qualifiedNeeded: 10, reward: 50 });
      const bob = await signup('r-bob', { ref: m.code.toLowerCase() });
      expect(await balance(bob)).to.equal(5);
      expect((await me(bob)).referredBy).to.deep.equal({ name: 'R-alice' });
      expect((await me(alice)).signups).to.equal(1);
      // A bad ref in a token never breaks the sign-in.
      const carol = await signup('r-carol', { ref: 'NOPE1234' });
      expect(await balance(carol)).to.equal(0);
      await s.ledgerOk();
    });

    it('pays the referrer +10 after the referee\'s first billable generation, once', async () => {
      const ref = await signup('g-referrer');
      const code = (await me(ref)).code;
      const referee = await signup('g-referee', { ref: code });
      const gen = await s.call('POST', '/api/studio/generate', { token: referee, body: { prompt: 'a lighthouse at dawn', tier: 'standard' } });
      expect(gen.status).to.equal(202);
      expect((await waitForJob(s, referee, gen.body.jobId)).status).to.equal('succeeded');
      await until(async () => (await balance(ref)) === 10);
      // Listeners run in order: this one, added after the referral module's, marks that the award was decided.
      const handled = new Set<string>();
      const seen = (e: HookEvents['generationSucceeded']) => { handled.add(e.jobId); };
      on('generationSucceeded', seen);
      const gen2 = await s.call('POST', '/api/studio/generate', { token: referee, body: { prompt: 'a second lighthouse', tier: 'standard' } });
      await waitForJob(s, referee, gen2.body.jobId);
      try {
        await waitUntil('the referral listener to handle the second generation', () => handled.has(gen2.body.jobId));
      } finally {
        off('generationSucceeded', seen);
      }
      expect(await balance(ref)).to.equal(10);
      expect((await me(ref)).creditsEarned).to.equal(10);
      await s.ledgerOk();
    });

    it('claims a code within the window and refuses twice, a second code, one\'s own, unknown, after 24 h and after generating', async () => {
      const a = await signup('c-a');
      const b = await signup('c-b');
      const codeA = (await me(a)).code;
      const codeB = (await me(b)).code;
      const u = await signup('c-user');
      expect((await claim(u, 'ZZZZ9999')).status).to.equal(400);
      const own = await claim(u, (await me(u)).code);
      expect(own.status).to.equal(400);
      expect(own.body.code).to.equal('validation_error');
      for (const bad of ['', 'no', 12345678, null, 'has space!']) expect((await claim(u, bad)).status, String(bad)).to.equal(400);
      const ok = await claim(u, codeA);
      expect(ok.status).to.equal(200);
      expect(ok.body).to.deep.include({ status: 'awarded', creditsAwarded: 5, referrerName: 'C-a' });
      const twice = await claim(u, codeA);
      expect(twice.status).to.equal(409);
      expect(twice.body.code).to.equal('conflict');
      expect((await claim(u, codeB)).status).to.equal(409);
      expect(await balance(u)).to.equal(5);
      // Concurrent claims of one new user attribute once.
      const v = await signup('c-racer');
      const res = await Promise.all([claim(v, codeA), claim(v, codeB), claim(v, codeA)]);
      expect(res.filter((r) => r.status === 200)).to.have.length(1);
      expect(res.filter((r) => r.status === 409)).to.have.length(2);
      expect(await balance(v)).to.equal(5);
      // After the claim window.
      const late = await signup('c-late');
      setClock(() => new Date(Date.now() + 25 * HOUR_MS));
      expect((await claim(late, codeA)).status).to.equal(409);
      setClock();
      // After the first generation.
      const gen = await signup('c-gen');
      await s.grant('c-gen', 2);
      const job = await s.call('POST', '/api/studio/generate', { token: gen, body: { prompt: 'a red bicycle', tier: 'standard' } });
      await waitForJob(s, gen, job.body.jobId);
      const after = await claim(gen, codeA);
      expect(after.status).to.equal(409);
      expect((await s.call('POST', '/api/referrals/claim', { token: gen, raw: '{"code":' })).status).to.equal(400);
      await s.ledgerOk();
    });

    it('pays +50 at the 10th and 20th qualified referee (qualified by first purchase), not at the 9th', async () => {
      await setReferralConfig({ maxSignupsPerHour: 1000, maxSignupsPerDay: 1000 });
      const m = await signup('ms-referrer');
      const code = (await me(m)).code;
      const referees: string[] = [];
      for (let i = 1; i <= 20; i++) referees.push(await signup(`ms-referee-${i}`, { ref: code }));
      for (let i = 0; i < 9; i++) await buyPack(referees[i]!);
      let view = await me(m);
      expect(view).to.include({ signups: 20, qualifiedSignups: 9, creditsEarned: 0 });
      expect(view.nextMilestone.qualifiedNeeded).to.equal(1);
      expect(await balance(m)).to.equal(0);
      await buyPack(referees[9]!);
      view = await me(m);
      expect(view).to.include({ qualifiedSignups: 10, creditsEarned: 50 });
      expect(view.nextMilestone.qualifiedNeeded).to.equal(10);
      expect(await balance(m)).to.equal(50);
      // A second purchase of a qualified referee does not count again.
      await buyPack(referees[0]!);
      expect((await me(m)).qualifiedSignups).to.equal(10);
      await Promise.all(referees.slice(10, 19).map((t) => buyPack(t)));
      expect(await balance(m)).to.equal(50);
      expect((await me(m)).nextMilestone.qualifiedNeeded).to.equal(1);
      await buyPack(referees[19]!);
      expect(await balance(m)).to.equal(100);
      const referrer = await User.findOne({ where: { sub: 'ms-referrer' } });
      const milestones = await ReferralEvent.findAll({ where: { referrerUserId: referrer!.id, type: 'milestone' } });
      expect(milestones.map((e) => e.uniqueKey).sort()).to.deep.equal([`milestone:${referrer!.id}:1`, `milestone:${referrer!.id}:2`]);
      // The daily job finds nothing more to do.
      expect((await runDailyReferralEvaluation()).milestones).to.equal(0);
      expect(await balance(m)).to.equal(100);
      await s.ledgerOk();
    });

    it('qualifies through 7-day retention with at least 3 generations, evaluated by the daily job', async () => {
      const r = await signup('ret-referrer');
      const code = (await me(r)).code;
      await signup('ret-ok', { ref: code });
      await signup('ret-two', { ref: code });
      await signup('ret-gone', { ref: code });
      const signupAt = (await User.findOne({ where: { sub: 'ret-ok' } }))!.createdAt.getTime();
      const day7 = signupAt + 7 * DAY_MS;
      await User.update({ generationCount: 3, lastActiveAt: new Date(day7 + HOUR_MS) }, { where: { sub: 'ret-ok' } });
      await User.update({ generationCount: 2, lastActiveAt: new Date(day7 + HOUR_MS) }, { where: { sub: 'ret-two' } });
      await User.update({ generationCount: 5, lastActiveAt: new Date(signupAt + 2 * DAY_MS) }, { where: { sub: 'ret-gone' } });
      setClock(() => new Date(day7 - HOUR_MS));
      await runDailyReferralEvaluation();
      expect((await me(r)).qualifiedSignups).to.equal(0);
      setClock(() => new Date(day7 + 2 * HOUR_MS));
      await runDailyReferralEvaluation();
      expect((await me(r)).qualifiedSignups).to.equal(1);
      const ok = await User.findOne({ where: { sub: 'ret-ok' } });
      const ev = await ReferralEvent.findOne({ where: { uniqueKey: `qualified:${ok!.id}` } });
      expect(ev!.status).to.equal('counted');
      await runDailyReferralEvaluation();
      expect((await me(r)).qualifiedSignups).to.equal(1);
    });

    it('holds shared-device, shared-IP and velocity referrals for review; admin approval pays once and is audited', async () => {
      await setReferralConfig({ maxSignupsPerHour: 5, maxSignupsPerDay: 20 });
      const admin = s.token('fraud-admin', { role: 'admin' });
      const ref = await signup('f-referrer', { ip: '10.200.0.1', device: 'dev-referrer' });
      const code = (await me(ref)).code;
      const dev = await signup('f-same-device', { ref: code, device: 'dev-referrer' });
      const ip = await signup('f-same-ip', { ref: code, ip: '10.200.0.1' });
      expect(await balance(dev)).to.equal(0);
      expect(await balance(ip)).to.equal(0);
      const honest: string[] = [];
      for (let i = 0; i < 3; i++) honest.push(await signup(`f-honest-${i}`, { ref: code }));
      for (const t of honest) expect(await balance(t)).to.equal(5);
      // Attribution number 6 within the hour is over the velocity limit of 5.
      const fast = await signup('f-fast', { ref: code });
      expect(await balance(fast)).to.equal(0);
      const claimer = await signup('f-claimer');
      const held = await claim(claimer, code);
      expect(held.status).to.equal(200);
      expect(held.body).to.deep.include({ status: 'held', creditsAwarded: 0 });
      expect((await me(ref)).pendingReview).to.equal(4);

      expect((await s.call('GET', '/api/admin/referrals/review', { token: ref })).status).to.equal(403);
      const list = await s.call('GET', '/api/admin/referrals/review?limit=100', { token: admin });
      expect(list.status).to.equal(200);
      const mine = list.body.items.filter((i: any) => i.referrer.id === 'f-referrer');
      const reasons = Object.fromEntries(mine.map((i: any) => [i.referee.id, i.holdReason]));
      expect(reasons['f-same-device']).to.include('shared_device');
      expect(reasons['f-same-ip']).to.include('shared_ip');
      expect(reasons['f-fast']).to.include('velocity_hour');
      expect(reasons['f-claimer']).to.include('velocity_hour');
      const item = mine.find((i: any) => i.referee.id === 'f-same-device');
      expect(item).to.include({ type: 'signup', status: 'held', credits: 5 });
      expect(item.anomaly.flagged).to.equal(false);

      // The held referee generates: the referrer's +10 is held too, and decided with the signup.
      await s.grant('f-same-device', 1);
      const job = await s.call('POST', '/api/studio/generate', { token: dev, body: { prompt: 'a mountain cabin', tier: 'standard' } });
      await waitForJob(s, dev, job.body.jobId);
      const devUser = await User.findOne({ where: { sub: 'f-same-device' } });
      await until(async () => !!(await ReferralEvent.findOne({ where: { uniqueKey: `first_gen:${devUser!.id}` } })));
      expect((await ReferralEvent.findOne({ where: { uniqueKey: `first_gen:${devUser!.id}` } }))!.status).to.equal('held');
      const before = await balance(ref);

      const results = await Promise.all([1, 2, 3].map(() => s.call('POST', '/api/admin/referrals/review', { token: admin, body: { id: item.id, action: 'approve', note: 'family device' } })));
      expect(results.filter((r) => r.status === 200)).to.have.length(1);
      expect(results.filter((r) => r.status === 409)).to.have.length(2);
      const done = results.find((r) => r.status === 200)!.body;
      expect(done.item).to.include({ status: 'paid', reviewNote: 'family device' });
      expect(done.cascaded).to.have.length(1);
      expect(await balance(dev)).to.equal(5);
      expect(await balance(ref)).to.equal(before + 10);
      const rejectIt = mine.find((i: any) => i.referee.id === 'f-same-ip');
      const rej = await s.call('POST', '/api/admin/referrals/review', { token: admin, body: { id: rejectIt.id, action: 'reject', note: 'same person' } });
      expect(rej.status).to.equal(200);
      expect(rej.body.item.status).to.equal('rejected');
      expect(await balance(ip)).to.equal(0);
      expect((await s.call('POST', '/api/admin/referrals/review', { token: admin, body: { id: rejectIt.id, action: 'approve' } })).status).to.equal(409);
      expect((await s.call('POST', '/api/admin/referrals/review', { token: admin, body: { id: 'refev_nope', action: 'approve' } })).status).to.equal(404);
      expect((await s.call('POST', '/api/admin/referrals/review', { token: admin, body: { id: item.id, action: 'pay' } })).status).to.equal(400);
      const audits = await AuditEntry.findAll({ where: { targetType: 'referral_event' } });
      expect(audits.map((a) => a.action).sort()).to.deep.equal(['referral.approve', 'referral.reject']);
      await s.ledgerOk();
    });

    it('flags a referrer whose referees never generate (anomaly) and holds its milestone', async () => {
      await setReferralConfig({ maxSignupsPerHour: 1000, maxSignupsPerDay: 1000, milestoneEvery: 2, anomalyMinReferees: 5, anomalyInactiveShare: 0.8 });
      const admin = s.token('fraud-admin', { role: 'admin' });
      const ref = await signup('an-referrer');
      const code = (await me(ref)).code;
      const referees: string[] = [];
      for (let i = 0; i < 6; i++) referees.push(await signup(`an-referee-${i}`, { ref: code }));
      setClock(() => new Date(Date.now() + 2 * DAY_MS));
      await buyPack(referees[0]!);
      await buyPack(referees[1]!);
      const referrer = await User.findOne({ where: { sub: 'an-referrer' } });
      const ms = await ReferralEvent.findOne({ where: { uniqueKey: `milestone:${referrer!.id}:1` } });
      expect(ms!.status).to.equal('held');
      expect(ms!.holdReason).to.equal('anomaly_inactive_referees');
      const list = await s.call('GET', '/api/admin/referrals/review?limit=100', { token: admin });
      const row = list.body.items.find((i: any) => i.id === ms!.id);
      expect(row.anomaly).to.deep.include({ flagged: true, referees: 6, inactiveReferees: 6 });
      await setReferralConfig({ maxSignupsPerHour: 5, maxSignupsPerDay: 20, milestoneEvery: 10 });
    });
});
