import { QueryTypes } from 'sequelize';
import { AppError, invalid, notFound } from '../../errors.js';
import { services } from '../../context.js';
import { isUniqueViolation } from '../../db.js';
import { Category, GeneratedImage, Post, PostLike, User } from '../../models/index.js';
import { newId } from '../../util/ids.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { track } from '../../analytics/track.js';
import type { Principal, Caller } from '../../auth/principal.js';
import { isPrincipal } from '../../auth/principal.js';
import { deletePublic, renderPublic, watermarkText } from '../../community/public-images.js';
import { trendingScore } from '../../community/scoring.js';
import { normaliseTags, validateId, validateTitle } from '../../community/validate.js';
import { dbDate } from './feed.js';
import { checkPrompt } from '../../providers/content-policy.js';
import { parseTags, postStatus, presentCard, type PostView } from '../../presenters/community.js';
import { emitWebhookEvent } from '../../webhooks/events.js';

export interface PublishBody { imageId: string; title: string; categoryId: string; tags?: string[]; visibility: 'public' | 'private'; watermark?: boolean }


/**
 * Publishes the caller's own succeeded image. The public rendition (watermark rules) is rendered before the
 * transaction; the transaction then creates the post, or revives the caller's own unpublished post of the same
 * image (a post removed by a moderator stays removed: 409). Two racing publishes of one image: the unique
 * image index lets one win, the other gets 409.
 */
/** Titles and tags go through the same content policy as prompts (built-in lists and the partner's own terms): 422, naming the field. */
function checkPostText(title: string, tags: string[], partnerTerms: readonly string[]) {
  const fields: [string, string][] = [['title', title], ...tags.map((t, i): [string, string] => [`tags[${i}]`, t.replace(/-/g, ' ')])];
  for (const [field, text] of fields) {
    const r = checkPrompt(text, partnerTerms);
    if (!r.ok) {
      throw new AppError('content_policy_violation', `${field === 'title' ? 'The title' : 'A tag'} is not allowed: ${r.reason}`,
        { terms: r.terms, errors: [{ field, message: 'contains a blocked term' }] });
    }
  }
}

export async function publishPost(p: Principal, body: PublishBody): Promise<{ postId: string }> {
  const config = await getTenantConfig(p.tenantId);
  const imageId = validateId('imageId', body.imageId);
  const title = validateTitle(body.title);
  const tags = normaliseTags(body.tags);
  checkPostText(title, tags, config.moderation.blockedTerms);
  if (body.visibility !== 'public' && body.visibility !== 'private') throw invalid('visibility', 'must be public or private');
  if (body.watermark !== undefined && typeof body.watermark !== 'boolean') throw invalid('watermark', 'must be a boolean');
  const categoryId = validateId('categoryId', body.categoryId);
  const category = await Category.findOne({ where: { id: categoryId, tenantId: p.tenantId, isActive: true }, attributes: ['id'] });
  if (!category) throw invalid('categoryId', 'no active category has this id');

  const img = await GeneratedImage.findOne({ where: { id: imageId, userId: p.userId, tenantId: p.tenantId, deletedAt: null } });
  if (!img) throw notFound('image');
  if (img.status !== 'succeeded' || !img.storageKey) throw invalid('imageId', 'only a successfully generated image can be published');
  const earlier = await Post.findOne({ where: { imageId: img.id } });
  if (earlier && !(earlier.isDeleted && earlier.hiddenReason === 'unpublished')) {
    throw new AppError('conflict', 'This image is already published.', { postId: earlier.isDeleted ? undefined : earlier.id });
  }

  const user = await User.findByPk(p.userId, { attributes: ['isPaying'] });
  const wanted = body.watermark ?? img.watermark;
  const text = watermarkText(config, !!user?.isPaying, wanted);
  const postId = earlier?.id ?? newId('post');
  const keys = await renderPublic(p.tenantId, postId, img.storageKey, text);
  const at = new Date();
  const fields = {
    title, categoryId, tags, visibility: body.visibility, listed: body.visibility === 'public', isHidden: false, isDeleted: false, hiddenReason: null,
    watermark: text !== null, promptText: img.promptText,
  };
  const { db } = services();
  try {
    await db.tx(async (t) => {
      if (earlier) {
        const cur = await Post.findOne({ where: { id: earlier.id }, lock: t.LOCK.UPDATE, transaction: t });
        if (!cur || !(cur.isDeleted && cur.hiddenReason === 'unpublished')) throw new AppError('conflict', 'This image is already published.');
        // A revived post is a new post in the feed: new creation time, score from its (kept) counters.
        const score = trendingScore(cur.likesCount, cur.reuseCount, at);
        await db.sequelize.query(
          `UPDATE community_posts SET title = :title, category_id = :categoryId, tags = :tags, visibility = :visibility, listed = :listed,
             is_hidden = 0, is_deleted = 0, hidden_reason = NULL, watermark = :watermark, trending_score = :score, score_changed_at = :epoch,
             created_at = :at, updated_at = :at WHERE id = :id`,
          { replacements: { ...fields, tags: JSON.stringify(tags), listed: fields.listed ? 1 : 0, watermark: fields.watermark ? 1 : 0, score, at: dbDate(at.getTime()), epoch: dbDate(0), id: cur.id },
            transaction: t, type: QueryTypes.UPDATE },
        );
      } else {
        await Post.create({
          id: postId, tenantId: p.tenantId, imageId: img.id, userId: p.userId, ...fields, likesCount: 0, reuseCount: 0, rewardTotal: 0,
          trendingScore: trendingScore(0, 0, at), scoreChangedAt: new Date(0), createdAt: at, updatedAt: at,
        }, { transaction: t });
      }
      await GeneratedImage.update({ publishedPostId: postId, publicKey: keys.image }, { where: { id: img.id }, transaction: t });
      await track(p.tenantId, p.userId, 'image_published', { postId, imageId: img.id, categoryId, visibility: body.visibility, watermark: text !== null }, t);
      await emitWebhookEvent(t, p.tenantId, 'post.published', { sub: p.sub, postId, imageId: img.id, categoryId, visibility: body.visibility });
    });
  } catch (err) {
    if (!earlier) await deletePublic(keys.image);
    if (isUniqueViolation(err)) throw new AppError('conflict', 'This image is already published.');
    throw err;
  }
  return { postId };
}

/** The author takes a post down (DELETE /api/community/posts/{postId}); it can be published again later. */
export async function unpublishPost(p: Principal, postId: string) {
  const { db } = services();
  const post = await db.tx(async (t) => {
    const row = await Post.findOne({ where: { id: postId, tenantId: p.tenantId, userId: p.userId, isDeleted: false }, lock: t.LOCK.UPDATE, transaction: t });
    if (!row) throw notFound('post');
    // A post the moderators hid keeps their reason, so unpublishing cannot become a way to re-publish it unreviewed.
    await row.update({ isDeleted: true, listed: false, hiddenReason: row.isHidden ? row.hiddenReason : 'unpublished' }, { transaction: t });
    await GeneratedImage.update({ publishedPostId: null }, { where: { id: row.imageId }, transaction: t });
    return row;
  });
  const img = await GeneratedImage.findByPk(post.imageId, { attributes: ['publicKey'] });
  await deletePublic(img?.publicKey ?? null);
  await GeneratedImage.update({ publicKey: null }, { where: { id: post.imageId } });
}

/** One post as a card plus its prompt. Unlisted posts (private, hidden) are visible to their author only; deleted ones to nobody. */
export async function getPost(c: Caller, postId: string): Promise<PostView> {
  if (!isPrincipal(c) && !(await getTenantConfig(c.tenantId)).feed.publicVisitors) {
    throw new AppError('unauthorized', 'This partner shows its posts to signed-in users only.');
  }
  const post = await Post.findOne({ where: { id: postId, tenantId: c.tenantId, isDeleted: false } });
  const mine = isPrincipal(c) && post?.userId === c.userId;
  if (!post || (!post.listed && !mine)) throw notFound('post');
  const author = await User.findByPk(post.userId, { attributes: ['sub', 'name'] });
  const liked = isPrincipal(c) ? !!(await PostLike.findOne({ where: { postId: post.id, userId: c.userId }, attributes: ['id'] })) : false;
  const card = presentCard({
    id: post.id, imageId: post.imageId, title: post.title, categoryId: post.categoryId, tags: parseTags(post.tags), likesCount: post.likesCount,
    reuseCount: post.reuseCount, visibility: post.visibility, listed: post.listed, trendingScore: post.trendingScore, createdAt: post.createdAt,
    authorSub: author?.sub ?? '', authorName: author?.name ?? null,
  }, liked);
  return {
    ...card, prompt: post.promptText, status: postStatus(post), hiddenReason: mine && post.isHidden ? post.hiddenReason ?? undefined : undefined,
    rewardCredits: mine ? post.rewardTotal / 1000 : undefined,
  };
}
