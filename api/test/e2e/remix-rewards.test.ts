import { expect } from 'chai';
import { Op } from 'sequelize';
import { describeEachDatabase } from '../support/each-database.js';
import { expectProblem, setTenantConfig } from '../support/foundation-helpers.js';
import { ensureUser, firstCategory, makeImage } from '../support/community-fixtures.js';
import { CreatorRewardDay, LedgerEntry, Post, ReuseEvent, Wallet } from '../../src/models/index.js';
import { setClock } from '../../src/util/clock.js';

/** Every reward rule of spec 4.3 / CONTRACT.md at its edges, on SQLite and (with MYSQL_URL) MariaDB. */
describeEachDatabase('remix rewards', { timeout: 120000 }, function (db) {
    const s = db.server;
    let cat: string;
    let n = 0;
    const uniq = (p: string) => `${p}${++n}`;
    before(async () => {
      cat = await firstCategory(s, (await ensureUser(s, 'setup')).token);
    });
    after(() => setClock(undefined));
    afterEach(async () => {
      setClock(undefined);
      await setTenantConfig({ rewards: { reuseRewardMilli: 500, perAssetCapMilli: 20000, perCreatorDailyCapMilli: 10000 } });
    });

    async function publishAs(sub: string) {
      const u = await ensureUser(s, sub);
      const img = await makeImage(u.id, { file: true });
      const r = await s.call('POST', '/api/community/publish', { token: u.token, body: { imageId: img.id, title: `by ${sub}`, categoryId: cat, visibility: 'public' } });
      expect(r.status, JSON.stringify(r.body)).to.equal(201);
      return { user: u, postId: r.body.postId as string };
    }
    /** Opens the post as `sub`, makes a billable image after the open, returns what is needed to record it. */
    async function prepare(postId: string, sub: string) {
      const u = await ensureUser(s, sub);
      const open = await s.call('POST', `/api/community/${postId}/remix/open`, { token: u.token });
      expect(open.status, JSON.stringify(open.body)).to.equal(200);
      const img = await makeImage(u.id);
      return { token: u.token, imageId: img.id, userId: u.id };
    }
    const record = (postId: string, token: string, imageId: string) =>
      s.call('POST', `/api/community/${postId}/remix/record`, { token, body: { generatedImageId: imageId } });
    async function remix(postId: string, sub: string) {
      const p = await prepare(postId, sub);
      const r = await record(postId, p.token, p.imageId);
      expect(r.status, JSON.stringify(r.body)).to.equal(200);
      return r.body as { rewarded: boolean; rewardCredits: number; creatorTotalForAsset: number; reuseEventId: string };
    }
    const balance = async (userId: string) => (await Wallet.findByPk(userId))!.balance;

    it('40 distinct remixers fill the 20-credit asset cap; the 41st earns 0 but still counts as a reuse', async () => {
      await setTenantConfig({ rewards: { perCreatorDailyCapMilli: 1_000_000 } });
      const { user, postId } = await publishAs(uniq('creator'));
      for (let i = 1; i <= 40; i++) {
        const r = await remix(postId, uniq('rmx'));
        expect(r).to.include({ rewarded: true, rewardCredits: 0.5, creatorTotalForAsset: i * 0.5 });
      }
      const r41 = await remix(postId, uniq('rmx'));
      expect(r41).to.include({ rewarded: false, rewardCredits: 0, creatorTotalForAsset: 20 });
      const post = (await Post.findByPk(postId))!;
      expect(post.reuseCount).to.equal(41);
      expect(post.rewardTotal).to.equal(20000);
      expect(await balance(user.id)).to.equal(20000);
      const rewards = await LedgerEntry.findAll({ where: { userId: user.id, reason: 'reward' } });
      expect(rewards).to.have.length(40);
      expect(rewards.every((e) => e.refType === 'reuse' && e.delta === 500)).to.equal(true);
      const events = await ReuseEvent.findAll({ where: { sourcePostId: postId } });
      expect(events).to.have.length(41);
      expect(new Set(rewards.map((e) => e.refId))).to.deep.equal(new Set(events.filter((e) => e.rewarded).map((e) => e.id)));
      await s.ledgerOk();
    });

    it('a partial award fills the asset cap exactly', async () => {
      await setTenantConfig({ rewards: { perAssetCapMilli: 1300 } });
      const { user, postId } = await publishAs(uniq('creator'));
      const got = [];
      for (let i = 0; i < 4; i++) got.push(await remix(postId, uniq('rmx')));
      expect(got.map((g) => g.rewardCredits)).to.deep.equal([0.5, 0.5, 0.3, 0]);
      expect(got.map((g) => g.creatorTotalForAsset)).to.deep.equal([0.5, 1, 1.3, 1.3]);
      expect(await balance(user.id)).to.equal(1300);
    });

    it('the daily cap (10 credits) is reached by remixes spread over several assets, exactly', async () => {
      const creator = uniq('creator');
      const a = await publishAs(creator);
      const b = await publishAs(creator);
      const c = await publishAs(creator);
      for (let i = 0; i < 8; i++) expect((await remix(a.postId, uniq('rmx'))).rewardCredits).to.equal(0.5);
      for (let i = 0; i < 8; i++) expect((await remix(b.postId, uniq('rmx'))).rewardCredits).to.equal(0.5);
      const onC = [];
      for (let i = 0; i < 5; i++) onC.push((await remix(c.postId, uniq('rmx'))).rewardCredits);
      expect(onC).to.deep.equal([0.5, 0.5, 0.5, 0.5, 0]);
      expect(await balance(a.user.id)).to.equal(10000);
      expect((await Post.findByPk(c.postId))!.reuseCount).to.equal(5);
      const days = await CreatorRewardDay.findAll({ where: { creatorUserId: a.user.id } });
      expect(days.map((d) => d.total)).to.deep.equal([10000]);
    });

    it('a partial award fills the daily cap exactly, across assets', async () => {
      await setTenantConfig({ rewards: { perCreatorDailyCapMilli: 1200 } });
      const creator = uniq('creator');
      const x = await publishAs(creator);
      const y = await publishAs(creator);
      const got = [await remix(x.postId, uniq('rmx')), await remix(x.postId, uniq('rmx')), await remix(y.postId, uniq('rmx')), await remix(y.postId, uniq('rmx'))];
      expect(got.map((g) => g.rewardCredits)).to.deep.equal([0.5, 0.5, 0.2, 0]);
      expect(await balance(x.user.id)).to.equal(1200);
    });

    it('the day is the Asia/Kolkata day: the cap resets at 18:30 UTC, not at UTC midnight', async () => {
      await setTenantConfig({ rewards: { perCreatorDailyCapMilli: 1000 } });
      const { user, postId } = await publishAs(uniq('creator'));
      setClock(() => new Date('2025-03-10T18:29:59.999Z')); // 23:59:59.999 in Kolkata on 10 March
      const before = [await remix(postId, uniq('rmx')), await remix(postId, uniq('rmx')), await remix(postId, uniq('rmx'))];
      expect(before.map((g) => g.rewardCredits)).to.deep.equal([0.5, 0.5, 0]);
      setClock(() => new Date('2025-03-10T18:30:00.000Z')); // 00:00 on 11 March in Kolkata, still 10 March in UTC
      expect((await remix(postId, uniq('rmx'))).rewardCredits).to.equal(0.5);
      const events = await ReuseEvent.findAll({ where: { sourcePostId: postId, rewarded: true }, order: [['createdAt', 'ASC']] });
      expect(events.map((e) => e.rewardDay)).to.deep.equal(['2025-03-10', '2025-03-10', '2025-03-11']);
      expect(await balance(user.id)).to.equal(1500);
    });

    it("the creator's own remix earns nothing and is not counted", async () => {
      const creator = uniq('creator');
      const { user, postId } = await publishAs(creator);
      const r = await remix(postId, creator);
      expect(r).to.include({ rewarded: false, rewardCredits: 0, creatorTotalForAsset: 0 });
      expect((await Post.findByPk(postId))!.reuseCount).to.equal(0);
      expect(await balance(user.id)).to.equal(0);
    });

    it('the same remixer twice: one reward; recording the same image again changes nothing', async () => {
      const { user, postId } = await publishAs(uniq('creator'));
      const sub = uniq('rmx');
      const first = await prepare(postId, sub);
      const r1 = await record(postId, first.token, first.imageId);
      expect(r1.body).to.include({ rewarded: true, rewardCredits: 0.5 });
      const second = await makeImage(first.userId);
      const r2 = await record(postId, first.token, second.id);
      expect(r2.body).to.include({ rewarded: false, rewardCredits: 0, creatorTotalForAsset: 0.5 });
      expect((await Post.findByPk(postId))!.reuseCount).to.equal(2);
      await remix(postId, uniq('rmx')); // the asset total moves on
      const counts = async () => [await ReuseEvent.count(), await LedgerEntry.count(), (await Post.findByPk(postId))!.reuseCount, await balance(user.id)];
      const before = await counts();
      const again = await record(postId, first.token, first.imageId);
      expect(again.status).to.equal(200);
      expect(again.body).to.deep.equal(r1.body);
      const concurrent = await Promise.all([0, 1, 2, 3].map(() => record(postId, first.token, second.id)));
      for (const c of concurrent) expect(c.body).to.deep.equal(r2.body);
      expect(await counts()).to.deep.equal(before);
    });

    it('refuses refunded, failed, foreign, early images and hidden, deleted, private or unknown posts', async () => {
      const { user: creator, postId } = await publishAs(uniq('creator'));
      const p = await prepare(postId, uniq('rmx'));
      const refunded = await makeImage(p.userId, { status: 'failed', billable: false, refunded: true });
      expectProblem(await record(postId, p.token, refunded.id), 400, 'validation_error');
      const refundedButSucceeded = await makeImage(p.userId, { billable: false, refunded: true });
      expectProblem(await record(postId, p.token, refundedButSucceeded.id), 400, 'validation_error');
      const running = await makeImage(p.userId, { status: 'running' });
      expectProblem(await record(postId, p.token, running.id), 400, 'validation_error');
      const foreign = await makeImage(creator.id);
      expectProblem(await record(postId, p.token, foreign.id), 404, 'not_found');
      expectProblem(await record(postId, p.token, 'img_nope'), 404, 'not_found');

      const late = await ensureUser(s, uniq('late'));
      const early = await makeImage(late.id, { createdAt: new Date(Date.now() - 60_000) });
      await s.call('POST', `/api/community/${postId}/remix/open`, { token: late.token });
      const res = await record(postId, late.token, early.id);
      expectProblem(res, 400, 'validation_error');
      expect(res.body.detail).to.match(/before you opened/);

      expectProblem(await record('post_unknown', p.token, p.imageId), 404, 'not_found');
      const other = await publishAs(uniq('creator'));
      expect((await record(postId, p.token, p.imageId)).status).to.equal(200);
      await s.call('POST', `/api/community/${other.postId}/remix/open`, { token: p.token });
      expectProblem(await record(other.postId, p.token, p.imageId), 409, 'conflict');

      for (const change of [{ isHidden: true, listed: false }, { isDeleted: true, listed: false }, { visibility: 'private', listed: false }]) {
        const target = await publishAs(uniq('creator'));
        const q = await prepare(target.postId, uniq('rmx'));
        await Post.update(change, { where: { id: target.postId } });
        expectProblem(await record(target.postId, q.token, q.imageId), 404, 'not_found');
        expectProblem(await s.call('POST', `/api/community/${target.postId}/remix/open`, { token: q.token }), 404, 'not_found');
      }
      expectProblem(await s.call('POST', `/api/community/${postId}/remix/record`, { token: p.token, body: { generatedImageId: 5 } }), 400, 'validation_error');
      expectProblem(await s.call('POST', `/api/community/${postId}/remix/record`, { token: p.token, body: {} }), 400, 'validation_error');
      expectProblem(await s.call('POST', `/api/community/${postId}/remix/record`, { token: p.token, raw: '{"generatedImageId":' }), 400, 'validation_error');
      expect(await balance(creator.id)).to.equal(500);
      await s.ledgerOk();
    });

    it('concurrent records near the asset cap never exceed it by a millicredit', async () => {
      await setTenantConfig({ rewards: { perAssetCapMilli: 2200, perCreatorDailyCapMilli: 1_000_000 } });
      const { user, postId } = await publishAs(uniq('creator'));
      const ready = [];
      for (let i = 0; i < 16; i++) ready.push(await prepare(postId, uniq('rmx')));
      const res = await Promise.all(ready.map((r) => record(postId, r.token, r.imageId)));
      expect(res.every((r) => r.status === 200), JSON.stringify(res.map((r) => r.body))).to.equal(true);
      const paid = res.map((r) => Math.round(r.body.rewardCredits * 1000)).sort((a, b) => b - a);
      expect(paid.reduce((a, b) => a + b, 0)).to.equal(2200);
      expect(paid.slice(0, 5)).to.deep.equal([500, 500, 500, 500, 200]);
      const post = (await Post.findByPk(postId))!;
      expect([post.rewardTotal, post.reuseCount]).to.deep.equal([2200, 16]);
      expect(await balance(user.id)).to.equal(2200);
      const sum = await LedgerEntry.sum('delta', { where: { userId: user.id, reason: 'reward' } });
      expect(Number(sum)).to.equal(2200);
      await s.ledgerOk();
    });

    it('concurrent records on several assets of one creator never exceed the daily cap', async () => {
      await setTenantConfig({ rewards: { perCreatorDailyCapMilli: 1700 } });
      const creator = uniq('creator');
      const posts = [await publishAs(creator), await publishAs(creator), await publishAs(creator)];
      const ready: { postId: string; token: string; imageId: string }[] = [];
      for (let i = 0; i < 12; i++) {
        const postId = posts[i % 3]!.postId;
        ready.push({ postId, ...(await prepare(postId, uniq('rmx'))) });
      }
      const res = await Promise.all(ready.map((r) => record(r.postId, r.token, r.imageId)));
      expect(res.every((r) => r.status === 200)).to.equal(true);
      const total = res.reduce((a, r) => a + Math.round(r.body.rewardCredits * 1000), 0);
      expect(total).to.equal(1700);
      const creatorId = posts[0]!.user.id;
      expect(await balance(creatorId)).to.equal(1700);
      const day = await CreatorRewardDay.findAll({ where: { creatorUserId: creatorId } });
      expect(day.map((d) => d.total)).to.deep.equal([1700]);
      expect(await ReuseEvent.count({ where: { creatorUserId: creatorId, rewardCredits: { [Op.gt]: 0 } } })).to.equal(4);
      await s.ledgerOk();
    });
});
