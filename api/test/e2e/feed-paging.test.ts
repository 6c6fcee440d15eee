import { expect } from 'chai';
import fc from 'fast-check';
import { describeEachDatabase } from '../support/each-database.js';
import { setTenantConfig } from '../support/foundation-helpers.js';
import { ensureUser, firstCategory, insertPost, makeImage } from '../support/community-fixtures.js';
import { Post } from '../../src/models/index.js';

/**
 * Property: while posts, likes (and unlikes) and remixes arrive between page requests, walking the feed's cursor
 * visits every post that was listed when the walk started exactly once, and never any post twice (latest and trending).
 */
describeEachDatabase('feed paging under concurrent change', { timeout: 300000 }, function (db) {
    const s = db.server;
    let cat: string;
    const users: { id: string; token: string }[] = [];
    let remixers = 0;
    before(async () => {
      await setTenantConfig({ limits: { likesPerMinute: 100000 } });
      for (let i = 0; i < 6; i++) users.push(await ensureUser(s, `walker${i}`));
      cat = await firstCategory(s, users[0]!.token);
      const base = Date.now() - 3 * 24 * 3600e3;
      for (let i = 0; i < 36; i++) {
        // Groups of three share creation time and counts, so trending scores tie and the id decides.
        const at = new Date(base + Math.floor(i / 3) * 3600e3 * 5);
        await insertPost(users[i % users.length]!.id, { categoryId: cat, createdAt: at, likes: (i * 7) % 5, reuses: Math.floor(i / 3) % 3 });
      }
    });

    type Action = { kind: 'post' | 'like' | 'reuse'; who: number; which: number };
    const action = fc.record({ kind: fc.constantFrom<'post' | 'like' | 'reuse'>('post', 'like', 'like', 'reuse'), who: fc.nat(), which: fc.nat() });

    async function perform(a: Action) {
      const u = users[a.who % users.length]!;
      if (a.kind === 'post') {
        await insertPost(u.id, { categoryId: cat });
        return;
      }
      const listed = await Post.findAll({ where: { listed: true }, attributes: ['id'], order: [['id', 'ASC']] });
      const postId = listed[a.which % listed.length]!.id;
      if (a.kind === 'like') {
        const r = await s.call('POST', `/api/community/${postId}/like`, { token: u.token });
        expect(r.status).to.equal(200);
        return;
      }
      const rm = await ensureUser(s, `remixer${++remixers}`);
      await s.call('POST', `/api/community/${postId}/remix/open`, { token: rm.token });
      const img = await makeImage(rm.id);
      const r = await s.call('POST', `/api/community/${postId}/remix/record`, { token: rm.token, body: { generatedImageId: img.id } });
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
    }

    for (const sort of ['latest', 'trending'] as const) {
      it(`${sort}: every post listed at the start is visited exactly once`, async () => {
        await fc.assert(fc.asyncProperty(
          fc.integer({ min: 2, max: 9 }), fc.array(fc.array(action, { maxLength: 3 }), { minLength: 1, maxLength: 12 }), fc.boolean(),
          async (limit, between, byCategory) => {
            const atStart = (await Post.findAll({ where: { listed: true }, attributes: ['id'] })).map((p) => p.id);
            const seen: string[] = [];
            let cursor: string | undefined;
            let page = 0;
            do {
              const q = `sort=${sort}&limit=${limit}${byCategory ? `&categoryId=${cat}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
              const r = await s.call('GET', `/api/community/feed?${q}`, { token: users[0]!.token });
              expect(r.status, JSON.stringify(r.body)).to.equal(200);
              seen.push(...r.body.items.map((c: { postId: string }) => c.postId));
              cursor = r.body.nextCursor;
              for (const a of between[page++ % between.length]!) await perform(a);
            } while (cursor);
            expect(new Set(seen).size, 'a post was repeated').to.equal(seen.length);
            const visited = new Set(seen);
            const missed = atStart.filter((id) => !visited.has(id));
            expect(missed, 'posts listed at the start were skipped').to.deep.equal([]);
          },
        ), { numRuns: 8 });
      });
    }
});
