import { Router } from 'express';
import { GeneratedImage, Post } from '../models/index.js';
import { services } from '../context.js';
import { AppError, sendProblem } from '../errors.js';
import { applyWatermark, makeThumbnail, THUMBNAIL_CONTENT_TYPE } from '../images/index.js';
import type { TenantConfig } from '../tenants/tenant-config.js';

/** Public URLs of a listed post's rendition (no signature: public posts are public, CONTRACT.md). */
export const publicImageUrl = (postId: string) => `${services().config.publicUrl}/api/public/posts/${encodeURIComponent(postId)}/image`;
export const publicThumbUrl = (postId: string) => `${publicImageUrl(postId)}?variant=thumb`;

export const publicKeys = (tenantId: string, postId: string) => ({ image: `public/${tenantId}/${postId}.png`, thumb: `public/${tenantId}/${postId}.thumb.webp` });
const thumbKeyOf = (publicKey: string) => publicKey.replace(/\.png$/, '.thumb.webp');

/**
 * Which text the public rendition carries (null: none). Free users (never bought credits) always get the
 * partner's default watermark. Paying users choose: on (the image's flag, or `watermark` sent on publish)
 * shows the partner's custom branding text when the config has one (watermark.brandingText), else the default;
 * off shows nothing.
 */
export function watermarkText(config: TenantConfig, isPaying: boolean, wanted: boolean): string | null {
  const w = config.watermark;
  const def = w.defaultText?.trim() || 'Made with Community AI Studio';
  if (!isPaying) return def;
  if (!wanted) return null;
  return w.brandingText?.trim() || def;
}

/** Renders and stores the public PNG and its WebP thumbnail; returns the keys written. */
export async function renderPublic(tenantId: string, postId: string, originalKey: string, text: string | null) {
  const storage = services().storage;
  const original = await storage.get(originalKey);
  if (!original) throw new AppError('conflict', 'The image file is missing; it cannot be published.');
  const png = text ? await applyWatermark(original, { text }) : original;
  const keys = publicKeys(tenantId, postId);
  await storage.put(keys.image, png, 'image/png');
  await storage.put(keys.thumb, await makeThumbnail(png), THUMBNAIL_CONTENT_TYPE);
  return keys;
}

export async function deletePublic(publicKey: string | null) {
  if (!publicKey) return;
  const storage = services().storage;
  await Promise.all([storage.delete(publicKey), storage.delete(thumbKeyOf(publicKey))]).catch(() => undefined);
}

/** GET /api/public/posts/{postId}/image[?variant=thumb]: bytes of a listed post; hidden, deleted and private posts are 404. */
export function publicImagesRouter() {
  const r = Router();
  r.get('/api/public/posts/:postId/image', async (req, res, next) => {
    try {
      const variant = req.query.variant ?? 'original';
      if (variant !== 'original' && variant !== 'thumb') return sendProblem(res, new AppError('not_found', 'No such image variant.'));
      const post = await Post.findOne({ where: { id: req.params.postId, listed: true }, attributes: ['id', 'imageId'] });
      const img = post ? await GeneratedImage.findOne({ where: { id: post.imageId, deletedAt: null }, attributes: ['publicKey'] }) : null;
      const key = img?.publicKey ? (variant === 'thumb' ? thumbKeyOf(img.publicKey) : img.publicKey) : null;
      const bytes = key ? await services().storage.get(key) : null;
      if (!bytes) return sendProblem(res, new AppError('not_found', 'No such public post image.'));
      res.setHeader('Content-Type', variant === 'thumb' ? THUMBNAIL_CONTENT_TYPE : 'image/png');
      // Short public caching: a post hidden by a moderator stops being served within minutes everywhere.
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.send(bytes);
    } catch (err) {
      next(err);
    }
  });
  return r;
}
