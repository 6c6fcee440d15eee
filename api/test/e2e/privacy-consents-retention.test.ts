import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { expectProblem } from '../support/foundation-helpers.js';
import { ensureUser } from '../support/community-fixtures.js';
import { services } from '../../src/context.js';
import { Consent, GenerationJob, IdempotencyKey, Notification, ReferralEvent, User } from '../../src/models/index.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';
import { DAY_MS, setClock } from '../../src/util/clock.js';
import { newId } from '../../src/util/ids.js';
import { applyRetention } from '../../src/privacy/retention.js';
import { hashIp, sameIp } from '../../src/util/pseudonym.js';

describeEachDatabase('privacy: consents and retention', function (db) {
  const s = db.server;
  const admin = () => s.token('test-admin', { role: 'admin' });
  const save = (config: unknown) => s.call('POST', '/api/admin/config', { token: admin(), body: { config } });
  const later = (days: number) => setClock(() => new Date(Date.now() + days * DAY_MS));
  afterEach(() => setClock(undefined));

  it('consents: none required by default; a required version blocks generate with 403 consent_required until given', async () => {
    const u = await ensureUser(s, 'consent-user');
    await s.grant('consent-user', 5);
    expect((await s.call('GET', '/api/me/consents', { token: u.token })).body).to.deep.equal({ given: [], required: [], missing: false });
    expect((await save({ consents: { required: { terms: '2026-11', ai_processing: 'v2' } } })).status).to.equal(200);

    const gen = () => s.call('POST', '/api/studio/generate', { token: u.token, body: { prompt: 'a quiet harbour at dawn', tier: 'standard' } });
    const refused = await gen();
    expectProblem(refused, 403, 'consent_required');
    expect(refused.body.missing).to.deep.equal([{ purpose: 'terms', version: '2026-11' }, { purpose: 'ai_processing', version: 'v2' }]);
    expect(await GenerationJob.count({ where: { userId: u.id } })).to.equal(0);
    expect((await s.call('GET', '/api/credits/balance', { token: u.token })).body.credits).to.equal(5);

    // Bad input writes nothing.
    for (const body of [{}, { purpose: 'terms' }, { purpose: '', version: 'v' }, { purpose: 'a b', version: 'v' }, { purpose: 'terms', version: 7 }, { purpose: 'x'.repeat(41), version: 'v' }]) {
      expectProblem(await s.call('POST', '/api/me/consents', { token: u.token, body }), 400, 'validation_error');
    }
    expectProblem(await s.call('POST', '/api/me/consents', { token: u.token, raw: '{"purpose":' }), 400, 'validation_error');
    expect(await Consent.count({ where: { userId: u.id } })).to.equal(0);

    // An older version does not count; the required one, given twice, is one record.
    await s.call('POST', '/api/me/consents', { token: u.token, body: { purpose: 'terms', version: '2026-10' } });
    await s.call('POST', '/api/me/consents', { token: u.token, body: { purpose: 'ai_processing', version: 'v2' } });
    expectProblem(await gen(), 403, 'consent_required');
    const given = await s.call('POST', '/api/me/consents', { token: u.token, body: { purpose: 'terms', version: '2026-11' } });
    expect(given.status).to.equal(201);
    await s.call('POST', '/api/me/consents', { token: u.token, body: { purpose: 'terms', version: '2026-11' } });
    const list = (await s.call('GET', '/api/me/consents', { token: u.token })).body;
    expect(list.missing).to.equal(false);
    expect(list.required).to.deep.equal([{ purpose: 'terms', version: '2026-11', given: true }, { purpose: 'ai_processing', version: 'v2', given: true }]);
    expect(list.given.map((g: any) => `${g.purpose}@${g.version}`)).to.have.members(['terms@2026-10', 'ai_processing@v2', 'terms@2026-11']);
    expect((await gen()).status).to.equal(202);
    // Another user of the partner still has to agree.
    const other = await ensureUser(s, 'consent-other');
    await s.grant('consent-other', 5);
    expectProblem(await s.call('POST', '/api/studio/generate', { token: other.token, body: { prompt: 'a quiet harbour at dawn', tier: 'standard' } }), 403, 'consent_required');
    expect((await save({ consents: { required: {} } })).status).to.equal(200);
  });

  it('config: retention periods within their legal bounds, consent names checked, unknown keys refused', async () => {
    for (const config of [
      { retention: { ipDays: 0 } }, { retention: { ipDays: 181 } }, { retention: { idempotencyDays: 0 } }, { retention: { idempotencyDays: 31 } },
      { retention: { readNotificationsDays: 'x' } }, { retention: { analyticsEventsDays: 0 } }, { retention: { analyticsEventsDays: 1.5 } },
      { retention: { forever: 1 } }, { consents: { required: { 'bad purpose': 'v1' } } }, { consents: { required: { terms: '' } } },
      { consents: { required: { terms: 3 } } },
    ]) {
      const r = await save(config);
      expect(r.status, JSON.stringify(config)).to.equal(400);
      expect(r.body.code).to.equal('validation_error');
    }
    const cfg = (await s.call('GET', '/api/admin/config', { token: admin() })).body;
    expect(cfg.config.retention).to.deep.equal({ ipDays: 30, idempotencyDays: 7, readNotificationsDays: 90, analyticsEventsDays: 90 });
  });

  it('retention: IPs hashed after ipDays (per partner), fraud rules still see a shared IP; idempotency keys and read notifications pruned', async () => {
    const ref = await ensureUser(s, 'retention-referrer');
    const code = (await s.call('GET', '/api/referrals/me', { token: ref.token })).body.code;
    const raw = (await User.findByPk(ref.id))!.signupIp!;
    expect(raw).to.match(/^[\d.:a-f]+$/);

    expect((await save({ retention: { ipDays: 60 } })).status).to.equal(200);
    later(31);
    await applyRetention();
    expect((await User.findByPk(ref.id))!.signupIp).to.equal(raw);
    later(61);
    const counts = await applyRetention();
    expect(counts.ipsHashed).to.be.at.least(1);
    const hashed = (await User.findByPk(ref.id))!;
    expect(hashed.signupIp).to.equal(hashIp(raw)).and.to.match(/^h1:/);
    expect(hashed.lastIp).to.equal(hashIp(raw));
    expect(sameIp(raw, hashed.signupIp)).to.equal(true);
    expect(sameIp('10.9.9.9', hashed.signupIp)).to.equal(false);
    // A second run changes nothing (hashes are not hashed again).
    expect((await applyRetention()).ipsHashed).to.equal(0);
    setClock(undefined);

    // A referee from the same address (every test call comes from 127.0.0.1) is held for review, as before hashing.
    const referee = await ensureUser(s, 'retention-referee', { ref: code });
    const ev = await ReferralEvent.findOne({ where: { refereeUserId: referee.id } });
    expect(ev?.status).to.equal('held');
    expect(ev?.holdReason).to.contain('shared_ip');

    // Idempotency keys after idempotencyDays (7), read notifications after readNotificationsDays (90); unread ones stay.
    const k = await s.call('POST', '/api/credits/purchase', { token: ref.token, body: { packId: 'pack_10' }, headers: { 'Idempotency-Key': 'retention-key-1' } });
    expect(k.status).to.be.oneOf([200, 201]);
    expect(await IdempotencyKey.count({ where: { userId: ref.id } })).to.equal(1);
    const at = Date.now();
    const note = (readDaysAgo: number | null) => Notification.create({ id: newId('ntf'), tenantId: DEFAULT_TENANT_ID, userId: ref.id, type: 'like', title: 't',
      readAt: readDaysAgo === null ? null : new Date(at - readDaysAgo * DAY_MS), createdAt: new Date(at - 200 * DAY_MS) });
    const oldRead = await note(91);
    const recentRead = await note(10);
    const unread = await note(null);
    later(6);
    await applyRetention();
    expect(await IdempotencyKey.count({ where: { userId: ref.id } })).to.equal(1);
    later(8);
    await applyRetention();
    expect(await IdempotencyKey.count({ where: { userId: ref.id } })).to.equal(0);
    expect(await Notification.findByPk(oldRead.id)).to.equal(null);
    expect(await Notification.findByPk(recentRead.id)).to.not.equal(null);
    expect(await Notification.findByPk(unread.id)).to.not.equal(null);
    expect((await save({ retention: { ipDays: 30 } })).status).to.equal(200);
  });

  it('the retention job is a daily recurring job of the queue', async () => {
    const agenda = services().queue.agenda as unknown as { definitions: Record<string, unknown> };
    expect(agenda.definitions).to.have.property('privacy:retention');
    expect(agenda.definitions).to.have.property('privacy:erase');
    expect(agenda.definitions).to.have.property('privacy:export');
    const [rows] = await services().db.sequelize.query("SELECT repeat_interval FROM agenda_jobs WHERE name = 'privacy:retention'");
    expect((rows as { repeat_interval: string }[]).map((r) => JSON.parse(r.repeat_interval))).to.deep.equal(['1 day']);
  });
});
