import { notFound } from '../../errors.js';
import { services } from '../../context.js';
import { Post, PostLike } from '../../models/index.js';
import { newId } from '../../util/ids.js';
import { consume } from '../../util/rate-limit.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { track } from '../../analytics/track.js';
import type { Principal } from '../../auth/principal.js';
import { updateCounters } from '../../community/scoring.js';
import { notify } from '../../community/notify.js';
import { retryOnDeadlock } from '../../db.js';

/**
 * Toggles the caller's like. The post row is locked first, so every toggle on one post is serialised: the
 * (post, user) row is inserted or deleted and likes_count is recomputed from COUNT(*) in the same
 * transaction, so the counter always equals the rows, however many toggles race.
 * The author is notified once per liker and post (dedupe key), never for a self-like or for toggle spam.
 */
export async function toggleLike(p: Principal, postId: string): Promise<{ liked: boolean; likes: number }> {
  const config = await getTenantConfig(p.tenantId);
  await consume('like', `${p.tenantId}:${p.userId}`, config.limits.likesPerMinute, 60);
  const { db } = services();
  const result = await retryOnDeadlock(() => db.tx(async (t) => {
    const post = await Post.findOne({ where: { id: postId, tenantId: p.tenantId, listed: true }, lock: t.LOCK.UPDATE, transaction: t });
    if (!post) throw notFound('post');
    const existing = await PostLike.findOne({ where: { postId: post.id, userId: p.userId }, attributes: ['id'], transaction: t });
    if (existing) await PostLike.destroy({ where: { id: existing.id }, transaction: t });
    else await PostLike.create({ id: newId('like'), tenantId: p.tenantId, postId: post.id, userId: p.userId }, { transaction: t });
    const likes = await PostLike.count({ where: { postId: post.id }, transaction: t });
    await updateCounters(t, post, { likesCount: likes });
    if (!existing && post.userId !== p.userId) {
      await notify(t, {
        tenantId: p.tenantId, userId: post.userId, type: 'like', title: `${p.name ?? 'Someone'} liked your post`, body: post.title,
        data: { postId: post.id, bySub: p.sub }, dedupeKey: `like:${post.id}:${p.userId}`,
      });
    }
    return { liked: !existing, likes };
  }));
  void track(p.tenantId, p.userId, 'post_liked', { postId, liked: result.liked });
  return result;
}
