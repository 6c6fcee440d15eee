import { Op } from 'sequelize';
import { Post, TakedownRequest, User, type TakedownStatus } from '../../models/index.js';
import { services } from '../../context.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { newId } from '../../util/ids.js';
import { consume } from '../../util/rate-limit.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import { audit } from '../../admin/audit.js';
import { retryOnDeadlock } from '../../db.js';
import { isPrincipal, type Caller, type Principal } from '../../auth/principal.js';
import { signedImageUrl } from '../../storage/signed-urls.js';
import { postStatus } from '../../presenters/community.js';
import { moderate } from './moderation.js';

export const TAKEDOWN_REASONS = ['copyright', 'privacy', 'impersonation', 'sexual', 'violence', 'hate', 'illegal', 'other'] as const;
export type TakedownReason = (typeof TAKEDOWN_REASONS)[number];
/** Takedown requests one address may file per hour and partner (a public form: no account to charge). */
export const TAKEDOWNS_PER_HOUR = 5;

export interface TakedownBody {
  /** The post, when the requester knows its id; otherwise `url`. */
  postId?: string;
  /** A link to the post (its share page or public image); used to find the post when `postId` is absent. */
  url?: string;
  reason: TakedownReason;
  /** Where the moderators answer (a valid email address). */
  contactEmail: string;
  /** What is wrong and why (at most 2000 characters). */
  details?: string;
}
export interface TakedownTicket { ticketId: string; status: TakedownStatus; postId?: string }
export interface TakedownView {
  ticketId: string; status: TakedownStatus; reason: string; contactEmail: string; details?: string; url?: string;
  post?: { postId: string; title: string; status: 'listed' | 'private' | 'hidden' | 'deleted'; previewThumbnailUrl: string; author: { id: string; name: string | null } };
  decisionNote?: string; decidedAt?: string; createdAt: string;
}
export interface TakedownDecision { action: 'hide' | 'delete' | 'reject'; /** Why (1..1000 characters), audited. */ note: string }

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const POST_IN_URL = [/\/share\/([\w-]{1,40})(?:[/?#]|$)/, /\/api\/public\/posts\/([\w-]{1,40})\//, /[?&#]post(?:Id)?=([\w-]{1,40})/];

/** The post a takedown URL names, when it is one of this deployment's share, image or widget links. */
export function postIdFromUrl(url: string): string | undefined {
  for (const re of POST_IN_URL) {
    const m = re.exec(url);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * A takedown request from anyone (no account needed): validated, rate-limited per address (or signed-in user), stored as an open ticket that
 * the partner's moderators see beside the moderation queue. A post id that is not a post of this partner is 404.
 */
export async function fileTakedown(v: Caller, body: TakedownBody): Promise<TakedownTicket> {
  const reason = body?.reason;
  if (!(TAKEDOWN_REASONS as readonly unknown[]).includes(reason)) throw invalid('reason', `one of ${TAKEDOWN_REASONS.join(', ')}`);
  const email = typeof body.contactEmail === 'string' ? body.contactEmail.trim() : '';
  if (email.length > 191 || !EMAIL.test(email)) throw invalid('contactEmail', 'a valid email address');
  if (body.details !== undefined && (typeof body.details !== 'string' || body.details.length > 2000)) throw invalid('details', 'at most 2000 characters');
  if (body.postId !== undefined && (typeof body.postId !== 'string' || !/^[\w-]{1,40}$/.test(body.postId))) throw invalid('postId', 'a post id');
  let url: string | undefined;
  if (body.url !== undefined) {
    if (typeof body.url !== 'string' || body.url.length > 500) throw invalid('url', 'a URL of at most 500 characters');
    try {
      const u = new URL(body.url);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
    } catch { throw invalid('url', 'an http(s) URL'); }
    url = body.url;
  }
  if (!body.postId && !url) throw invalid('postId', 'postId or url is required');
  let postId = body.postId;
  if (postId) {
    if (!(await Post.findOne({ where: { id: postId, tenantId: v.tenantId }, attributes: ['id'] }))) throw notFound('post');
  } else {
    const named = postIdFromUrl(url!);
    if (named && (await Post.findOne({ where: { id: named, tenantId: v.tenantId }, attributes: ['id'] }))) postId = named;
  }
  await consume('takedown', `${v.tenantId}:${isPrincipal(v) ? v.userId : `ip:${v.ip ?? 'unknown'}`}`, TAKEDOWNS_PER_HOUR, 3600);
  const ticketId = newId('tkd');
  await TakedownRequest.create({
    id: ticketId, tenantId: v.tenantId, postId: postId ?? null, url: url ?? null, reason, contactEmail: email,
    details: body.details?.trim() || null, status: 'open', ip: v.ip ?? null,
  });
  return { ticketId, status: 'open', postId };
}

type Cur = { c: number; id: string };
const isCur = (x: unknown): x is Cur => typeof (x as Cur)?.c === 'number' && typeof (x as Cur)?.id === 'string';

/** Takedown tickets of the partner (open ones by default), oldest first, with the post they name. */
export async function listTakedowns(admin: Principal, q: { status?: TakedownStatus; limit?: number; cursor?: string }): Promise<{ items: TakedownView[]; nextCursor?: string }> {
  const status = q.status ?? 'open';
  if (!['open', 'actioned', 'rejected'].includes(status)) throw invalid('status', 'open, actioned or rejected');
  const limit = parseLimit(q.limit, 20, 100);
  const cur = decodeCursor<Cur>(q.cursor, isCur);
  const where: Record<string | symbol, unknown> = { tenantId: admin.tenantId, status };
  if (cur) where[Op.or] = [{ createdAt: { [Op.gt]: new Date(cur.c) } }, { createdAt: new Date(cur.c), id: { [Op.gt]: cur.id } }];
  const rows = await TakedownRequest.findAll({ where, order: [['createdAt', 'ASC'], ['id', 'ASC']], limit: limit + 1 });
  const page = rows.slice(0, limit);
  const posts = await Post.findAll({ where: { tenantId: admin.tenantId, id: page.map((r) => r.postId).filter((x): x is string => !!x) } });
  const users = await User.findAll({ where: { id: [...new Set(posts.map((p) => p.userId))] }, attributes: ['id', 'sub', 'name'] });
  const byPost = new Map(posts.map((p) => [p.id, p]));
  const byUser = new Map(users.map((u) => [u.id, u]));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const p = r.postId ? byPost.get(r.postId) : undefined;
      const a = p ? byUser.get(p.userId) : undefined;
      return {
        ticketId: r.id, status: r.status, reason: r.reason, contactEmail: r.contactEmail, details: r.details ?? undefined, url: r.url ?? undefined,
        post: p ? { postId: p.id, title: p.title, status: postStatus(p), previewThumbnailUrl: signedImageUrl(p.imageId, 'thumb'), author: { id: a?.sub ?? '', name: a?.name ?? null } } : undefined,
        decisionNote: r.decisionNote ?? undefined, decidedAt: r.decidedAt?.toISOString(), createdAt: r.createdAt.toISOString(),
      };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor({ c: last.createdAt.getTime(), id: last.id }) : undefined,
  };
}

/**
 * A moderator's decision on a ticket: hide or delete the post it names (the moderation action itself, audited, the
 * author notified and able to appeal) or reject the request. The ticket closes in the same transaction; a ticket
 * already decided is 409, a ticket without a post can only be rejected (400).
 */
export async function decideTakedown(admin: Principal, ticketId: string, body: TakedownDecision): Promise<{ ticketId: string; status: TakedownStatus; postStatus?: string }> {
  if (!['hide', 'delete', 'reject'].includes(body?.action)) throw invalid('action', 'hide, delete or reject');
  const note = typeof body.note === 'string' ? body.note.trim() : '';
  if (!note || note.length > 1000) throw invalid('note', 'must be 1 to 1000 characters');
  const ticket = await TakedownRequest.findOne({ where: { id: ticketId, tenantId: admin.tenantId } });
  if (!ticket) throw notFound('takedown request');
  if (ticket.status !== 'open') throw new AppError('conflict', `The request was already ${ticket.status}.`);
  const close = async (t: import('sequelize').Transaction, status: TakedownStatus) => {
    const [n] = await TakedownRequest.update({ status, decidedBy: admin.userId, decisionNote: note, decidedAt: new Date() },
      { where: { id: ticket.id, status: 'open' }, transaction: t });
    if (!n) throw new AppError('conflict', 'The request was decided meanwhile.');
  };
  if (body.action === 'reject') {
    await retryOnDeadlock(() => services().db.tx(async (t) => {
      await close(t, 'rejected');
      await audit(t, admin, 'takedown.reject', 'takedown', ticket.id, note, { postId: ticket.postId });
    }));
    return { ticketId: ticket.id, status: 'rejected' };
  }
  if (!ticket.postId) throw invalid('action', 'this request names no post of the partner: it can only be rejected (act on the post from the queue)');
  const r = await moderate(admin, { postId: ticket.postId, action: body.action, note }, async (t) => {
    await close(t, 'actioned');
    await audit(t, admin, `takedown.${body.action}`, 'takedown', ticket.id, note, { postId: ticket.postId });
  });
  return { ticketId: ticket.id, status: 'actioned', postStatus: r.status };
}
