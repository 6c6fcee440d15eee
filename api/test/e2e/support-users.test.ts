import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { countRows, expectProblem, ledgerOf } from '../support/foundation-helpers.js';
import { ensureUser, firstCategory, makeImage } from '../support/community-fixtures.js';
import { AuditEntry, Order, User, UserSuspension } from '../../src/models/index.js';
import { createTenant } from '../../src/tenants/tenants.js';
import { refuseSuspended } from '../../src/auth/suspension.js';
import type { Principal } from '../../src/auth/principal.js';

const B_SECRET = 'support-second-partner-secret-0123456789';
const SUPPORT_TABLES = ['credit_ledger', 'wallets', 'audit_log', 'user_suspensions', 'webhook_events'];

describeEachDatabase('support tools: user lookup, detail, adjust, suspend', function (db) {
  const s = db.server;
  let admin: string, support: string, finance: string, moderator: string;
  let cat: string;
  before(async () => {
    admin = s.token('sup-admin', { role: 'admin' });
    support = s.token('sup-support', { role: 'support' });
    finance = s.token('sup-finance', { role: 'finance' });
    moderator = s.token('sup-moderator', { role: 'moderator' });
    cat = await firstCategory(s, admin);
    await createTenant({ id: 'tnt_other', slug: 'other', name: 'Other partner', publishableKey: 'pk_other', secret: B_SECRET });
  });
  const get = (path: string, token = support) => s.call('GET', path, { token });
  const post = (path: string, body: unknown, token = admin) => s.call('POST', path, { token, body });

  it('looks users up by sub, name, email and referral code, newest first and paged; other partners never show', async () => {
    const u = await ensureUser(s, 'lookup-ravi', { name: 'Ravi Kumar', email: 'ravi.k@example.in' });
    const row = (await User.findByPk(u.id))!;
    // The same sub at another partner.
    expect((await s.call('GET', '/api/credits/balance', { token: s.token('lookup-ravi', {}, { secret: B_SECRET }), headers: { 'x-partner-key': 'pk_other' } })).status).to.equal(200);
    for (const q of ['lookup-ravi', 'Ravi Kum', 'ravi.k@example', row.referralCode, row.referralCode.toLowerCase()]) {
      const r = await get(`/api/admin/users?query=${encodeURIComponent(q)}`);
      expect(r.status, q).to.equal(200);
      expect(r.body.items.map((i: any) => i.id), q).to.deep.equal([u.id]);
      expect(r.body.items[0]).to.include({ sub: 'lookup-ravi', name: 'Ravi Kumar', email: 'ravi.k@example.in', referralCode: row.referralCode });
    }
    // LIKE wildcards are literal.
    expect((await get('/api/admin/users?query=%25')).body.items).to.deep.equal([]);
    for (let i = 0; i < 5; i++) await ensureUser(s, `lookup-page-${i}`);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await get(`/api/admin/users?query=lookup-page&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(r.status).to.equal(200);
      seen.push(...r.body.items.map((i: any) => i.sub));
      cursor = r.body.nextCursor;
    } while (cursor);
    // Each user once over the pages (users made in the same millisecond are ordered by id, not by name).
    expect([...seen].sort()).to.deep.equal(['lookup-page-0', 'lookup-page-1', 'lookup-page-2', 'lookup-page-3', 'lookup-page-4']);
    expectProblem(await get(`/api/admin/users?query=${'x'.repeat(192)}`), 400, 'validation_error');
    expectProblem(await get('/api/admin/users?cursor=forged'), 400, 'validation_error');
  });

  it('the detail shows balance, debt, monthly use, a paged ledger, orders, jobs, posts and referrals; foreign users are 404', async () => {
    const u = await ensureUser(s, 'detail-asha');
    await s.grant('detail-asha', 5);
    const ref = await ensureUser(s, 'detail-friend', { ref: (await User.findByPk(u.id))!.referralCode });
    const img = await makeImage(u.id, { file: true });
    const pub = await s.call('POST', '/api/community/publish', { token: u.token, body: { imageId: img.id, title: 'Asha post', categoryId: cat, visibility: 'public' } });
    expect(pub.status).to.equal(201);
    const order = await s.call('POST', '/api/credits/purchase', { token: u.token, body: { packId: 'pack_10' } });
    expect(order.status).to.equal(201);
    for (let i = 0; i < 3; i++) expect((await post(`/api/admin/users/${u.id}/adjust`, { credits: 1, note: `page ${i}` })).status).to.equal(200);

    for (const who of [support, finance, moderator, admin]) {
      const r = await get(`/api/admin/users/${u.id}?ledgerLimit=2`, who);
      expect(r.status).to.equal(200);
      expect(r.body.user).to.include({ id: u.id, sub: 'detail-asha' });
      expect(r.body.balance).to.equal(8);
      expect(r.body).to.have.property('debt');
      expect(r.body.monthlyUsed).to.equal(0);
      expect(r.body.ledger.items).to.have.length(2);
      expect(r.body.ledger.nextCursor).to.be.a('string');
      expect(r.body.orders.map((o: any) => o.orderId)).to.deep.equal([order.body.orderId]);
      expect(r.body.jobs.map((j: any) => j.jobId)).to.deep.equal([img.jobId]);
      expect(r.body.posts.map((p: any) => p.postId)).to.deep.equal([pub.body.postId]);
      expect(r.body.referrals.code).to.be.a('string');
      expect(r.body.referrals.events.map((e: any) => e.side)).to.deep.equal(r.body.referrals.events.length ? ['referrer'] : []);
    }
    const page2 = await get(`/api/admin/users/${u.id}?ledgerLimit=2&ledgerCursor=${encodeURIComponent((await get(`/api/admin/users/${u.id}?ledgerLimit=2`)).body.ledger.nextCursor)}`);
    expect(page2.body.ledger.items).to.have.length(2);
    // By internal id only: a sub is found with the lookup.
    expectProblem(await get('/api/admin/users/detail-asha'), 404, 'not_found');
    expect((await get(`/api/admin/users/${ref.id}`)).body.referrals.referredBy).to.equal('detail-asha');
    // Another partner's user, by its internal id and by a sub only it has.
    await s.call('GET', '/api/credits/balance', { token: s.token('only-other', {}, { secret: B_SECRET }), headers: { 'x-partner-key': 'pk_other' } });
    const foreign = (await User.findOne({ where: { tenantId: 'tnt_other', sub: 'only-other' } }))!;
    for (const id of [foreign.id, 'only-other', 'usr_nobody']) {
      expectProblem(await get(`/api/admin/users/${id}`), 404, 'not_found');
      expectProblem(await post(`/api/admin/users/${id}/adjust`, { credits: 1, note: 'x' }), 404, 'not_found');
      expectProblem(await post(`/api/admin/users/${id}/suspend`, { note: 'x' }), 404, 'not_found');
      expectProblem(await post(`/api/admin/users/${id}/unsuspend`, { note: 'x' }), 404, 'not_found');
    }
    expect(await Order.count({ where: { userId: foreign.id } })).to.equal(0);
  });

  it('adjusts exactly in millicredits with a note, audited; a negative adjustment never overdraws and bad input writes nothing', async () => {
    const u = await ensureUser(s, 'adjust-meera');
    const r = await post(`/api/admin/users/${u.id}/adjust`, { credits: 2.345, note: ' goodwill for a failed render ' }, finance);
    expect(r.status).to.equal(200);
    expect(r.body).to.include({ userId: u.id, sub: 'adjust-meera', credits: 2.345, balance: 2.345 });
    const back = await post(`/api/admin/users/${u.id}/adjust`, { credits: -0.345, note: 'partial claw-back' }, finance);
    expect(back.body.balance).to.equal(2);
    const rows = await ledgerOf('adjust-meera');
    expect(rows.map((x) => x.delta)).to.deep.equal([2345, -345]);
    expect(rows[0]).to.include({ reason: 'admin', refType: 'adjustment', note: 'goodwill for a failed render' });
    const audits = await AuditEntry.findAll({ where: { action: 'user.adjust', targetId: u.id }, order: [['id', 'ASC']] });
    expect(audits.map((a) => a.note)).to.deep.equal(['goodwill for a failed render', 'partial claw-back']);
    expect(audits[0]!.actorSub).to.equal('sup-finance');

    const before = await countRows(SUPPORT_TABLES);
    expectProblem(await post(`/api/admin/users/${u.id}/adjust`, { credits: -2.001, note: 'too much' }), 402, 'insufficient_credits');
    for (const bad of [{ credits: 1 }, { credits: 1, note: '   ' }, { credits: 1, note: 'x'.repeat(501) }, { credits: 0, note: 'zero' },
      { credits: 1.0001, note: 'too fine' }, { credits: '1', note: 'string' }, { credits: 1_000_001, note: 'huge' }, { note: 'no amount' }]) {
      expectProblem(await post(`/api/admin/users/${u.id}/adjust`, bad), 400, 'validation_error');
    }
    expectProblem(await post(`/api/admin/users/${u.id}/adjust`, { credits: 1, note: 'x' }, support), 403, 'forbidden');
    expectProblem(await post(`/api/admin/users/${u.id}/adjust`, { credits: 1, note: 'x' }, moderator), 403, 'forbidden');
    expect(await countRows(SUPPORT_TABLES)).to.deep.equal(before);
    await s.ledgerOk();
  });

  it('concurrent negative adjustments never take a balance below zero', async () => {
    const u = await ensureUser(s, 'adjust-race');
    await post(`/api/admin/users/${u.id}/adjust`, { credits: 3, note: 'seed' });
    const all = await Promise.all(Array.from({ length: 6 }, () => post(`/api/admin/users/${u.id}/adjust`, { credits: -1, note: 'race' })));
    expect(all.filter((r) => r.status === 200)).to.have.length(3);
    expect(all.filter((r) => r.status === 402)).to.have.length(3);
    expect((await get(`/api/admin/users/${u.id}`)).body.balance).to.equal(0);
    await s.ledgerOk();
  });

  it('a suspended user is refused every write with 403 account_suspended and keeps reading its own data', async () => {
    const other = await ensureUser(s, 'susp-other');
    const oimg = await makeImage(other.id, { file: true });
    const opost = (await s.call('POST', '/api/community/publish', { token: other.token, body: { imageId: oimg.id, title: 'Other', categoryId: cat, visibility: 'public' } })).body.postId;
    await s.call('POST', `/api/community/${opost}/remix/open`, { token: other.token });
    const u = await ensureUser(s, 'susp-vikram');
    await s.grant('susp-vikram', 10);
    const img = await makeImage(u.id, { file: true });
    const code = (await s.call('GET', '/api/referrals/me', { token: other.token })).body.code;

    expectProblem(await post(`/api/admin/users/${u.id}/suspend`, {}, moderator), 400, 'validation_error');
    expectProblem(await post(`/api/admin/users/${u.id}/suspend`, { note: 'x' }, support), 403, 'forbidden');
    expectProblem(await post(`/api/admin/users/${u.id}/suspend`, { note: 'x' }, finance), 403, 'forbidden');
    expectProblem(await post(`/api/admin/users/${u.id}/unsuspend`, { note: 'x' }, moderator), 409, 'conflict');
    const sus = await post(`/api/admin/users/${u.id}/suspend`, { note: 'spam accounts ring' }, moderator);
    expect(sus.status).to.equal(200);
    expect(sus.body).to.include({ userId: u.id, suspended: true });
    expect(sus.body.suspension).to.include({ note: 'spam accounts ring', by: 'sup-moderator' });
    expectProblem(await post(`/api/admin/users/${u.id}/suspend`, { note: 'again' }, moderator), 409, 'conflict');

    const before = await countRows();
    const writes: [string, string, unknown][] = [
      ['POST', '/api/studio/generate', { prompt: 'a quiet harbour at night', tier: 'standard' }],
      ['POST', '/api/studio/enhance-prompt', { prompt: 'a quiet harbour at night' }],
      ['POST', '/api/community/publish', { imageId: img.id, title: 'Mine', categoryId: cat, visibility: 'public' }],
      ['POST', `/api/community/${opost}/like`, undefined],
      ['POST', `/api/community/${opost}/report`, { reason: 'spam' }],
      ['POST', `/api/community/${opost}/remix/open`, undefined],
      ['POST', `/api/community/${opost}/remix/record`, { generatedImageId: img.id }],
      ['POST', `/api/community/${opost}/appeal`, { message: 'please' }],
      ['POST', '/api/credits/purchase', { packId: 'pack_10' }],
      ['POST', '/api/credits/purchase/verify', { orderId: 'ord_x', paymentId: 'pay_x', signature: 'x' }],
      ['POST', '/api/referrals/claim', { code }],
      ['DELETE', `/api/studio/my-creations/${img.id}`, undefined],
    ];
    for (const [method, path, body] of writes) expectProblem(await s.call(method, path, { token: u.token, body }), 403, 'account_suspended');
    expect(await countRows()).to.deep.equal(before);
    // Reads of its own data go on.
    for (const path of ['/api/credits/balance', '/api/credits/history', '/api/studio/my-creations', '/api/notifications', '/api/referrals/me',
      '/api/community/feed?sort=latest', `/api/studio/generate/${img.jobId}`]) {
      expect((await s.call('GET', path, { token: u.token })).status, path).to.equal(200);
    }
    expect((await s.call('POST', '/api/notifications/read', { token: u.token, body: { all: true } })).status).to.not.equal(403);
    // The lookup shows it.
    expect((await get(`/api/admin/users?query=susp-vikram`)).body.items[0].suspended).to.include({ note: 'spam accounts ring' });

    const un = await post(`/api/admin/users/${u.id}/unsuspend`, { note: 'appeal accepted' }, moderator);
    expect(un.status).to.equal(200);
    expect(un.body).to.include({ suspended: false });
    expect((await s.call('POST', `/api/community/${opost}/like`, { token: u.token })).status).to.equal(200);
    expect((await AuditEntry.findAll({ where: { targetId: u.id }, order: [['id', 'ASC']] })).map((a) => [a.action, a.note])).to.deep.equal([
      ['user.suspend', 'spam accounts ring'], ['user.unsuspend', 'appeal accepted'],
    ]);
  });

  it('privacy rights stay open to a suspended user (export, erasure, consents under /api/me)', async () => {
    const u = await ensureUser(s, 'susp-privacy');
    await UserSuspension.create({ userId: u.id, tenantId: 'tnt_default', note: 'x', suspendedBy: 'test' });
    const p = { tenantId: 'tnt_default', userId: u.id, sub: 'susp-privacy', name: null, role: 'user' } as Principal;
    const req = (method: string, url: string) => ({ method, originalUrl: url, url }) as never;
    for (const [m, url] of [['DELETE', '/api/me'], ['POST', '/api/me/consents'], ['GET', '/api/me/export'], ['POST', '/api/notifications/read'], ['GET', '/api/credits/balance']]) {
      await refuseSuspended(req(m!, url!), p);
    }
    for (const [m, url] of [['POST', '/api/community/publish'], ['DELETE', '/api/community/posts/x'], ['POST', '/api/mess'], ['POST', '/api/me2']]) {
      let code: string | undefined;
      await refuseSuspended(req(m!, url!), p).catch((e: { code: string }) => { code = e.code; });
      expect(code, url).to.equal('account_suspended');
    }
  });
});
