import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { countRows, expectProblem } from '../support/foundation-helpers.js';
import { ensureUser, firstCategory, makeImage } from '../support/community-fixtures.js';
import { AuditEntry, ModerationAppeal, Notification, Post, TakedownRequest } from '../../src/models/index.js';
import { createTenant } from '../../src/tenants/tenants.js';
import { postIdFromUrl, TAKEDOWNS_PER_HOUR } from '../../src/operations/community/takedowns.js';

const TABLES = ['takedown_requests', 'moderation_appeals', 'audit_log', 'notifications', 'community_posts'];

describeEachDatabase('takedowns and appeals', function (db) {
  const s = db.server;
  let admin: string, moderator: string, cat: string;
  let n = 0;
  const uniq = (p: string) => `${p}${++n}`;
  before(async () => {
    admin = s.token('td-admin', { role: 'admin' });
    moderator = s.token('td-mod', { role: 'moderator' });
    cat = await firstCategory(s, admin);
    await createTenant({ id: 'tnt_td_other', slug: 'td-other', name: 'Other', publishableKey: 'pk_td_other', secret: 'td-other-secret-0123456789abcdef0123' });
  });

  async function publishAs(sub: string) {
    const u = await ensureUser(s, sub);
    const img = await makeImage(u.id, { file: true });
    const r = await s.call('POST', '/api/community/publish', { token: u.token, body: { imageId: img.id, title: `post of ${sub}`, categoryId: cat, visibility: 'public' } });
    expect(r.status).to.equal(201);
    return { user: u, postId: r.body.postId as string };
  }
  /** Each takedown from its own address, so the per-address limit only counts where a case means it to. */
  const takedown = (body: unknown, ip = `10.0.${n}.${++n % 250}`, headers: Record<string, string> = {}) =>
    s.call('POST', '/api/public/takedown', { body, headers: { 'x-forwarded-for': ip, ...headers } });
  const moderate = (postId: string, action: string, token = moderator) => s.call('POST', '/api/admin/moderation', { token, body: { postId, action, note: `${action} by test` } });

  it('anyone files a takedown without a token and gets a ticket the moderators see; bad input writes nothing', async () => {
    const { postId } = await publishAs(uniq('td-author'));
    const r = await takedown({ postId, reason: 'copyright', contactEmail: 'legal@studio.example', details: 'my photo' });
    expect(r.status, JSON.stringify(r.body)).to.equal(202);
    expect(r.body).to.include({ status: 'open', postId });
    expect(r.body.ticketId).to.match(/^tkd_/);
    const byUrl = await takedown({ url: `${s.baseUrl}/share/${postId}?ref=ABCD`, reason: 'privacy', contactEmail: 'me@example.org' });
    expect(byUrl.status).to.equal(202);
    expect(byUrl.body.postId).to.equal(postId);
    const elsewhere = await takedown({ url: 'https://elsewhere.example/some/page', reason: 'other', contactEmail: 'me@example.org' });
    expect(elsewhere.status).to.equal(202);
    expect(elsewhere.body.postId).to.equal(undefined);

    const list = await s.call('GET', '/api/admin/moderation/takedowns', { token: moderator });
    expect(list.status).to.equal(200);
    const mine = list.body.items.filter((i: any) => i.post?.postId === postId);
    expect(mine.map((i: any) => i.reason).sort()).to.deep.equal(['copyright', 'privacy']);
    expect(mine.find((i: any) => i.reason === 'copyright')).to.include({ contactEmail: 'legal@studio.example', details: 'my photo', status: 'open' });

    const before = await countRows(TABLES);
    for (const bad of [
      { postId, reason: 'copyright', contactEmail: 'not-an-email' },
      { postId, reason: 'copyright', contactEmail: 'a@b' },
      { postId, reason: 'copyright', contactEmail: 'two@@example.com' },
      { postId, reason: 'copyright', contactEmail: 'me @example.com' },
      { postId, reason: 'copyright' },
      { postId, reason: 'because', contactEmail: 'me@example.org' },
      { reason: 'copyright', contactEmail: 'me@example.org' },
      { url: 'javascript:alert(1)', reason: 'copyright', contactEmail: 'me@example.org' },
      { url: 'x'.repeat(501), reason: 'copyright', contactEmail: 'me@example.org' },
      { postId, reason: 'copyright', contactEmail: 'me@example.org', details: 'x'.repeat(2001) },
      { postId: 'a b', reason: 'copyright', contactEmail: 'me@example.org' },
    ]) expectProblem(await takedown(bad), 400, 'validation_error');
    expectProblem(await takedown({ postId: 'post_nothing', reason: 'copyright', contactEmail: 'me@example.org' }), 404, 'not_found');
    // Another partner's post, named under that partner's key or not.
    expectProblem(await takedown({ postId, reason: 'copyright', contactEmail: 'me@example.org' }, undefined, { 'x-partner-key': 'pk_td_other' }), 404, 'not_found');
    expect(await countRows(TABLES)).to.deep.equal(before);
    // Users and plain tokens may not read the tickets.
    expectProblem(await s.call('GET', '/api/admin/moderation/takedowns', { token: s.token('td-nobody') }), 403, 'forbidden');
    expectProblem(await s.call('GET', '/api/admin/moderation/takedowns', { token: s.token('td-support', { role: 'support' }) }), 403, 'forbidden');
  });

  it('takedowns are limited per address', async () => {
    const { postId } = await publishAs(uniq('td-limit'));
    const ip = '203.0.113.77';
    for (let i = 0; i < TAKEDOWNS_PER_HOUR; i++) expect((await takedown({ postId, reason: 'other', contactEmail: 'x@example.org' }, ip)).status).to.equal(202);
    const r = await takedown({ postId, reason: 'other', contactEmail: 'x@example.org' }, ip);
    expectProblem(r, 429, 'rate_limited');
    expect(await TakedownRequest.count({ where: { ip } })).to.equal(TAKEDOWNS_PER_HOUR);
    expect((await takedown({ postId, reason: 'other', contactEmail: 'x@example.org' }, '203.0.113.78')).status).to.equal(202);
  });

  it('a moderator acts on a ticket (hide) or rejects it, audited; a decided ticket is 409', async () => {
    const { user, postId } = await publishAs(uniq('td-act'));
    const t1 = (await takedown({ postId, reason: 'hate', contactEmail: 'a@example.org' })).body.ticketId;
    const t2 = (await takedown({ url: 'https://nowhere.example/x', reason: 'other', contactEmail: 'b@example.org' })).body.ticketId;
    expectProblem(await s.call('POST', `/api/admin/moderation/takedowns/${t1}`, { token: moderator, body: { action: 'hide' } }), 400, 'validation_error');
    expectProblem(await s.call('POST', `/api/admin/moderation/takedowns/${t2}`, { token: moderator, body: { action: 'hide', note: 'no post' } }), 400, 'validation_error');
    const hid = await s.call('POST', `/api/admin/moderation/takedowns/${t1}`, { token: moderator, body: { action: 'hide', note: 'hateful symbol' } });
    expect(hid.status).to.equal(200);
    expect(hid.body).to.include({ ticketId: t1, status: 'actioned', postStatus: 'hidden' });
    expect((await Post.findByPk(postId))!).to.include({ isHidden: true, hiddenReason: 'moderator' });
    expect(await Notification.count({ where: { userId: user.id, type: 'moderation' } })).to.equal(1);
    expectProblem(await s.call('POST', `/api/admin/moderation/takedowns/${t1}`, { token: moderator, body: { action: 'reject', note: 'again' } }), 409, 'conflict');
    const rej = await s.call('POST', `/api/admin/moderation/takedowns/${t2}`, { token: moderator, body: { action: 'reject', note: 'not ours' } });
    expect(rej.body).to.include({ status: 'rejected' });
    expectProblem(await s.call('POST', '/api/admin/moderation/takedowns/tkd_none', { token: moderator, body: { action: 'reject', note: 'x' } }), 404, 'not_found');
    const actions = (await AuditEntry.findAll({ where: { targetId: [t1, t2] } })).map((a) => a.action).sort();
    expect(actions).to.deep.equal(['takedown.hide', 'takedown.reject']);
    expect((await s.call('GET', '/api/admin/moderation/takedowns?status=actioned', { token: admin })).body.items.map((i: any) => i.ticketId)).to.include(t1);
  });

  it('the author appeals once per action; uphold keeps it, reverse restores the post; both notify and are audited', async () => {
    const authorSub = uniq('ap-author');
    const { user, postId } = await publishAs(authorSub);
    const appeal = (body: unknown, token = user.token, id = postId) => s.call('POST', `/api/community/${id}/appeal`, { token, body });
    const before = await countRows(TABLES);
    // Not moderated (yet): nothing to appeal.
    expectProblem(await appeal({ message: 'why?' }), 409, 'conflict');
    // Hidden by reports only: no moderator acted.
    await Post.update({ isHidden: true, listed: false, hiddenReason: 'reports' }, { where: { id: postId } });
    expectProblem(await appeal({ message: 'why?' }), 409, 'conflict');
    await Post.update({ isHidden: false, listed: true, hiddenReason: null }, { where: { id: postId } });
    expect(await countRows(TABLES)).to.deep.equal(before);

    expect((await moderate(postId, 'hide')).status).to.equal(200);
    const bobPost = await publishAs(uniq('ap-bob'));
    expectProblem(await appeal({ message: 'x' }, bobPost.user.token), 404, 'not_found');
    expectProblem(await appeal({ message: 'x' }, user.token, 'post_none'), 404, 'not_found');
    expectProblem(await appeal({}), 400, 'validation_error');
    expectProblem(await appeal({ message: '  ' }), 400, 'validation_error');
    expectProblem(await appeal({ message: 'x'.repeat(2001) }), 400, 'validation_error');
    const a1 = await appeal({ message: 'It is my own drawing of a temple.' });
    expect(a1.status).to.equal(201);
    expect(a1.body).to.include({ postId, action: 'hide', status: 'open' });
    const dupBefore = await countRows(TABLES);
    expectProblem(await appeal({ message: 'again' }), 409, 'conflict');
    expect(await countRows(TABLES)).to.deep.equal(dupBefore);

    const list = await s.call('GET', '/api/admin/moderation/appeals', { token: moderator });
    const item = list.body.items.find((i: any) => i.appealId === a1.body.appealId);
    expect(item).to.include({ action: 'hide', actionNote: 'hide by test', message: 'It is my own drawing of a temple.', status: 'open' });
    expect(item.post).to.include({ postId, status: 'hidden' });
    expect(item.author.id).to.equal(authorSub);

    expectProblem(await s.call('POST', `/api/admin/moderation/appeals/${a1.body.appealId}`, { token: moderator, body: { decision: 'maybe', note: 'x' } }), 400, 'validation_error');
    expectProblem(await s.call('POST', `/api/admin/moderation/appeals/${a1.body.appealId}`, { token: moderator, body: { decision: 'uphold' } }), 400, 'validation_error');
    expectProblem(await s.call('POST', `/api/admin/moderation/appeals/${a1.body.appealId}`, { token: s.token('ap-fin', { role: 'finance' }), body: { decision: 'uphold', note: 'x' } }), 403, 'forbidden');
    const up = await s.call('POST', `/api/admin/moderation/appeals/${a1.body.appealId}`, { token: moderator, body: { decision: 'uphold', note: 'temple photos are not the issue' } });
    expect(up.body).to.include({ status: 'upheld', postStatus: 'hidden' });
    expectProblem(await s.call('POST', `/api/admin/moderation/appeals/${a1.body.appealId}`, { token: moderator, body: { decision: 'reverse', note: 'x' } }), 409, 'conflict');
    // The same action cannot be appealed again after a decision.
    expectProblem(await appeal({ message: 'once more' }), 409, 'conflict');

    // A new action (delete) can be appealed; reversing restores the post and its public image.
    expect((await moderate(postId, 'delete')).status).to.equal(200);
    expect((await fetch(`${s.baseUrl}/api/public/posts/${postId}/image`)).status).to.equal(404);
    const a2 = await appeal({ message: 'Please look again.' });
    expect(a2.body).to.include({ action: 'delete', status: 'open' });
    const rev = await s.call('POST', `/api/admin/moderation/appeals/${a2.body.appealId}`, { token: admin, body: { decision: 'reverse', note: 'we were wrong' } });
    expect(rev.body).to.include({ status: 'reversed', postStatus: 'listed' });
    expect((await Post.findByPk(postId))!).to.include({ isHidden: false, isDeleted: false, listed: true, hiddenReason: null });
    expect((await fetch(`${s.baseUrl}/api/public/posts/${postId}/image`)).status).to.equal(200);
    // Reversed: nothing in force any more.
    expectProblem(await appeal({ message: 'thanks' }), 409, 'conflict');

    const notes = await Notification.findAll({ where: { userId: user.id }, order: [['createdAt', 'ASC']] });
    expect(notes.map((x) => x.title)).to.include.members(['Your appeal was reviewed: the decision stands', 'Your appeal was accepted: your post is back']);
    const audits = (await AuditEntry.findAll({ where: { targetId: postId }, order: [['id', 'ASC']] })).map((a) => a.action);
    expect(audits).to.deep.equal(['moderation.hide', 'appeal.uphold', 'moderation.delete', 'appeal.reverse']);
    expect(await ModerationAppeal.count({ where: { postId } })).to.equal(2);
  });

  it('finds the post in the links this deployment hands out', () => {
    expect(postIdFromUrl('https://studio.example/share/post_abc-1?ref=X')).to.equal('post_abc-1');
    expect(postIdFromUrl('https://studio.example/api/public/posts/post_abc/image?variant=thumb')).to.equal('post_abc');
    expect(postIdFromUrl('https://partner.example/gallery#postId=post_q')).to.equal('post_q');
    expect(postIdFromUrl('https://partner.example/about')).to.equal(undefined);
  });
});
