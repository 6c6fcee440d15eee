import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { setTenantConfig } from '../support/foundation-helpers.js';
import { insertPost, makeImage } from '../support/community-fixtures.js';
import { openRemix, recordRemix } from '../../src/operations/community/remix.js';
import { setClock } from '../../src/util/clock.js';
import { CreatorRewardDay, Post } from '../../src/models/index.js';
import type { Principal } from '../../src/auth/principal.js';
import { balance, firstCategoryId, ledgerClean, refusal, user } from './support/direct.js';

const DEFAULT_REWARDS = { reuseRewardMilli: 500, perAssetCapMilli: 20000, perCreatorDailyCapMilli: 10000 };

/** Remix rewards called directly: the reward, its two caps and the partner's day, on SQLite and MariaDB. */
describeEachDatabase('remix rewards, called directly', { server: 'services' }, function () {
    let category: string;
    let n = 0;
    const uniq = (p: string) => `${p}-${++n}`;
    before(async () => { category = await firstCategoryId(); });
    afterEach(async () => {
      setClock(undefined);
      await setTenantConfig({ rewards: DEFAULT_REWARDS, timezone: 'Asia/Kolkata' });
    });

    const publish = async (creator: Principal) => (await insertPost(creator.userId, { categoryId: category })).id;
    /** A remixer who opened the post, then made a billable image, then records it. */
    async function remix(postId: string, remixer?: Principal) {
      const p = remixer ?? await user(uniq('remixer'));
      await openRemix(p, postId);
      const img = await makeImage(p.userId);
      return recordRemix(p, postId, { generatedImageId: img.id });
    }

    it('pays the creator per remix, once per remixer, never for a self-remix; a repeat of an image replays', async () => {
      const creator = await user(uniq('creator'));
      const postId = await publish(creator);
      const first = await remix(postId);
      expect(first).to.include({ rewarded: true, rewardCredits: 0.5, creatorTotalForAsset: 0.5 });
      expect(await balance(creator.userId)).to.equal(500);

      const again = await user(uniq('remixer'));
      await remix(postId, again);
      const second = await remix(postId, again);
      expect(second, 'a remixer pays the creator once').to.include({ rewarded: false, rewardCredits: 0 });

      const self = await remix(postId, creator);
      expect(self).to.include({ rewarded: false, rewardCredits: 0 });
      expect(await balance(creator.userId)).to.equal(1000);

      const p = await user(uniq('remixer'));
      await openRemix(p, postId);
      const img = await makeImage(p.userId);
      const once = await recordRemix(p, postId, { generatedImageId: img.id });
      expect(await recordRemix(p, postId, { generatedImageId: img.id })).to.deep.equal(once);
      expect(await balance(creator.userId)).to.equal(1500);
      const post = (await Post.findByPk(postId))!;
      expect(post.reuseCount, 'reuses by others, paid or not').to.equal(4);
      expect(post.rewardTotal).to.equal(1500);
      await ledgerClean();
    });

    it('refuses an image made before the remix was opened, and one that was not billable', async () => {
      const postId = await publish(await user(uniq('creator')));
      const early = await user(uniq('remixer'));
      const before = await makeImage(early.userId, { createdAt: new Date(Date.now() - 60_000) });
      await openRemix(early, postId);
      await refusal(recordRemix(early, postId, { generatedImageId: before.id }), 'validation_error');
      const free = await makeImage(early.userId, { billable: false });
      await refusal(recordRemix(early, postId, { generatedImageId: free.id }), 'validation_error');
      const refunded = await makeImage(early.userId, { refunded: true });
      await refusal(recordRemix(early, postId, { generatedImageId: refunded.id }), 'validation_error');
    });

    it('the asset cap: reached exactly pays in full, the next remix pays nothing; a partial award fills it', async () => {
      await setTenantConfig({ rewards: { perAssetCapMilli: 1500 } });
      const creator = await user(uniq('creator'));
      const postId = await publish(creator);
      const got = [];
      for (let i = 0; i < 4; i++) got.push(await remix(postId));
      expect(got.map((g) => g.rewardCredits)).to.deep.equal([0.5, 0.5, 0.5, 0]);
      expect(got.map((g) => g.creatorTotalForAsset)).to.deep.equal([0.5, 1, 1.5, 1.5]);

      await setTenantConfig({ rewards: { perAssetCapMilli: 1300 } });
      const other = await publish(creator);
      const partial = [];
      for (let i = 0; i < 4; i++) partial.push((await remix(other)).rewardCredits);
      expect(partial).to.deep.equal([0.5, 0.5, 0.3, 0]);
      expect(await balance(creator.userId)).to.equal(2800);
      await ledgerClean();
    });

    it('the creator\'s daily cap counts every asset: reached exactly, one past pays nothing', async () => {
      await setTenantConfig({ rewards: { perCreatorDailyCapMilli: 1500 } });
      const creator = await user(uniq('creator'));
      const a = await publish(creator);
      const b = await publish(creator);
      expect([(await remix(a)).rewardCredits, (await remix(a)).rewardCredits, (await remix(b)).rewardCredits]).to.deep.equal([0.5, 0.5, 0.5]);
      expect((await remix(b)).rewardCredits).to.equal(0);
      expect(await balance(creator.userId)).to.equal(1500);
    });

    it('the day is the partner\'s: the cap opens again at midnight in its time zone, not in UTC', async () => {
      // 23:59:59 on 1 June in New York is 03:59:59 UTC on 2 June; midnight there is 04:00 UTC.
      await setTenantConfig({ timezone: 'America/New_York', rewards: { perCreatorDailyCapMilli: 1000 } });
      const creator = await user(uniq('creator'));
      const postId = await publish(creator);
      setClock(() => new Date('2025-06-02T03:59:59.000Z'));
      expect([(await remix(postId)).rewardCredits, (await remix(postId)).rewardCredits, (await remix(postId)).rewardCredits]).to.deep.equal([0.5, 0.5, 0]);
      setClock(() => new Date('2025-06-02T04:00:00.000Z'));
      expect((await remix(postId)).rewardCredits).to.equal(0.5);
      const days = await CreatorRewardDay.findAll({ where: { creatorUserId: creator.userId }, order: [['day', 'ASC']] });
      expect(days.map((d) => [String(d.day), Number(d.total)])).to.deep.equal([['2025-06-01', 1000], ['2025-06-02', 500]]);
    });

    it('concurrent remixes stop exactly at the caps', async () => {
      await setTenantConfig({ rewards: { perAssetCapMilli: 2000, perCreatorDailyCapMilli: 10000 } });
      const creator = await user(uniq('creator'));
      const postId = await publish(creator);
      const remixers = await Promise.all(Array.from({ length: 10 }, () => user(uniq('remixer'))));
      const images: { id: string }[] = [];
      for (const p of remixers) {
        await openRemix(p, postId);
        images.push(await makeImage(p.userId));
      }
      const got = await Promise.all(remixers.map((p, i) => recordRemix(p, postId, { generatedImageId: images[i]!.id })));
      expect(got.filter((g) => g.rewarded)).to.have.length(4);
      expect(got.reduce((sum, g) => sum + g.rewardCredits, 0)).to.equal(2);
      expect(await balance(creator.userId)).to.equal(2000);
      expect((await Post.findByPk(postId))!.reuseCount).to.equal(10);
      await ledgerClean();
    });
});
