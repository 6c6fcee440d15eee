import type { Transaction } from 'sequelize';
import { Post, PostScoreHistory } from '../models/index.js';

/**
 * Trending score (docs/community.md, "Trending"):
 *
 *   score = log2(1 + likes + 3 * reuses) + (createdAt - 2024-01-01) / 12 h
 *
 * Age enters through the creation time instead of "now", so the score of a post changes only when its own
 * likes or reuses change, and the ordering at any moment equals a decaying "engagement / age" ranking:
 * doubling a post's engagement is worth the same as being 12 hours newer. It is stored scaled by 1e6 and
 * rounded to an integer (exact in a DOUBLE), so cursors compare scores exactly in SQL on every dialect.
 */
export const SCORE_SCALE = 1_000_000;
export const REUSE_WEIGHT = 3;
export const DOUBLING_MS = 12 * 3600 * 1000;
const EPOCH_MS = Date.UTC(2024, 0, 1);

export function trendingScore(likes: number, reuses: number, createdAt: Date): number {
  const engagement = Math.log2(1 + Math.max(0, likes) + REUSE_WEIGHT * Math.max(0, reuses));
  const age = (createdAt.getTime() - EPOCH_MS) / DOUBLING_MS;
  return Math.round((engagement + age) * SCORE_SCALE);
}

export const presentScore = (stored: number) => Math.round(stored) / SCORE_SCALE;

/**
 * Writes new counters of a post whose row the caller holds locked, recomputing its score. When the score
 * moves, the old value is kept in post_score_history with the time of the change, so a trending cursor
 * pinned before the change still orders the post where it was (feed.ts).
 */
export async function updateCounters(t: Transaction, post: Post, fields: { likesCount?: number; reuseCount?: number; rewardTotal?: number }) {
  const likes = fields.likesCount ?? post.likesCount;
  const reuses = fields.reuseCount ?? post.reuseCount;
  const score = trendingScore(likes, reuses, post.createdAt);
  const changes: Record<string, unknown> = { ...fields };
  if (score !== post.trendingScore) {
    const at = new Date();
    await PostScoreHistory.create({ tenantId: post.tenantId, postId: post.id, oldScore: post.trendingScore, changedAt: at }, { transaction: t });
    changes.trendingScore = score;
    changes.scoreChangedAt = at;
  }
  await post.update(changes, { transaction: t });
}
