import { invalid, notFound } from '../../errors.js';
import { services } from '../../context.js';
import { Post, PostReport } from '../../models/index.js';
import { newId } from '../../util/ids.js';
import { consume } from '../../util/rate-limit.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { track } from '../../analytics/track.js';
import type { Principal } from '../../auth/principal.js';
import { notify } from '../../community/notify.js';
import { retryOnDeadlock } from '../../db.js';
import { emitUserEvent } from '../../webhooks/events.js';

export const REPORT_REASONS = ['spam', 'nudity', 'violence', 'hate', 'copyright', 'misleading', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export interface ReportBody { reason: string; details?: string }
export interface ReportResult { reportId: string; status: 'open'; duplicate: boolean; postHidden: boolean }

/**
 * Files a report. One open report per user and post (post_reports.open_key): reporting again while the first is
 * open answers 202 with the same report (idempotent; it is not counted twice). When the post's open reports reach
 * moderation.reportThreshold it is hidden pending review (listed=false, is_hidden, hidden_reason 'reports').
 */
export async function reportPost(p: Principal, postId: string, body: ReportBody): Promise<ReportResult> {
  const said = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (!said || said.length > 200) throw invalid('reason', `one of ${REPORT_REASONS.join(', ')}, or a short reason in words (at most 200 characters)`);
  if (body.details !== undefined && body.details !== null && typeof body.details !== 'string') throw invalid('details', 'must be a string');
  const given = body.details?.trim() || null;
  if (given && given.length > 1000) throw invalid('details', 'must be at most 1000 characters');
  // The spec's body is { reason: string }: a reason outside the list is filed as 'other' with its words kept in the details.
  const reason: ReportReason = (REPORT_REASONS as readonly string[]).includes(said) ? said as ReportReason : 'other';
  const details = reason === said ? given : [said, given].filter(Boolean).join(': ').slice(0, 1000);
  const config = await getTenantConfig(p.tenantId);
  await consume('report', `${p.tenantId}:${p.userId}`, config.limits.reportsPerHour, 3600);
  const { db } = services();
  return retryOnDeadlock(() => db.tx(async (t) => {
    const post = await Post.findOne({ where: { id: postId, tenantId: p.tenantId, listed: true }, lock: t.LOCK.UPDATE, transaction: t });
    if (!post) throw notFound('post');
    const openKey = `${post.id}:${p.userId}`;
    const open = await PostReport.findOne({ where: { openKey }, attributes: ['id'], transaction: t });
    if (open) return { reportId: open.id, status: 'open' as const, duplicate: true, postHidden: false };
    const reportId = newId('rpt');
    await PostReport.create({ id: reportId, tenantId: p.tenantId, postId: post.id, userId: p.userId, reason, details, status: 'open', openKey },
      { transaction: t });
    const openCount = await PostReport.count({ where: { tenantId: p.tenantId, postId: post.id, status: 'open' }, transaction: t });
    let postHidden = false;
    if (openCount >= config.moderation.reportThreshold) {
      await post.update({ isHidden: true, listed: false, hiddenReason: 'reports' }, { transaction: t });
      postHidden = true;
      await notify(t, {
        tenantId: p.tenantId, userId: post.userId, type: 'moderation', title: 'Your post is hidden pending review',
        body: `“${post.title}” was reported by several people and is hidden until a moderator reviews it.`, data: { postId: post.id, action: 'auto-hide' },
      });
      await emitUserEvent(t, p.tenantId, post.userId, 'post.moderated', { postId: post.id, action: 'auto-hide', status: 'hidden', by: 'reports' });
    }
    await track(p.tenantId, p.userId, 'post_reported', { postId: post.id, reason, openReports: openCount, hidden: postHidden }, t);
    return { reportId, status: 'open' as const, duplicate: false, postHidden };
  }));
}
