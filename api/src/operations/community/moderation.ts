import { QueryTypes, type Transaction } from 'sequelize';
import { AppError, invalid, notFound } from '../../errors.js';
import { services } from '../../context.js';
import { GeneratedImage, Post, User } from '../../models/index.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import { audit } from '../../admin/audit.js';
import type { Principal } from '../../auth/principal.js';
import { notify } from '../../community/notify.js';
import { toDate } from '../../community/dates.js';
import { deletePublic } from '../../community/public-images.js';
import { retryOnDeadlock } from '../../db.js';
import { signedImageUrl } from '../../storage/signed-urls.js';
import { postStatus } from '../../presenters/community.js';
import { dbDate } from './feed.js';
import { emitUserEvent } from '../../webhooks/events.js';

export type ModerationAction = 'hide' | 'unhide' | 'delete' | 'dismiss';
export interface ModerationItem {
  postId: string; title: string; status: 'listed' | 'private' | 'hidden' | 'deleted'; hiddenReason?: string;
  /** Signed, expiring thumbnail of the original image (works while the post is hidden). */
  previewThumbnailUrl: string;
  author: { id: string; name: string | null };
  openReports: number; reasons: { reason: string; count: number }[];
  recentReports: { reason: string; details?: string; createdAt: string }[];
  firstReportAt: string; lastReportAt: string;
}
export interface ModerationResult { postId: string; action: ModerationAction; status: ModerationItem['status']; closedReports: number }

type Cur = { a: number; id: string };
const isCur = (v: unknown): v is Cur => typeof (v as Cur)?.a === 'number' && typeof (v as Cur)?.id === 'string';

/**
 * The queue: posts with open reports, oldest first report first (FIFO), keyset-paged on (first report time, post id).
 * The first report time of a post never changes while it is in the queue, so new reports never reorder a walk.
 */
export async function moderationQueue(admin: Principal, limitIn?: number, cursor?: string): Promise<{ items: ModerationItem[]; nextCursor?: string }> {
  const limit = parseLimit(limitIn, 20, 100);
  const cur = decodeCursor<Cur>(cursor, isCur);
  const { sequelize } = services().db;
  const r: Record<string, unknown> = { tenant: admin.tenantId, n: limit + 1 };
  let having = '';
  if (cur) { having = 'HAVING MIN(created_at) > :a OR (MIN(created_at) = :a AND post_id > :id)'; r.a = dbDate(cur.a); r.id = cur.id; }
  const groups = (await sequelize.query(`SELECT post_id AS postId, COUNT(*) AS n, MIN(created_at) AS firstAt, MAX(created_at) AS lastAt
    FROM post_reports WHERE tenant_id = :tenant AND status = 'open' GROUP BY post_id ${having}
    ORDER BY MIN(created_at) ASC, post_id ASC LIMIT :n`, { replacements: r, type: QueryTypes.SELECT })) as Record<string, unknown>[];
  const page = groups.slice(0, limit);
  const ids = page.map((g) => String(g.postId));
  if (!ids.length) return { items: [] };
  const [posts, reports] = await Promise.all([
    Post.findAll({ where: { id: ids, tenantId: admin.tenantId } }),
    sequelize.query(`SELECT post_id AS postId, reason, details, created_at AS createdAt FROM post_reports
      WHERE tenant_id = :tenant AND status = 'open' AND post_id IN (:ids) ORDER BY created_at DESC`,
    { replacements: { tenant: admin.tenantId, ids }, type: QueryTypes.SELECT }) as Promise<Record<string, unknown>[]>,
  ]);
  const users = await User.findAll({ where: { id: [...new Set(posts.map((x) => x.userId))] }, attributes: ['id', 'sub', 'name'] });
  const byPost = new Map(posts.map((x) => [x.id, x]));
  const byUser = new Map(users.map((u) => [u.id, u]));
  const items: ModerationItem[] = [];
  for (const g of page) {
    const post = byPost.get(String(g.postId));
    if (!post) continue;
    const mine = reports.filter((x) => x.postId === post.id);
    const counts = new Map<string, number>();
    for (const x of mine) counts.set(String(x.reason), (counts.get(String(x.reason)) ?? 0) + 1);
    const author = byUser.get(post.userId);
    items.push({
      postId: post.id, title: post.title, status: postStatus(post), hiddenReason: post.hiddenReason ?? undefined,
      previewThumbnailUrl: signedImageUrl(post.imageId, 'thumb'), author: { id: author?.sub ?? '', name: author?.name ?? null },
      openReports: Number(g.n), reasons: [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
      recentReports: mine.slice(0, 10).map((x) => ({ reason: String(x.reason), details: (x.details as string | null) ?? undefined, createdAt: toDate(x.createdAt).toISOString() })),
      firstReportAt: toDate(g.firstAt).toISOString(), lastReportAt: toDate(g.lastAt).toISOString(),
    });
  }
  const last = page[page.length - 1];
  return { items, nextCursor: groups.length > limit && last ? encodeCursor({ a: toDate(last.firstAt).getTime(), id: String(last.postId) }) : undefined };
}

const MESSAGES: Record<ModerationAction, string> = {
  hide: 'A moderator hid your post', unhide: 'Your post is visible again', delete: 'A moderator removed your post', dismiss: 'Your post is visible again',
};

/**
 * One moderator decision. hide/delete uphold the open reports (status closed); unhide/dismiss reject them (status
 * dismissed). dismiss also restores a post that was hidden automatically by reports. Every action is audited with
 * the admin and the note, and the author is notified when the post's visibility changed.
 */
export async function moderate(admin: Principal, body: { postId: string; action: ModerationAction; note: string },
  /** Runs inside the decision's transaction (a takedown ticket closed with it). */
  within?: (t: Transaction, post: Post) => Promise<void>): Promise<ModerationResult> {
  if (typeof body.postId !== 'string' || !body.postId || body.postId.length > 40) throw invalid('postId', 'must be a post id');
  if (!['hide', 'unhide', 'delete', 'dismiss'].includes(body.action)) throw invalid('action', 'must be hide, unhide, delete or dismiss');
  const note = typeof body.note === 'string' ? body.note.trim() : '';
  if (!note || note.length > 1000) throw invalid('note', 'must be 1 to 1000 characters');
  const { db } = services();
  const out = await retryOnDeadlock(() => db.tx(async (t) => {
    const post = await Post.findOne({ where: { id: body.postId, tenantId: admin.tenantId }, lock: t.LOCK.UPDATE, transaction: t });
    if (!post) throw notFound('post');
    const before = postStatus(post);
    if (post.isDeleted && body.action !== 'dismiss') throw new AppError('conflict', 'The post is deleted.');
    let changed = false;
    if (body.action === 'hide') {
      changed = !post.isHidden;
      await post.update({ isHidden: true, listed: false, hiddenReason: 'moderator' }, { transaction: t });
    } else if (body.action === 'delete') {
      changed = true;
      await post.update({ isDeleted: true, listed: false, hiddenReason: 'moderator-deleted' }, { transaction: t });
    } else if (body.action === 'unhide' || (body.action === 'dismiss' && post.isHidden && post.hiddenReason === 'reports' && !post.isDeleted)) {
      changed = post.isHidden;
      await post.update({ isHidden: false, hiddenReason: null, listed: post.visibility === 'public' }, { transaction: t });
    }
    const upheld = body.action === 'hide' || body.action === 'delete';
    const [, closed] = (await db.sequelize.query(
      `UPDATE post_reports SET status = :status, open_key = NULL, acted_by = :by, action = :action, updated_at = :now
       WHERE tenant_id = :tenant AND post_id = :post AND status = 'open'`,
      { replacements: { status: upheld ? 'closed' : 'dismissed', by: admin.userId, action: body.action, now: new Date(), tenant: admin.tenantId, post: post.id },
        transaction: t, type: QueryTypes.UPDATE },
    )) as unknown as [unknown, number];
    const after = postStatus(post);
    if (within) await within(t, post);
    await audit(t, admin, `moderation.${body.action}`, 'post', post.id, note, { before, after, closedReports: closed, authorUserId: post.userId });
    if (changed) {
      await notify(t, {
        tenantId: admin.tenantId, userId: post.userId, type: 'moderation', title: MESSAGES[body.action], body: `“${post.title}”: ${note}`.slice(0, 1000),
        data: { postId: post.id, action: body.action, status: after },
      });
      await emitUserEvent(t, admin.tenantId, post.userId, 'post.moderated', { postId: post.id, action: body.action, status: after, by: 'moderator' });
    }
    return { result: { postId: post.id, action: body.action, status: after, closedReports: closed }, imageId: post.imageId };
  }));
  if (body.action === 'delete') {
    const img = await GeneratedImage.findByPk(out.imageId, { attributes: ['publicKey'] });
    await deletePublic(img?.publicKey ?? null);
  }
  return out.result;
}
