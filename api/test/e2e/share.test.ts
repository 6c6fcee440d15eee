import { expect } from 'chai';
import sharp from 'sharp';
import { waitForJob } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { Post, User } from '../../src/models/index.js';
import { newId } from '../../src/util/ids.js';

describeEachDatabase('share flows', function (db) {
    const s = db.server;
    let alice: string;
    let imageId: string;
    before(async () => {
      alice = s.token('sh-alice');
      await s.grant('sh-alice', 3);
      const gen = await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a paper boat on a lake', tier: 'standard' } });
      imageId = (await waitForJob(s, alice, gen.body.jobId)).imageId;
    });

    const makePost = async (o: Partial<{ visibility: string; isHidden: boolean; isDeleted: boolean; title: string }> = {}) => {
      const user = await User.findOne({ where: { sub: 'sh-alice' } });
      const id = newId('post');
      await Post.create({
        id, tenantId: user!.tenantId, imageId: newId('img'), userId: user!.id, title: o.title ?? 'Paper boat', categoryId: 'cat_x', tags: [], promptText: 'a paper boat',
        likesCount: 0, reuseCount: 0, rewardTotal: 0, visibility: o.visibility ?? 'public', isHidden: o.isHidden ?? false, isDeleted: o.isDeleted ?? false,
        listed: true, trendingScore: 0, watermark: true, hiddenReason: null,
      });
      return id;
    };
    const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

    it('serves a share page with Open Graph tags and the sharer\'s referral code', async () => {
      const code = (await s.call('GET', '/api/referrals/me', { token: alice })).body.code as string;
      const postId = await makePost({ title: 'Boat <script>alert(1)</script> & "friends"' });
      const res = await fetch(`${s.baseUrl}/share/${postId}?ref=${code.toLowerCase()}`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.match(/text\/html/);
      expect(res.headers.get('content-security-policy')).to.include("default-src 'none'");
      const html = await res.text();
      expect(html).not.to.include('<script>');
      expect(meta(html, 'og:title')).to.equal('Boat &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;');
      expect(meta(html, 'og:image')).to.equal(`${s.baseUrl}/api/public/posts/${postId}/image`);
      expect(meta(html, 'og:url')).to.equal(`${s.baseUrl}/share/${postId}?ref=${code}`);
      expect(meta(html, 'twitter:card')).to.equal('summary_large_image');
      expect(html).to.match(new RegExp(`class="cta" href="[^"]*[?&]amp;ref=${code}"|class="cta" href="[^"]*\\?ref=${code}"`));
      // An unknown code is left out rather than echoed.
      const plain = await (await fetch(`${s.baseUrl}/share/${postId}?ref=NOTACODE`)).text();
      expect(meta(plain, 'og:url')).to.equal(`${s.baseUrl}/share/${postId}`);
      expect(plain).not.to.include('NOTACODE');
    });

    it('answers a 404 page for private, hidden, deleted and unknown posts', async () => {
      for (const o of [{ visibility: 'private' }, { isHidden: true }, { isDeleted: true }]) {
        const id = await makePost(o);
        const res = await fetch(`${s.baseUrl}/share/${id}`);
        expect(res.status, JSON.stringify(o)).to.equal(404);
        const html = await res.text();
        expect(html).to.include('not available');
        expect(html).not.to.include('og:image');
      }
      expect((await fetch(`${s.baseUrl}/share/post_nope`)).status).to.equal(404);
      expect((await fetch(`${s.baseUrl}/share/${encodeURIComponent('../../etc')}`)).status).to.equal(404);
    });

    it('draws a QR code of the caller\'s referral link on the caller\'s own image', async () => {
      const res = await fetch(`${s.baseUrl}/api/referrals/poster/${imageId}`, { headers: { authorization: `Bearer ${alice}` } });
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('image/png');
      const png = Buffer.from(await res.arrayBuffer());
      const info = await sharp(png).metadata();
      expect(info.format).to.equal('png');
      expect(info.width).to.equal(768);
      // The QR sits top-right: its quiet zone is pure white and its modules pure black.
      const size = Math.round(768 * 0.16);
      const region = await sharp(png).extract({ left: 768 - size - 16, top: 16, width: size, height: size }).removeAlpha().raw().toBuffer();
      let white = 0;
      let black = 0;
      for (let i = 0; i < region.length; i += 3) {
        if (region[i] === 255 && region[i + 1] === 255 && region[i + 2] === 255) white++;
        if (region[i] === 0 && region[i + 1] === 0 && region[i + 2] === 0) black++;
      }
      expect(white).to.be.greaterThan(size * size * 0.2);
      expect(black).to.be.greaterThan(size * size * 0.2);
      const bob = s.token('sh-bob');
      expect((await s.call('GET', `/api/referrals/poster/${imageId}`, { token: bob })).status).to.equal(404);
      expect((await s.call('GET', '/api/referrals/poster/img_nope', { token: alice })).status).to.equal(404);
      expect((await s.call('GET', `/api/referrals/poster/${imageId}`)).status).to.equal(401);
    });
});
