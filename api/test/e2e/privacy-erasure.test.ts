import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { describeEachDatabase } from '../support/each-database.js';
import { expectProblem } from '../support/foundation-helpers.js';
import { ensureUser, firstCategory, makeImage } from '../support/community-fixtures.js';
import { waitUntil } from '../support/wait.js';
import { services } from '../../src/context.js';
import { GeneratedImage, Post, PrivacyRequest, User, WebhookEndpoint, WebhookEvent } from '../../src/models/index.js';
import { eraseUserJob } from '../../src/privacy/erasure.js';
import { newId } from '../../src/util/ids.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';
import { waitForJob } from '../support/harness.js';

/** Every string inside a JSON value. */
function strings(v: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

/** Every row of every table, as one string (the "database dump" the proof searches). */
async function dumpDatabase(skipUserIds: string[] = []): Promise<string> {
  const { sequelize } = services().db;
  const tables = (await sequelize.getQueryInterface().showAllTables()).map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName));
  const parts: string[] = [];
  for (const table of tables) {
    const [rows] = await sequelize.query(`SELECT * FROM ${sequelize.getQueryInterface().quoteIdentifier(table)}`);
    for (const row of rows as Record<string, unknown>[]) {
      // The account made anew for the same token after the erasure is another user (the "new user").
      if (skipUserIds.some((id) => row.id === id || row.user_id === id)) continue;
      parts.push(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v)));
    }
  }
  return parts.join('\n');
}

function dumpDir(dir: string): string {
  if (!fs.existsSync(dir)) return '';
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(path.join(e.parentPath, e.name), fs.readFileSync(path.join(e.parentPath, e.name)).toString('latin1'));
  }
  return out.join('\n');
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** Our opaque random ids (util/ids.ts): the records the ledger keeps point at them; they say nothing about a person. */
const OPAQUE_ID = /^[a-z]{2,5}_[A-Za-z0-9_-]{16}$/;
/** Codes of closed lists the API defines (a kept report's reason and status, notification types, image formats): vocabulary, not data. */
const CODES = new Set(['other', 'open', 'like', 'reward', 'moderation', 'square', 'portrait', 'story', 'landscape', 'banner']);

describeEachDatabase('privacy: export then erasure', { server: { env: { PRIVACY_EXPORT_SYNC_ROWS: '5' } }, timeout: 120000 }, function (db) {
  const s = db.server;
  const admin = () => s.token('test-admin', { role: 'admin' });

  it('exports, erases, and nothing of the export but ledger amounts, order ids and kept records remains; links dead; ledger passes', async () => {
    const claims = { name: 'Alicia Quokkaberg', email: 'alicia.quokka@example.test' };
    const aliceTok = s.token('alicia-sub-Q7ZP', claims);
    await s.call('GET', '/api/notifications?limit=1', { token: aliceTok, headers: { 'x-device-id': 'device-alicia-Q7ZP' } });
    const alice = (await User.findOne({ where: { tenantId: DEFAULT_TENANT_ID, sub: 'alicia-sub-Q7ZP' } }))!;
    const bob = await ensureUser(s, 'bob-privacy');
    const cat = await firstCategory(s, bob.token);

    // Referral: alice claims bob's code.
    const code = (await s.call('GET', '/api/referrals/me', { token: bob.token })).body.code;
    expect((await s.call('POST', '/api/referrals/claim', { token: aliceTok, body: { code } })).status).to.equal(200);
    // Credits: a grant and a paid order.
    await s.grant('alicia-sub-Q7ZP', 10);
    const order = await s.call('POST', '/api/credits/purchase', { token: aliceTok, body: { packId: 'pack_10' } });
    expect(order.status).to.be.oneOf([200, 201]);
    expect((await s.call('POST', '/api/credits/sandbox/pay', { token: aliceTok, body: { orderId: order.body.orderId } })).status).to.equal(200);
    // A real generation (job, debit, files) and a published post with a public rendition.
    const gen = await s.call('POST', '/api/studio/generate', { token: aliceTok, body: { prompt: 'a lighthouse painted by alicia-harbour-zq', tier: 'standard' } });
    expect(gen.status).to.equal(202);
    await waitForJob(s, aliceTok, gen.body.jobId);
    const pub = await s.call('POST', '/api/community/publish', {
      token: aliceTok, body: { imageId: gen.body.imageId, title: 'Alicia lighthouse title', categoryId: cat, visibility: 'public', tags: ['aliciatagzq'] },
    });
    expect(pub.status).to.equal(201);
    const second = await makeImage(alice.id, { file: true, prompt: 'second prompt of alicia-velvet-zq' });
    // Bob's post, which alice likes, reports and remixes; bob likes alice's post (a notification for alice).
    const bobImg = await makeImage(bob.id, { file: true, prompt: 'bob castle' });
    const bobPost = (await s.call('POST', '/api/community/publish', { token: bob.token, body: { imageId: bobImg.id, title: 'Bob castle', categoryId: cat, visibility: 'public' } })).body.postId;
    // Bob's export before alice touches his things: what two people share (category ids, tier names, 127.0.0.1...) says
    // nothing about alice.
    const bobDoc = (await s.call('GET', '/api/me/export', { token: bob.token })).body;
    const bobStrings = strings(await waitUntil('bob\'s export', async () => {
      const r = bobDoc.statusUrl ? await s.call('GET', bobDoc.statusUrl, { token: bob.token }) : { body: { status: 'done', document: bobDoc } };
      return r.body.status === 'done' ? r.body.document : undefined;
    }, 20000));
    await s.call('POST', `/api/community/${bobPost}/like`, { token: aliceTok });
    await s.call('POST', `/api/community/${bobPost}/report`, { token: aliceTok, body: { reason: 'other', details: 'report details by alicia-xq' } });
    await s.call('POST', `/api/community/${bobPost}/remix/open`, { token: aliceTok });
    const remixImg = await makeImage(alice.id, { file: true, prompt: 'remix prompt alicia-remix-zq' });
    expect((await s.call('POST', `/api/community/${bobPost}/remix/record`, { token: aliceTok, body: { generatedImageId: remixImg.id } })).status).to.equal(200);
    await s.call('POST', `/api/community/${pub.body.postId}/like`, { token: bob.token });
    await s.call('POST', '/api/me/consents', { token: aliceTok, body: { purpose: 'terms', version: '2026-11' } });

    // The export: above 5 rows, so a job builds it (202, then the document at the status URL).
    const started = await s.call('GET', '/api/me/export', { token: aliceTok });
    expect(started.status).to.equal(202);
    expect(started.body.statusUrl).to.equal(`/api/me/exports/${started.body.requestId}`);
    const done = await waitUntil('the export', async () => {
      const r = await s.call('GET', started.body.statusUrl, { token: aliceTok });
      return r.body.status === 'done' ? r : undefined;
    }, 20000);
    const doc = done.body.document;
    expect(doc.profile).to.include({ sub: 'alicia-sub-Q7ZP', name: claims.name, email: claims.email, deviceId: 'device-alicia-Q7ZP' });
    for (const k of ['consents', 'wallet', 'ledger', 'orders', 'jobs', 'creations', 'posts', 'likes', 'reports', 'remixes', 'referrals', 'notifications']) {
      expect(doc, k).to.have.property(k);
    }
    expect(doc.creations.map((c: any) => c.id)).to.include.members([gen.body.imageId, second.id]);
    expect(doc.posts[0]).to.include({ title: 'Alicia lighthouse title' });
    expect(doc.reports[0]).to.include({ details: 'report details by alicia-xq' });
    expect(doc.notifications.some((n: any) => n.type === 'like')).to.equal(true);
    expect(doc.orders[0].id).to.equal(order.body.orderId);
    const links: string[] = doc.creations.filter((c: any) => c.imageUrl).flatMap((c: any) => [c.imageUrl, c.thumbnailUrl]);
    expect(links.length).to.be.at.least(4);
    for (const l of links) expect((await fetch(l)).status, l).to.equal(200);
    const publicUrl = `${s.baseUrl}/api/public/posts/${pub.body.postId}/image`;
    expect((await fetch(publicUrl)).status).to.equal(200);
    const keysBefore = (await GeneratedImage.findAll({ where: { userId: alice.id } })).flatMap((i) => [i.storageKey, i.thumbKey, i.publicKey]).filter(Boolean) as string[];
    expect(keysBefore.length).to.be.at.least(5);

    const remixCountBefore = (await Post.findByPk(bobPost))!.reuseCount;
    expect(remixCountBefore).to.equal(1);

    // The erasure: 202 with a status URL; asking again answers the same erasure.
    const erase = await s.call('DELETE', '/api/me', { token: aliceTok });
    expect(erase.status).to.equal(202);
    expect(erase.body).to.include({ requestedBy: 'self', statusUrl: '/api/me/erasure' });
    const again = await s.call('DELETE', '/api/me', { token: aliceTok });
    expect(again.status).to.equal(202);
    expect(again.body.requestId).to.equal(erase.body.requestId);
    const adminStatus = `/api/admin/users/${alice.id}/erasure`;
    await waitUntil('the erasure', async () => (await s.call('GET', adminStatus, { token: admin() })).body.status === 'done');
    const newAccounts = (await User.findAll({ where: { tenantId: DEFAULT_TENANT_ID, sub: 'alicia-sub-Q7ZP' } })).map((u) => u.id);
    expect(newAccounts).to.not.include(alice.id);

    // Search the whole database and storage for every string of the export.
    const kept = new Set<string>();
    for (const k of ['ledger', 'orders', 'wallet', 'consents', 'referrals']) strings(doc[k], kept);
    kept.add(doc.format);
    const searched = [...strings(doc)].filter((v) => v.length >= 4 && !ISO.test(v) && !OPAQUE_ID.test(v) && !CODES.has(v) && !kept.has(v) && !bobStrings.has(v));
    expect(searched).to.include.members(['alicia-sub-Q7ZP', claims.name, claims.email, 'Alicia lighthouse title', 'report details by alicia-xq']);
    const dump = await dumpDatabase(newAccounts);
    const files = dumpDir(path.join(s.dataDir, 'images'));
    const left = searched.filter((v) => dump.includes(v) || files.includes(v));
    expect(left, 'strings of the export still stored').to.deep.equal([]);
    for (const key of keysBefore) expect(await services().storage.get(key), key).to.equal(null);

    // Signed links and the public image are dead; the numbers on others' posts stay; the ledger still adds up.
    for (const l of links) expect((await fetch(l)).status, l).to.equal(404);
    expect((await fetch(publicUrl)).status).to.equal(404);
    expect((await Post.findByPk(bobPost))!.reuseCount).to.equal(1);
    await s.ledgerOk();

    // The same token is a new user now, and still reads the erasure's status; the export made before is gone.
    const status = await s.call('GET', '/api/me/erasure', { token: aliceTok });
    expect(status.body).to.include({ requestId: erase.body.requestId, status: 'done' });
    const third = await s.call('DELETE', '/api/me', { token: aliceTok });
    expect(third.body.requestId).to.equal(erase.body.requestId);
    expect((await s.call('GET', '/api/credits/balance', { token: aliceTok })).body.credits).to.equal(0);
    expect((await s.call('GET', started.body.statusUrl, { token: aliceTok })).status).to.equal(404);
    expect((await PrivacyRequest.findByPk(started.body.requestId))!.result).to.equal(null);
  });

  it('admin erase: note required, foreign or unknown user 404, idempotent, audited under the internal id; non-admin 403', async () => {
    const carol = await ensureUser(s, 'carol-privacy');
    expectProblem(await s.call('POST', `/api/admin/users/${carol.id}/erase`, { token: admin(), body: {} }), 400, 'validation_error');
    expectProblem(await s.call('POST', `/api/admin/users/${carol.id}/erase`, { token: admin(), body: { note: '   ' } }), 400, 'validation_error');
    expectProblem(await s.call('POST', '/api/admin/users/usr_nobody/erase', { token: admin(), body: { note: 'ticket 1' } }), 404, 'not_found');
    expectProblem(await s.call('POST', `/api/admin/users/${carol.id}/erase`, { token: carol.token, body: { note: 'ticket 1' } }), 403, 'forbidden');
    expect(await PrivacyRequest.count({ where: { userId: carol.id } })).to.equal(0);
    const a = await s.call('POST', '/api/admin/users/carol-privacy/erase', { token: admin(), body: { note: 'ticket 1' } });
    expect(a.status).to.equal(202);
    expect(a.body).to.include({ requestedBy: 'admin', statusUrl: `/api/admin/users/${carol.id}/erasure` });
    const b = await s.call('POST', `/api/admin/users/${carol.id}/erase`, { token: admin(), body: { note: 'ticket 1 again' } });
    expect(b.body.requestId).to.equal(a.body.requestId);
    await waitUntil('the erasure', async () => (await s.call('GET', a.body.statusUrl, { token: admin() })).body.status === 'done');
    const audit = await services().db.sequelize.query("SELECT target_id, note FROM audit_log WHERE action = 'user.erase'", { plain: false });
    expect((audit[0] as any[]).map((r) => r.target_id)).to.deep.equal([carol.id]);
    await s.ledgerOk();
  });

  it('a small export is the answer itself (200); another user\'s export id is 404', async () => {
    const dan = await ensureUser(s, 'dan-privacy');
    const r = await s.call('GET', '/api/me/export', { token: dan.token });
    expect(r.status).to.equal(200);
    expect(r.body).to.include({ format: 'community-ai-studio/export@1' });
    expect(r.body.profile).to.include({ sub: 'dan-privacy', id: dan.id });
    const eveTok = s.token('eve-privacy');
    const exp = await PrivacyRequest.findOne({ where: { kind: 'export' } });
    expectProblem(await s.call('GET', `/api/me/exports/${exp!.id}`, { token: eveTok }), 404, 'not_found');
    expectProblem(await s.call('GET', '/api/me/exports/exp_missing', { token: eveTok }), 404, 'not_found');
    expectProblem(await s.call('GET', '/api/me/erasure', { token: eveTok }), 404, 'not_found');
    expect((await s.call('GET', '/api/me/export')).status).to.equal(401);
    expect((await s.call('DELETE', '/api/me')).status).to.equal(401);
  });

  it('the erasure job runs exactly once however often it is triggered (and after a worker died): one user.erased event', async () => {
    const frank = await ensureUser(s, 'frank-privacy');
    // An endpoint on a private address: the event is written to the outbox, its delivery fails fast (never leaves the machine).
    const endpoint = await WebhookEndpoint.create({ id: newId('whe'), tenantId: DEFAULT_TENANT_ID, url: 'https://127.0.0.1:9/erased', events: ['user.erased'],
      enabled: true, secretEnc: 'unused' });
    try {
      const r = await s.call('DELETE', '/api/me', { token: frank.token });
      expect(r.status).to.equal(202);
      const ctx = { queue: services().queue };
      // Four more workers handed the same request at once, beside the queue's own run.
      await Promise.all([1, 2, 3, 4].map(() => eraseUserJob.handler({ requestId: r.body.requestId }, ctx)));
      await waitUntil('the erasure', async () => (await PrivacyRequest.findByPk(r.body.requestId))!.status === 'done');
      // The queue's own run too (it may start after a handler above has finished): else it could take the staged lease below.
      await waitUntil('the queued erasure run', async () => (await services().db.sequelize.query(
        "SELECT id FROM agenda_jobs WHERE name = 'privacy:erase' AND data LIKE ? AND last_finished_at IS NULL",
        { replacements: [`%${r.body.requestId}%`], type: QueryTypes.SELECT })).length === 0);
      // A worker that died mid-way leaves the row running with an expired lease: the next run finishes it again, harmlessly.
      await PrivacyRequest.update({ status: 'running', lockedUntil: new Date(Date.now() - 1000) }, { where: { id: r.body.requestId } });
      expect(await eraseUserJob.handler({ requestId: r.body.requestId }, ctx)).to.equal('succeeded');
      expect(await eraseUserJob.handler({ requestId: r.body.requestId }, ctx)).to.equal('skipped');
      const events = await WebhookEvent.findAll({ where: { tenantId: DEFAULT_TENANT_ID, type: 'user.erased' } });
      expect(events).to.have.length(1);
      expect(JSON.parse(events[0]!.payload).data).to.deep.equal({ sub: 'frank-privacy', requestedBy: 'user' });
      expect((await User.findByPk(frank.id))!.sub).to.match(/^erased:/);
      expect(await PrivacyRequest.count({ where: { kind: 'erase', userId: frank.id } })).to.equal(1);
    } finally {
      await endpoint.update({ enabled: false });
    }
  });
});
