import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { expectProblem, setTenantConfig } from '../support/foundation-helpers.js';
import { ensureUser, firstCategory, makeImage } from '../support/community-fixtures.js';
import { AuditEntry, Post, PostReport, Tenant } from '../../src/models/index.js';
import { newId } from '../../src/util/ids.js';

describeEachDatabase('reports and moderation', function (db) {
    const s = db.server;
    let cat: string;
    let admin: string;
    let n = 0;
    const uniq = (p: string) => `${p}${++n}`;
    before(async () => {
      admin = s.token('mod-admin', { role: 'admin' });
      cat = await firstCategory(s, admin);
    });

    async function publishAs(sub: string) {
      const u = await ensureUser(s, sub);
      const img = await makeImage(u.id, { file: true });
      const r = await s.call('POST', '/api/community/publish', { token: u.token, body: { imageId: img.id, title: `post of ${sub}`, categoryId: cat, visibility: 'public' } });
      return { user: u, postId: r.body.postId as string };
    }
    const report = (postId: string, token: string, body: unknown) => s.call('POST', `/api/community/${postId}/report`, { token, body });
    const act = (body: unknown, token = admin) => s.call('POST', '/api/admin/moderation', { token, body });

    it('reports: reasons, details, one open report per user (idempotent 202), validation', async () => {
      const { postId } = await publishAs(uniq('author'));
      const t = s.token(uniq('reporter'));
      const r1 = await report(postId, t, { reason: 'spam', details: 'buy followers' });
      expect(r1.status).to.equal(202);
      expect(r1.body).to.include({ status: 'open', duplicate: false });
      const r2 = await report(postId, t, { reason: 'hate' });
      expect(r2.status).to.equal(202);
      expect(r2.body).to.include({ reportId: r1.body.reportId, duplicate: true });
      expect(await PostReport.count({ where: { postId } })).to.equal(1);
      expectProblem(await report(postId, t, { reason: '   ' }), 400, 'validation_error');
      expectProblem(await report(postId, t, { reason: 'x'.repeat(201) }), 400, 'validation_error');
      expectProblem(await report(postId, t, { reason: 'other', details: 'x'.repeat(1001) }), 400, 'validation_error');
      expectProblem(await report(postId, t, { reason: 7 }), 400, 'validation_error');
      expectProblem(await report(postId, t, {}), 400, 'validation_error');
      expectProblem(await s.call('POST', `/api/community/${postId}/report`, { token: t, raw: '{"reason":' }), 400, 'validation_error');
      expectProblem(await report('post_unknown', t, { reason: 'spam' }), 404, 'not_found');
    });

    it('the threshold of open reports hides the post pending review; the author is notified', async () => {
      await setTenantConfig({ moderation: { reportThreshold: 3 } });
      const { user, postId } = await publishAs(uniq('author'));
      for (let i = 0; i < 2; i++) expect((await report(postId, s.token(uniq('rep')), { reason: 'nudity' })).body.postHidden).to.equal(false);
      const third = await report(postId, s.token(uniq('rep')), { reason: 'violence', details: 'graphic' });
      expect(third.body.postHidden).to.equal(true);
      const post = (await Post.findByPk(postId))!;
      expect(post).to.include({ listed: false, isHidden: true, hiddenReason: 'reports' });
      const feed = await s.call('GET', '/api/community/feed?sort=latest&limit=50', { token: admin });
      expect(feed.body.items.map((c: any) => c.postId)).to.not.include(postId);
      expect((await fetch(`${s.baseUrl}/api/public/posts/${postId}/image`)).status).to.equal(404);
      expectProblem(await report(postId, s.token(uniq('rep')), { reason: 'spam' }), 404, 'not_found');
      expectProblem(await s.call('POST', `/api/community/${postId}/like`, { token: s.token(uniq('rep')) }), 404, 'not_found');
      expect((await s.call('GET', `/api/community/posts/${postId}`, { token: user.token })).body).to.include({ status: 'hidden', hiddenReason: 'reports' });
      const notes = await s.call('GET', '/api/notifications', { token: user.token });
      expect(notes.body.items.map((x: any) => x.type)).to.include('moderation');
    });

    it('admin queue: grouped per post with counts, reasons, preview; cursor paging; admin only', async () => {
      const posts = [await publishAs(uniq('author')), await publishAs(uniq('author')), await publishAs(uniq('author'))];
      await report(posts[0]!.postId, s.token(uniq('rep')), { reason: 'spam' });
      await report(posts[0]!.postId, s.token(uniq('rep')), { reason: 'spam' });
      await report(posts[1]!.postId, s.token(uniq('rep')), { reason: 'copyright', details: 'my photo' });
      await report(posts[2]!.postId, s.token(uniq('rep')), { reason: 'misleading' });
      expectProblem(await s.call('GET', '/api/admin/moderation', { token: s.token('plain') }), 403, 'forbidden');
      expectProblem(await s.call('GET', '/api/admin/moderation'), 401, 'unauthorized');
      const seen: any[] = [];
      let cursor: string | undefined;
      do {
        const page = await s.call('GET', `/api/admin/moderation?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: admin });
        expect(page.status).to.equal(200);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen.map((x) => x.postId)).size).to.equal(seen.length);
      const first = seen.find((x) => x.postId === posts[0]!.postId);
      expect(first).to.include({ openReports: 2, status: 'listed' });
      expect(first.reasons).to.deep.equal([{ reason: 'spam', count: 2 }]);
      expect(first.previewThumbnailUrl).to.match(/\/api\/files\//);
      expect((await fetch(first.previewThumbnailUrl)).status).to.equal(200);
      const second = seen.find((x) => x.postId === posts[1]!.postId);
      expect(second.recentReports[0]).to.include({ reason: 'copyright', details: 'my photo' });
      expectProblem(await s.call('GET', '/api/admin/moderation?cursor=tampered', { token: admin }), 400, 'validation_error');
    });

    it('actions: hide, unhide, delete, dismiss — audited with admin and note, reports closed, author notified', async () => {
      const { user, postId } = await publishAs(uniq('author'));
      const rep = s.token(uniq('rep'));
      await report(postId, rep, { reason: 'spam' });
      expectProblem(await act({ postId, action: 'hide', note: 'x' }, s.token('plain')), 403, 'forbidden');
      expectProblem(await act({ postId, action: 'explode', note: 'x' }), 400, 'validation_error');
      expectProblem(await act({ postId, action: 'hide', note: '' }), 400, 'validation_error');
      expectProblem(await act({ postId: 'post_unknown', action: 'hide', note: 'x' }), 404, 'not_found');

      const hide = await act({ postId, action: 'hide', note: 'obvious spam' });
      expect(hide.status, JSON.stringify(hide.body)).to.equal(200);
      expect(hide.body).to.deep.equal({ postId, action: 'hide', status: 'hidden', closedReports: 1 });
      const closed = (await PostReport.findAll({ where: { postId } }))[0]!;
      expect(closed).to.include({ status: 'closed', openKey: null, action: 'hide' });
      expect(closed.actedBy).to.be.a('string');
      const entry = await AuditEntry.findOne({ where: { action: 'moderation.hide', targetId: postId } });
      expect(entry).to.include({ actorSub: 'mod-admin', note: 'obvious spam', targetType: 'post' });
      // The reporter may report again once the first report is closed.
      const unhide = await act({ postId, action: 'unhide', note: 'on second thought' });
      expect(unhide.body).to.include({ status: 'listed', closedReports: 0 });
      expect((await report(postId, rep, { reason: 'spam' })).body.duplicate).to.equal(false);
      const dismiss = await act({ postId, action: 'dismiss', note: 'fine' });
      expect(dismiss.body).to.include({ status: 'listed', closedReports: 1 });
      expect((await PostReport.findAll({ where: { postId, status: 'dismissed' } }))).to.have.length(1);
      const del = await act({ postId, action: 'delete', note: 'policy' });
      expect(del.body).to.include({ status: 'deleted' });
      expectProblem(await act({ postId, action: 'unhide', note: 'no' }), 409, 'conflict');
      expectProblem(await s.call('GET', `/api/community/posts/${postId}`, { token: user.token }), 404, 'not_found');
      const types = (await s.call('GET', '/api/notifications?limit=50', { token: user.token })).body.items.filter((x: any) => x.type === 'moderation');
      expect(types.map((x: any) => x.data.action)).to.include.members(['hide', 'unhide', 'delete']);
      expect(await AuditEntry.count({ where: { targetId: postId } })).to.equal(4);
    });

    it('dismissing the reports of an auto-hidden post restores it', async () => {
      await setTenantConfig({ moderation: { reportThreshold: 1 } });
      const { postId } = await publishAs(uniq('author'));
      await report(postId, s.token(uniq('rep')), { reason: 'other' });
      expect((await Post.findByPk(postId))!.listed).to.equal(false);
      expect((await act({ postId, action: 'dismiss', note: 'false alarm' })).body).to.include({ status: 'listed', closedReports: 1 });
      expect((await Post.findByPk(postId))!.listed).to.equal(true);
      await setTenantConfig({ moderation: { reportThreshold: 3 } });
    });

    it("another partner's post is 404 to this partner's admin", async () => {
      const other = await Tenant.create({ id: newId('tnt'), slug: uniq('other'), name: 'Other', publishableKey: newId('pk'), jwtAlgorithm: 'HS256' });
      const foreign = await Post.create({ id: newId('post'), tenantId: other.id, imageId: newId('img'), userId: newId('usr'), title: 'x', categoryId: 'c', tags: [],
        promptText: 'p', likesCount: 0, reuseCount: 0, rewardTotal: 0, visibility: 'public', isHidden: false, isDeleted: false, listed: true, trendingScore: 0,
        scoreChangedAt: new Date(0), watermark: true });
      expectProblem(await act({ postId: foreign.id, action: 'hide', note: 'x' }), 404, 'not_found');
      expectProblem(await s.call('GET', `/api/community/posts/${foreign.id}`, { token: admin }), 404, 'not_found');
      expectProblem(await s.call('POST', `/api/community/${foreign.id}/like`, { token: admin }), 404, 'not_found');
    });
});
