import { publicImageUrl, publicThumbUrl } from '../community/public-images.js';
import { presentScore } from '../community/scoring.js';
import { signedImageUrl } from '../storage/signed-urls.js';

export interface AuthorView { /** The partner's user id (JWT sub). */ id: string; name: string | null }
export interface CardView {
  postId: string;
  /** The same as postId (the spec's data model names a post's key `id`). */
  id: string;
  title: string;
  /** Public URLs of the post's rendition (watermark rules applied); signed private URLs when the author views an unlisted post. */
  thumbnailUrl: string; imageUrl: string;
  author: AuthorView; categoryId: string; tags: string[]; likes: number;
  /** The same as likes (the spec's likes_count). */
  likesCount: number;
  reuseCount: number;
  /** Whether the signed-in caller likes it (always false for visitors). */
  likedByMe: boolean;
  visibility: 'public' | 'private'; createdAt: string;
  /** The stored trending score (docs/community.md): log2(1 + likes + 3 reuses) + age term. */
  trendingScore: number;
}
export interface PostView extends CardView {
  prompt: string;
  status: 'listed' | 'private' | 'hidden' | 'deleted';
  hiddenReason?: string;
  /** Credits the author earned from remixes of this post. */
  rewardCredits?: number;
}

/** A post row as the feed's raw SQL reads it (snake or camel keys normalised by the caller). */
export interface CardRow {
  id: string; imageId: string; title: string; categoryId: string; tags: string[]; likesCount: number; reuseCount: number; visibility: string;
  listed: boolean; trendingScore: number; createdAt: Date; authorSub: string; authorName: string | null;
}

export function presentCard(r: CardRow, likedByMe: boolean): CardView {
  const pub = r.listed;
  return {
    postId: r.id, id: r.id, title: r.title,
    thumbnailUrl: pub ? publicThumbUrl(r.id) : signedImageUrl(r.imageId, 'thumb'),
    imageUrl: pub ? publicImageUrl(r.id) : signedImageUrl(r.imageId, 'original'),
    author: { id: r.authorSub, name: r.authorName }, categoryId: r.categoryId, tags: r.tags, likes: r.likesCount, likesCount: r.likesCount, reuseCount: r.reuseCount,
    likedByMe, visibility: r.visibility === 'private' ? 'private' : 'public', createdAt: r.createdAt.toISOString(), trendingScore: presentScore(r.trendingScore),
  };
}

export const postStatus = (p: { isDeleted: boolean; isHidden: boolean; visibility: string }): PostView['status'] =>
  p.isDeleted ? 'deleted' : p.isHidden ? 'hidden' : p.visibility === 'private' ? 'private' : 'listed';

export function parseTags(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') {
    try { const a = JSON.parse(v); return Array.isArray(a) ? a.map(String) : []; } catch { return []; }
  }
  return [];
}
