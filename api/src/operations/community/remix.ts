import { notFound } from '../../errors.js';
import { services } from '../../context.js';
import { Category, GeneratedImage, Post, RemixOpen, ReuseEvent } from '../../models/index.js';
import { newId } from '../../util/ids.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { track } from '../../analytics/track.js';
import type { Principal } from '../../auth/principal.js';
import { retryOnDeadlock, isUniqueViolation } from '../../db.js';
import { validateId } from '../../community/validate.js';
import { applyRemix, replay, type RemixRecordResult } from '../../community/remix-reward.js';
import { RuleBasedEnhancer, type EnhanceInput } from '../../providers/text/index.js';
import { logger } from '../../logger.js';

export type { RemixRecordResult } from '../../community/remix-reward.js';
export interface RemixOpenResult { templatePrompt: string; enhancedPrompt: string; sourcePostId: string; categoryId: string; tier?: string; templateId?: string }

/** Opens a listed post for remixing: its prompt and an enhanced version. Recorded (no credit, no reward). */
export async function openRemix(p: Principal, postId: string): Promise<RemixOpenResult> {
  const post = await Post.findOne({ where: { id: postId, tenantId: p.tenantId, listed: true } });
  if (!post) throw notFound('post');
  const [category, image] = await Promise.all([
    Category.findOne({ where: { id: post.categoryId, tenantId: p.tenantId }, attributes: ['name', 'style'] }),
    GeneratedImage.findByPk(post.imageId, { attributes: ['tier', 'templateId'] }),
  ]);
  // The partner's configured enhancer (its chat model, or the rules), falling back to the rules if it fails.
  const out = await enhanceForRemix(p.tenantId, { prompt: post.promptText, categoryStyle: category?.style ?? category?.name ?? undefined });
  await RemixOpen.create({ id: newId('rmx'), tenantId: p.tenantId, postId: post.id, userId: p.userId });
  void track(p.tenantId, p.userId, 'remix_opened', { postId: post.id, creatorUserId: post.userId });
  return {
    templatePrompt: post.promptText, enhancedPrompt: out.enhancedPrompt, sourcePostId: post.id, categoryId: post.categoryId,
    tier: image?.tier, templateId: image?.templateId ?? undefined,
  };
}

/**
 * Records that the caller's own generated image remixes a post, and rewards the creator: the rule and its caps are
 * community/remix-reward.ts (`applyRemix`), which a generation job with `remixOf` applies too.
 */
export async function recordRemix(p: Principal, postId: string, body: { generatedImageId: string }): Promise<RemixRecordResult> {
  const imageId = validateId('generatedImageId', body?.generatedImageId);
  const img = await GeneratedImage.findOne({ where: { id: imageId, userId: p.userId, tenantId: p.tenantId, deletedAt: null } });
  if (!img) throw notFound('image');
  const config = await getTenantConfig(p.tenantId);
  const run = () => retryOnDeadlock(() => services().db.tx((t) => applyRemix(t, { tenantId: p.tenantId, userId: p.userId, sub: p.sub }, postId, img, config)));
  try {
    return await run();
  } catch (err) {
    // The same image recorded concurrently (the unique image index let the other call win): answer as a replay.
    if (isUniqueViolation(err)) {
      const earlier = await ReuseEvent.findOne({ where: { remixedImageId: img.id } });
      if (earlier) return replay(earlier, postId);
    }
    throw err;
  }
}


/** The partner's enhancer (issue 14); opening a remix never fails because a chat model is down: the rules stand in. */
async function enhanceForRemix(tenantId: string, input: EnhanceInput) {
  const enhancer = await services().providers.enhancerFor(tenantId);
  try {
    return await enhancer.enhance(input);
  } catch (err) {
    logger().warn({ tenantId, enhancer: enhancer.name, err: { message: (err as Error).message } }, 'remix enhancer failed; rules used');
    return new RuleBasedEnhancer().enhance(input);
  }
}
