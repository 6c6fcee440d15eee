import sharp from 'sharp';
import { services } from '../../src/context.js';
import { GeneratedImage, GenerationJob, Post, User } from '../../src/models/index.js';
import { newId } from '../../src/util/ids.js';
import { trendingScore } from '../../src/community/scoring.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';
import type { TestServer } from './harness.js';

/** Community test helpers: rows made directly in the database where running real generations would only cost time. */
export async function ensureUser(s: TestServer, sub: string, claims: Record<string, unknown> = {}): Promise<{ id: string; token: string }> {
  const token = s.token(sub, claims);
  await s.call('GET', '/api/notifications?limit=1', { token });
  const u = await User.findOne({ where: { tenantId: DEFAULT_TENANT_ID, sub } });
  if (!u) throw new Error(`user ${sub} was not created`);
  return { id: u.id, token };
}

let png: Buffer | undefined;
async function smallPng() {
  png ??= await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 40, g: 120, b: 200 } } }).png().toBuffer();
  return png;
}

export interface ImageOpts { status?: string; billable?: boolean; creditsSpent?: number; createdAt?: Date; file?: boolean; refunded?: boolean; watermark?: boolean; prompt?: string }

/** A generated image (and its job) as a finished generation leaves them; `file` stores real PNG bytes for publishing. */
export async function makeImage(userId: string, o: ImageOpts = {}): Promise<GeneratedImage> {
  const id = newId('img');
  const jobId = newId('job');
  let storageKey: string | null = null;
  let thumbKey: string | null = null;
  if (o.file) {
    storageKey = `test/${id}.png`;
    thumbKey = `test/${id}.thumb.webp`;
    await services().storage.put(storageKey, await smallPng(), 'image/png');
    await services().storage.put(thumbKey, await sharp(await smallPng()).webp().toBuffer(), 'image/webp');
  }
  const at = o.createdAt ?? new Date();
  const status = o.status ?? 'succeeded';
  await GenerationJob.create({ id: jobId, tenantId: DEFAULT_TENANT_ID, userId, imageId: id, status: status === 'succeeded' ? 'succeeded' : 'failed', progress: 100,
    attempts: 1, maxAttempts: 3, cost: o.creditsSpent ?? 1000, refunded: o.refunded ?? false, request: { prompt: o.prompt ?? 'a red fox in snow', tier: 'standard', watermark: true, width: 64, height: 64 },
    createdAt: at, updatedAt: at });
  return GeneratedImage.create({ id, tenantId: DEFAULT_TENANT_ID, userId, jobId, templateId: null, promptText: o.prompt ?? 'a red fox in snow', tier: 'standard',
    width: 64, height: 64, provider: 'local', status, watermark: o.watermark ?? true, storageKey, thumbKey, creditsSpent: o.creditsSpent ?? 1000,
    billable: o.billable ?? true, createdAt: at, updatedAt: at });
}

/** A listed public post inserted directly (as publish would leave it, minus the rendition), for feed and reward volume. */
export async function insertPost(userId: string, o: { createdAt?: Date; categoryId: string; likes?: number; reuses?: number; title?: string }): Promise<Post> {
  const img = await makeImage(userId, { createdAt: o.createdAt });
  const at = o.createdAt ?? new Date();
  const likes = o.likes ?? 0;
  const reuses = o.reuses ?? 0;
  const post = await Post.create({
    id: newId('post'), tenantId: DEFAULT_TENANT_ID, imageId: img.id, userId, title: o.title ?? 'A post', categoryId: o.categoryId, tags: [], promptText: img.promptText,
    likesCount: likes, reuseCount: reuses, rewardTotal: 0, visibility: 'public', isHidden: false, isDeleted: false, listed: true,
    trendingScore: trendingScore(likes, reuses, at), scoreChangedAt: new Date(0), watermark: true, hiddenReason: null, createdAt: at, updatedAt: at,
  });
  await img.update({ publishedPostId: post.id });
  return post;
}

export async function firstCategory(s: TestServer, token: string): Promise<string> {
  const r = await s.call('GET', '/api/studio/categories', { token });
  return r.body.items[0].id as string;
}
