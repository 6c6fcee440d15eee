import { expect } from 'chai';
import sharp from 'sharp';
import { waitForJob } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { expectProblem, setTenantConfig } from '../support/foundation-helpers.js';
import { ensureUser, firstCategory, makeImage } from '../support/community-fixtures.js';
import { AnalyticsEvent, GeneratedImage, Post, PostScoreHistory, User } from '../../src/models/index.js';
import { trendingScore } from '../../src/community/scoring.js';

describeEachDatabase('community: publish, feed, likes', function (db) {
    const s = db.server;
    let cat: string;
    before(async () => {
      const a = await ensureUser(s, 'alice');
      cat = await firstCategory(s, a.token);
    });

    it('generate -> publish -> feed -> remix open -> generate -> record: the creator is rewarded (real flow)', async () => {
      const alice = s.token('alice');
      const bob = s.token('bob');
      await s.grant('alice', 3);
      await s.grant('bob', 3);
      const gen = await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a lighthouse at dawn, poster', tier: 'standard' } });
      expect(gen.status).to.equal(202);
      expect((await waitForJob(s, alice, gen.body.jobId)).status).to.equal('succeeded');
      const pub = await s.call('POST', '/api/community/publish', { token: alice, body: { imageId: gen.body.imageId, title: '  Lighthouse  ', categoryId: cat, tags: ['#Sea', 'Dawn Light', 'sea'], visibility: 'public' } });
      expect(pub.status, JSON.stringify(pub.body)).to.equal(201);
      const postId = pub.body.postId as string;
      expect(postId).to.match(/^post_/);

      const feed = await s.call('GET', '/api/community/feed?sort=latest', { token: bob });
      expect(feed.status).to.equal(200);
      const card = feed.body.items.find((c: any) => c.postId === postId);
      expect(card).to.include({ title: 'Lighthouse', categoryId: cat, likes: 0, reuseCount: 0, likedByMe: false, visibility: 'public' });
      expect(card.tags).to.deep.equal(['sea', 'dawn-light']);
      expect(card.author).to.deep.equal({ id: 'alice', name: 'Alice' });
      expect(card.trendingScore).to.be.a('number');
      const img = await fetch(card.imageUrl);
      expect(img.status).to.equal(200);
      expect(img.headers.get('content-type')).to.equal('image/png');
      const thumb = await fetch(card.thumbnailUrl);
      expect(thumb.headers.get('content-type')).to.equal('image/webp');

      const open = await s.call('POST', `/api/community/${postId}/remix/open`, { token: bob });
      expect(open.status).to.equal(200);
      expect(open.body.templatePrompt).to.equal('a lighthouse at dawn, poster');
      expect(open.body.enhancedPrompt).to.be.a('string').and.not.equal('');
      expect(open.body).to.include({ sourcePostId: postId, categoryId: cat });
      const gen2 = await s.call('POST', '/api/studio/generate', { token: bob, body: { prompt: open.body.enhancedPrompt, tier: 'standard' } });
      expect((await waitForJob(s, bob, gen2.body.jobId)).status).to.equal('succeeded');
      const rec = await s.call('POST', `/api/community/${postId}/remix/record`, { token: bob, body: { generatedImageId: gen2.body.imageId } });
      expect(rec.status, JSON.stringify(rec.body)).to.equal(200);
      expect(rec.body).to.include({ rewarded: true, rewardCredits: 0.5, creatorTotalForAsset: 0.5 });
      const bal = await s.call('GET', '/api/credits/balance', { token: alice });
      expect(bal.body.credits).to.equal(2.5);
      const post = await s.call('GET', `/api/community/posts/${postId}`, { token: bob });
      expect(post.body).to.include({ reuseCount: 1, prompt: 'a lighthouse at dawn, poster', status: 'listed' });
      const names = (await AnalyticsEvent.findAll()).map((e) => e.name);
      expect(names).to.include.members(['image_published', 'remix_opened', 'remix_generated', 'reward_credited']);
      await s.ledgerOk();
    });

    it('free users always get the watermark; paying users may drop it', async () => {
      const carol = await ensureUser(s, 'carol');
      const a = await makeImage(carol.id, { file: true, watermark: false });
      const r1 = await s.call('POST', '/api/community/publish', { token: carol.token, body: { imageId: a.id, title: 'free', categoryId: cat, visibility: 'public', watermark: false } });
      expect(r1.status).to.equal(201);
      expect((await Post.findByPk(r1.body.postId))!.watermark).to.equal(true);
      const original = await sharp((await makeImagePng())).raw().toBuffer();
      const served = Buffer.from(await (await fetch(`${s.baseUrl}/api/public/posts/${r1.body.postId}/image`)).arrayBuffer());
      expect(Buffer.compare(await sharp(served).raw().toBuffer(), original)).to.not.equal(0);

      await User.update({ isPaying: true }, { where: { id: carol.id } });
      const b = await makeImage(carol.id, { file: true });
      const r2 = await s.call('POST', '/api/community/publish', { token: carol.token, body: { imageId: b.id, title: 'paid', categoryId: cat, visibility: 'public', watermark: false } });
      expect((await Post.findByPk(r2.body.postId))!.watermark).to.equal(false);
      const plain = Buffer.from(await (await fetch(`${s.baseUrl}/api/public/posts/${r2.body.postId}/image`)).arrayBuffer());
      expect(Buffer.compare(await sharp(plain).raw().toBuffer(), original)).to.equal(0);
      const c = await makeImage(carol.id, { file: true, watermark: true });
      await setTenantConfig({ watermark: { brandingText: 'Acme Academy' } });
      const r3 = await s.call('POST', '/api/community/publish', { token: carol.token, body: { imageId: c.id, title: 'branded', categoryId: cat, visibility: 'public' } });
      expect((await Post.findByPk(r3.body.postId))!.watermark).to.equal(true);
      expect((await GeneratedImage.findByPk(c.id))!.publicKey).to.match(/^public\//);
    });

    it('publish validation: title, tags, category, visibility, ownership, double publish', async () => {
      const dan = await ensureUser(s, 'dan');
      const eve = await ensureUser(s, 'eve');
      const img = await makeImage(dan.id, { file: true });
      const base = { imageId: img.id, title: 'ok', categoryId: cat, visibility: 'public' };
      const pub = (body: unknown, token = dan.token) => s.call('POST', '/api/community/publish', { token, body });
      expectProblem(await pub({ ...base, title: '   ' }), 400, 'validation_error');
      expectProblem(await pub({ ...base, title: 'x'.repeat(121) }), 400, 'validation_error');
      expectProblem(await pub({ ...base, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }), 400, 'validation_error');
      expectProblem(await pub({ ...base, tags: ['x'.repeat(33)] }), 400, 'validation_error');
      expectProblem(await pub({ ...base, tags: 'nope' }), 400, 'validation_error');
      expectProblem(await pub({ ...base, categoryId: 'cat_nope' }), 400, 'validation_error');
      expectProblem(await pub({ ...base, visibility: 'friends' }), 400, 'validation_error');
      expectProblem(await pub({ ...base, title: 42 }), 400, 'validation_error');
      expectProblem(await pub(base, eve.token), 404, 'not_found');
      const failed = await makeImage(dan.id, { status: 'failed', billable: false });
      expectProblem(await pub({ ...base, imageId: failed.id }), 400, 'validation_error');
      const ok = await pub({ ...base, tags: ['a'.repeat(32)] });
      expect(ok.status).to.equal(201);
      expectProblem(await pub(base), 409, 'conflict');
      const bad = await s.call('POST', '/api/community/publish', { token: dan.token, raw: '{"imageId": ' });
      expectProblem(bad, 400, 'validation_error');
    });

    it('private posts: not in the feed, 404 to others and to the public image route; the author sees them', async () => {
      const fay = await ensureUser(s, 'fay');
      const img = await makeImage(fay.id, { file: true });
      const r = await s.call('POST', '/api/community/publish', { token: fay.token, body: { imageId: img.id, title: 'secret', categoryId: cat, visibility: 'private' } });
      const postId = r.body.postId;
      const feed = await s.call('GET', '/api/community/feed?sort=latest&limit=50', { token: fay.token });
      expect(feed.body.items.map((c: any) => c.postId)).to.not.include(postId);
      expectProblem(await s.call('GET', `/api/community/posts/${postId}`, { token: s.token('gus') }), 404, 'not_found');
      expect((await s.call('GET', `/api/community/posts/${postId}`, { token: fay.token })).body).to.include({ status: 'private', visibility: 'private' });
      expect((await fetch(`${s.baseUrl}/api/public/posts/${postId}/image`)).status).to.equal(404);
      expect((await fetch(`${s.baseUrl}/api/public/posts/${postId}/image?variant=thumb`)).status).to.equal(404);
      expectProblem(await s.call('POST', `/api/community/${postId}/like`, { token: s.token('gus') }), 404, 'not_found');
      expectProblem(await s.call('POST', `/api/community/${postId}/remix/open`, { token: s.token('gus') }), 404, 'not_found');
      expectProblem(await s.call('POST', `/api/community/${postId}/report`, { token: s.token('gus'), body: { reason: 'spam' } }), 404, 'not_found');
    });

    it('unpublish: author only, 204, gone from feed and image route, and the image can be published again', async () => {
      const hal = await ensureUser(s, 'hal');
      const img = await makeImage(hal.id, { file: true });
      const body = { imageId: img.id, title: 'temp', categoryId: cat, visibility: 'public' };
      const { postId } = (await s.call('POST', '/api/community/publish', { token: hal.token, body })).body;
      expectProblem(await s.call('DELETE', `/api/community/posts/${postId}`, { token: s.token('ivy') }), 404, 'not_found');
      expect((await s.call('DELETE', `/api/community/posts/${postId}`, { token: hal.token })).status).to.equal(204);
      expect((await fetch(`${s.baseUrl}/api/public/posts/${postId}/image`)).status).to.equal(404);
      expectProblem(await s.call('GET', `/api/community/posts/${postId}`, { token: hal.token }), 404, 'not_found');
      expectProblem(await s.call('DELETE', `/api/community/posts/${postId}`, { token: hal.token }), 404, 'not_found');
      const again = await s.call('POST', '/api/community/publish', { token: hal.token, body: { ...body, title: 'back' } });
      expect(again.status).to.equal(201);
      expect(again.body.postId).to.equal(postId);
      expect((await s.call('GET', `/api/community/posts/${postId}`, { token: s.token('ivy') })).body).to.include({ title: 'back', status: 'listed' });
    });

    it('likes toggle, count stays equal to the rows under concurrent toggles, one notification per liker', async () => {
      const jo = await ensureUser(s, 'jo');
      const img = await makeImage(jo.id, { file: true });
      const { postId } = (await s.call('POST', '/api/community/publish', { token: jo.token, body: { imageId: img.id, title: 'likeable', categoryId: cat, visibility: 'public' } })).body;
      const kim = s.token('kim');
      expect((await s.call('POST', `/api/community/${postId}/like`, { token: kim })).body).to.deep.equal({ liked: true, likes: 1 });
      expect((await s.call('POST', `/api/community/${postId}/like`, { token: kim })).body).to.deep.equal({ liked: false, likes: 0 });
      expect((await s.call('POST', `/api/community/${postId}/like`, { token: kim })).body).to.deep.equal({ liked: true, likes: 1 });
      const self = await s.call('POST', `/api/community/${postId}/like`, { token: jo.token });
      expect(self.body).to.deep.equal({ liked: true, likes: 2 });
      const notes = await s.call('GET', '/api/notifications', { token: jo.token });
      expect(notes.body.items.filter((n: any) => n.type === 'like')).to.have.length(1);
      // 10 users, each toggling 3 times at once: every one ends liked (odd toggles), so likes = 12.
      const subs = Array.from({ length: 10 }, (_, i) => `liker${i}`);
      await Promise.all(subs.map((u) => ensureUser(s, u)));
      await Promise.all(subs.flatMap((u) => [0, 1, 2].map(() => s.call('POST', `/api/community/${postId}/like`, { token: s.token(u) }))));
      const post = await Post.findByPk(postId);
      expect(post!.likesCount).to.equal(12);
      expect(post!.trendingScore).to.equal(trendingScore(12, 0, post!.createdAt));
      expect(await PostScoreHistory.count({ where: { postId } })).to.be.greaterThan(0);
      const card = await s.call('GET', `/api/community/posts/${postId}`, { token: s.token('liker3') });
      expect(card.body).to.include({ likes: 12, likedByMe: true });
      expectProblem(await s.call('POST', '/api/community/post_unknown/like', { token: kim }), 404, 'not_found');
    });

    it('likes and reports are rate limited per user (429 with Retry-After)', async () => {
      await setTenantConfig({ limits: { likesPerMinute: 5, reportsPerHour: 2 } });
      const lu = await ensureUser(s, 'lu');
      const img = await makeImage(lu.id, { file: true });
      const { postId } = (await s.call('POST', '/api/community/publish', { token: lu.token, body: { imageId: img.id, title: 'spam me', categoryId: cat, visibility: 'public' } })).body;
      const mo = s.token('mo');
      const res = [];
      for (let i = 0; i < 7; i++) res.push(await s.call('POST', `/api/community/${postId}/like`, { token: mo }));
      expect(res.slice(0, 5).every((r) => r.status === 200)).to.equal(true);
      expectProblem(res[5]!, 429, 'rate_limited');
      expect(Number(res[5]!.headers.get('retry-after'))).to.be.greaterThan(0);
      const r1 = await s.call('POST', `/api/community/${postId}/report`, { token: mo, body: { reason: 'spam' } });
      const r2 = await s.call('POST', `/api/community/${postId}/report`, { token: mo, body: { reason: 'spam' } });
      expect([r1.status, r2.status]).to.deep.equal([202, 202]);
      expectProblem(await s.call('POST', `/api/community/${postId}/report`, { token: mo, body: { reason: 'spam' } }), 429, 'rate_limited');
      await setTenantConfig({ limits: { likesPerMinute: 60, reportsPerHour: 20 } });
    });

    it('feed: limits, sort, tampered and foreign cursors, visitors', async () => {
      const t = s.token('alice');
      expectProblem(await s.call('GET', '/api/community/feed?limit=101', { token: t }), 400, 'validation_error');
      expectProblem(await s.call('GET', '/api/community/feed?limit=0', { token: t }), 400, 'validation_error');
      expectProblem(await s.call('GET', '/api/community/feed?limit=abc', { token: t }), 400, 'validation_error');
      expectProblem(await s.call('GET', '/api/community/feed?sort=best', { token: t }), 400, 'validation_error');
      const page = await s.call('GET', '/api/community/feed?limit=2', { token: t });
      expect(page.body.items).to.have.length(2);
      const cursor = page.body.nextCursor as string;
      expect(cursor).to.be.a('string');
      const [body, mac] = cursor.split('.');
      const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), s: 1 })).toString('base64url');
      expectProblem(await s.call('GET', `/api/community/feed?limit=2&cursor=${forged}.${mac}`, { token: t }), 400, 'validation_error');
      expectProblem(await s.call('GET', `/api/community/feed?limit=2&cursor=garbage`, { token: t }), 400, 'validation_error');
      expectProblem(await s.call('GET', `/api/community/feed?limit=2&cursor=${'x'.repeat(3000)}`, { token: t }), 400, 'validation_error');
      expectProblem(await s.call('GET', `/api/community/feed?sort=latest&limit=2&cursor=${cursor}`, { token: t }), 400, 'validation_error');
      expectProblem(await s.call('GET', `/api/community/feed?categoryId=${cat}&limit=2&cursor=${cursor}`, { token: t }), 400, 'validation_error');
      const next = await s.call('GET', `/api/community/feed?limit=2&cursor=${encodeURIComponent(cursor)}`, { token: t });
      expect(next.status).to.equal(200);
      const visitor = await s.call('GET', '/api/community/feed?sort=latest');
      expect(visitor.status).to.equal(200);
      expect(visitor.body.items.every((c: any) => c.likedByMe === false)).to.equal(true);
      await setTenantConfig({ feed: { publicVisitors: false } });
      expectProblem(await s.call('GET', '/api/community/feed'), 401, 'unauthorized');
      expectProblem(await s.call('GET', `/api/community/posts/${page.body.items[0].postId}`), 401, 'unauthorized');
      expect((await s.call('GET', '/api/community/feed', { token: t })).status).to.equal(200);
      await setTenantConfig({ feed: { publicVisitors: true } });
      expect((await s.call('GET', `/api/community/posts/${page.body.items[0].postId}`)).status).to.equal(200);
      const byCat = await s.call('GET', `/api/community/feed?sort=latest&categoryId=${cat}&limit=50`, { token: t });
      expect(byCat.body.items.every((c: any) => c.categoryId === cat)).to.equal(true);
    });
});

async function makeImagePng() {
  return sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 40, g: 120, b: 200 } } }).png().toBuffer();
}
