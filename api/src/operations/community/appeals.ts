import { Op, type Transaction } from 'sequelize';
import { AuditEntry, GeneratedImage, ModerationAppeal, Post, User, type AppealStatus } from '../../models/index.js';
import { services } from '../../context.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { newId } from '../../util/ids.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import { audit } from '../../admin/audit.js';
import { isUniqueViolation, retryOnDeadlock } from '../../db.js';
import type { Principal } from '../../auth/principal.js';
import { notify } from '../../community/notify.js';
import { renderPublic, watermarkText } from '../../community/public-images.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { signedImageUrl } from '../../storage/signed-urls.js';
import { postStatus } from '../../presenters/community.js';
import { emitUserEvent } from '../../webhooks/events.js';

/** The moderator actions an author may appeal, and the post state they leave while in force. */
const APPEALABLE: Record<string, string> = { 'moderation.hide': 'moderator', 'moderation.delete': 'moderator-deleted' };

export interface AppealBody { /** Why the decision should be reversed (1..2000 characters). */ message: string }
export interface AppealTicket { appealId: string; postId: string; action: string; status: AppealStatus }
export interface AppealView {
  appealId: string; status: AppealStatus; message: string;
  /** The appealed action (hide or delete), its moderator's note and time. */
  action: string; actionNote?: string; actionAt?: string;
  post: { postId: string; title: string; status: 'listed' | 'private' | 'hidden' | 'deleted'; previewThumbnailUrl: string };
  author: { id: string; name: string | null };
  decisionNote?: string; decidedAt?: string; createdAt: string;
}
export interface AppealDecision { decision: 'uphold' | 'reverse'; /** Why (1..1000 characters): audited and shown to the author. */ note: string }

/** The moderation action in force on a post: its newest hide/delete by a moderator, while the post is still in that state. */
async function actionInForce(post: Post, t?: Transaction) {
  const entry = await AuditEntry.findOne({
    where: { tenantId: post.tenantId, targetType: 'post', targetId: post.id, action: Object.keys(APPEALABLE) },
    order: [['id', 'DESC']], transaction: t,
  });
  if (!entry || !(post.isHidden || post.isDeleted) || post.hiddenReason !== APPEALABLE[entry.action]) return null;
  return entry;
}

/**
 * An author's appeal against the moderation action in force on its post: once per action (a second appeal of the same
 * action is 409, even after a decision; a new action can be appealed again). A post that no moderator acted on is
 * 409, someone else's post 404; nothing is written then.
 */
export async function fileAppeal(p: Principal, postId: string, body: AppealBody): Promise<AppealTicket> {
  const message = typeof body?.message === 'string' ? body.message.trim() : '';
  if (!message || message.length > 2000) throw invalid('message', 'must be 1 to 2000 characters');
  const post = await Post.findOne({ where: { id: postId, tenantId: p.tenantId, userId: p.userId } });
  if (!post) throw notFound('post');
  const entry = await actionInForce(post);
  if (!entry) throw new AppError('conflict', 'No moderation action is in force on this post, so there is nothing to appeal.');
  const action = entry.action.replace('moderation.', '');
  const appealId = newId('apl');
  try {
    await ModerationAppeal.create({ id: appealId, tenantId: p.tenantId, postId: post.id, userId: p.userId, actionRef: String(entry.id), action, message, status: 'open' });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'This moderation action was already appealed.');
    throw err;
  }
  return { appealId, postId: post.id, action, status: 'open' };
}

type Cur = { c: number; id: string };
const isCur = (x: unknown): x is Cur => typeof (x as Cur)?.c === 'number' && typeof (x as Cur)?.id === 'string';

/** Appeals of the partner (open ones by default), oldest first, with the post and the appealed action. */
export async function listAppeals(admin: Principal, q: { status?: AppealStatus; limit?: number; cursor?: string }): Promise<{ items: AppealView[]; nextCursor?: string }> {
  const status = q.status ?? 'open';
  if (!['open', 'upheld', 'reversed'].includes(status)) throw invalid('status', 'open, upheld or reversed');
  const limit = parseLimit(q.limit, 20, 100);
  const cur = decodeCursor<Cur>(q.cursor, isCur);
  const where: Record<string | symbol, unknown> = { tenantId: admin.tenantId, status };
  if (cur) where[Op.or] = [{ createdAt: { [Op.gt]: new Date(cur.c) } }, { createdAt: new Date(cur.c), id: { [Op.gt]: cur.id } }];
  const rows = await ModerationAppeal.findAll({ where, order: [['createdAt', 'ASC'], ['id', 'ASC']], limit: limit + 1 });
  const page = rows.slice(0, limit);
  const [posts, users, actions] = await Promise.all([
    Post.findAll({ where: { tenantId: admin.tenantId, id: page.map((r) => r.postId) } }),
    User.findAll({ where: { id: [...new Set(page.map((r) => r.userId))] }, attributes: ['id', 'sub', 'name'] }),
    AuditEntry.findAll({ where: { tenantId: admin.tenantId, id: page.map((r) => Number(r.actionRef)) } }),
  ]);
  const byPost = new Map(posts.map((x) => [x.id, x]));
  const byUser = new Map(users.map((x) => [x.id, x]));
  const byAction = new Map(actions.map((x) => [String(x.id), x]));
  const items: AppealView[] = [];
  for (const r of page) {
    const post = byPost.get(r.postId);
    if (!post) continue;
    const a = byAction.get(r.actionRef);
    const u = byUser.get(r.userId);
    items.push({
      appealId: r.id, status: r.status, message: r.message, action: r.action, actionNote: a?.note ?? undefined, actionAt: a?.createdAt.toISOString(),
      post: { postId: post.id, title: post.title, status: postStatus(post), previewThumbnailUrl: signedImageUrl(post.imageId, 'thumb') },
      author: { id: u?.sub ?? '', name: u?.name ?? null },
      decisionNote: r.decisionNote ?? undefined, decidedAt: r.decidedAt?.toISOString(), createdAt: r.createdAt.toISOString(),
    });
  }
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ c: last.createdAt.getTime(), id: last.id }) : undefined };
}

/**
 * A moderator decides an open appeal: uphold keeps the action, reverse restores the post (visible again as its
 * author had published it). Audited; the author is notified either way. A decided appeal is 409.
 */
export async function decideAppeal(admin: Principal, appealId: string, body: AppealDecision): Promise<{ appealId: string; status: AppealStatus; postStatus: string }> {
  if (!['uphold', 'reverse'].includes(body?.decision)) throw invalid('decision', 'uphold or reverse');
  const note = typeof body.note === 'string' ? body.note.trim() : '';
  if (!note || note.length > 1000) throw invalid('note', 'must be 1 to 1000 characters');
  const { db } = services();
  const out = await retryOnDeadlock(() => db.tx(async (t) => {
    const appeal = await ModerationAppeal.findOne({ where: { id: appealId, tenantId: admin.tenantId }, lock: t.LOCK.UPDATE, transaction: t });
    if (!appeal) throw notFound('appeal');
    if (appeal.status !== 'open') throw new AppError('conflict', `The appeal was already ${appeal.status}.`);
    const post = await Post.findOne({ where: { id: appeal.postId, tenantId: admin.tenantId }, lock: t.LOCK.UPDATE, transaction: t });
    if (!post) throw notFound('post');
    const reverse = body.decision === 'reverse';
    const wasDeleted = post.isDeleted;
    if (reverse) {
      await post.update({ isHidden: false, isDeleted: false, hiddenReason: null, listed: post.visibility === 'public' }, { transaction: t });
    }
    const status: AppealStatus = reverse ? 'reversed' : 'upheld';
    await appeal.update({ status, decidedBy: admin.userId, decisionNote: note, decidedAt: new Date() }, { transaction: t });
    const after = postStatus(post);
    await audit(t, admin, `appeal.${body.decision}`, 'post', post.id, note, { appealId: appeal.id, action: appeal.action, after, authorUserId: post.userId });
    await notify(t, {
      tenantId: admin.tenantId, userId: post.userId, type: 'moderation',
      title: reverse ? 'Your appeal was accepted: your post is back' : 'Your appeal was reviewed: the decision stands',
      body: `“${post.title}”: ${note}`.slice(0, 1000), data: { postId: post.id, appealId: appeal.id, decision: body.decision, status: after },
    });
    if (reverse) await emitUserEvent(t, admin.tenantId, post.userId, 'post.moderated', { postId: post.id, action: 'restore', status: after, by: 'appeal' });
    return { result: { appealId: appeal.id, status, postStatus: after }, restoreImage: reverse && wasDeleted && post.listed ? post : null };
  }));
  // A deleted post's public rendition was removed with it: draw it again for the restored post.
  if (out.restoreImage) {
    const post = out.restoreImage;
    const [img, user, config] = await Promise.all([
      GeneratedImage.findByPk(post.imageId), User.findByPk(post.userId, { attributes: ['isPaying'] }), getTenantConfig(post.tenantId),
    ]);
    if (img?.storageKey) {
      const keys = await renderPublic(post.tenantId, post.id, img.storageKey, watermarkText(config, !!user?.isPaying, post.watermark));
      await GeneratedImage.update({ publicKey: keys.image }, { where: { id: img.id } });
    }
  }
  return out.result;
}
