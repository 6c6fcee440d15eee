import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { expectProblem } from '../support/foundation-helpers.js';
import { ensureUser, firstCategory, makeImage } from '../support/community-fixtures.js';

describeEachDatabase('notifications', function (db) {
    const s = db.server;

    it('likes and rewards notify the author; list pages, unread filter and count; mark read by ids or all', async () => {
      const author = await ensureUser(s, 'nora');
      const cat = await firstCategory(s, author.token);
      const img = await makeImage(author.id, { file: true });
      const { postId } = (await s.call('POST', '/api/community/publish', { token: author.token, body: { imageId: img.id, title: 'n', categoryId: cat, visibility: 'public' } })).body;
      for (let i = 0; i < 5; i++) {
        const fan = await ensureUser(s, `fan${i}`);
        await s.call('POST', `/api/community/${postId}/like`, { token: fan.token });
        await s.call('POST', `/api/community/${postId}/like`, { token: fan.token });
        await s.call('POST', `/api/community/${postId}/like`, { token: fan.token });
      }
      const rmx = await ensureUser(s, 'remixer');
      await s.call('POST', `/api/community/${postId}/remix/open`, { token: rmx.token });
      const mine = await makeImage(rmx.id);
      await s.call('POST', `/api/community/${postId}/remix/record`, { token: rmx.token, body: { generatedImageId: mine.id } });

      const all = await s.call('GET', '/api/notifications', { token: author.token });
      expect(all.status).to.equal(200);
      expect(all.body.unreadCount).to.equal(6);
      expect(all.body.items.filter((x: any) => x.type === 'like')).to.have.length(5);
      const reward = all.body.items.find((x: any) => x.type === 'reward');
      expect(reward.data).to.include({ postId, credits: 0.5 });
      expect(reward).to.include({ read: false });

      const pages: any[] = [];
      let cursor: string | undefined;
      do {
        const r = await s.call('GET', `/api/notifications?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: author.token });
        pages.push(...r.body.items);
        cursor = r.body.nextCursor;
      } while (cursor);
      expect(pages.map((x) => x.id)).to.deep.equal(all.body.items.map((x: any) => x.id));

      const upd = await s.call('POST', '/api/notifications/read', { token: author.token, body: { ids: [pages[0].id, pages[1].id, 'ntf_other'] } });
      expect(upd.body).to.deep.equal({ updated: 2 });
      const unread = await s.call('GET', '/api/notifications?unread=true', { token: author.token });
      expect(unread.body.unreadCount).to.equal(4);
      expect(unread.body.items).to.have.length(4);
      expect(unread.body.items.every((x: any) => !x.read)).to.equal(true);
      expect((await s.call('POST', '/api/notifications/read', { token: rmx.token, body: { all: true } })).body).to.deep.equal({ updated: 0 });
      expect((await s.call('POST', '/api/notifications/read', { token: author.token, body: { all: true } })).body).to.deep.equal({ updated: 4 });
      expect((await s.call('GET', '/api/notifications', { token: author.token })).body.unreadCount).to.equal(0);
    });

    it('bad input: no ids nor all, wrong types, tampered cursor, cursor of another filter, no token', async () => {
      const t = s.token('nora');
      expectProblem(await s.call('POST', '/api/notifications/read', { token: t, body: {} }), 400, 'validation_error');
      expectProblem(await s.call('POST', '/api/notifications/read', { token: t, body: { ids: 'x' } }), 400, 'validation_error');
      expectProblem(await s.call('POST', '/api/notifications/read', { token: t, body: { ids: [] } }), 400, 'validation_error');
      expectProblem(await s.call('POST', '/api/notifications/read', { token: t, body: { all: 'yes' } }), 400, 'validation_error');
      expectProblem(await s.call('POST', '/api/notifications/read', { token: t, raw: '{"all":tru' }), 400, 'validation_error');
      expectProblem(await s.call('GET', '/api/notifications?cursor=abc.def', { token: t }), 400, 'validation_error');
      expectProblem(await s.call('GET', '/api/notifications?limit=101', { token: t }), 400, 'validation_error');
      const page = await s.call('GET', '/api/notifications?limit=1', { token: t });
      expectProblem(await s.call('GET', `/api/notifications?unread=true&cursor=${encodeURIComponent(page.body.nextCursor)}`, { token: t }), 400, 'validation_error');
      expectProblem(await s.call('GET', '/api/notifications'), 401, 'unauthorized');
    });
});
