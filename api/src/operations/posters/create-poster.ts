import { services } from '../../context.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { BrandKit, GeneratedImage, Poster, User } from '../../models/index.js';
import { makeThumbnail, THUMBNAIL_CONTENT_TYPE } from '../../images/index.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { shareLinkFor } from '../../referrals/share-link.js';
import { watermarkText } from '../../community/public-images.js';
import { ownImage } from '../../studio/own-image.js';
import { newId } from '../../util/ids.js';
import { logger } from '../../logger.js';
import { brandStyle, BUILTIN_BRAND } from '../../posters/brand.js';
import { closestFormat, isPosterFormat, FORMAT_NAMES, type PosterFormat } from '../../posters/formats.js';
import { isLayout, LAYOUTS } from '../../posters/layouts.js';
import { composePoster } from '../../posters/render.js';
import { validateText, type PosterText } from '../../posters/text.js';
import { presentPoster, type PosterView } from '../../presenters/posters.js';
import type { Principal } from '../../auth/principal.js';

export interface CreatePosterBody {
  imageId: string; layout: string; text: PosterText; brand?: { brandKitId?: string }; qr?: 'referral' | 'none'; format?: string;
}

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** Checks the whole request before anything is read or written. */
export function validatePosterBody(body: CreatePosterBody) {
  if (!body || typeof body !== 'object') throw invalid('body', 'must be an object');
  if (typeof body.imageId !== 'string' || !ID.test(body.imageId)) throw invalid('imageId', 'must be an image id');
  if (!isLayout(body.layout)) throw invalid('layout', `must be one of ${LAYOUTS.join(', ')}`);
  if (body.format !== undefined && !isPosterFormat(body.format)) throw invalid('format', `must be one of ${FORMAT_NAMES.join(', ')}`);
  if (body.qr !== undefined && body.qr !== 'referral' && body.qr !== 'none') throw invalid('qr', 'must be "referral" or "none"');
  const text = validateText(body.text);
  if (body.layout === 'price-burst' && !text.price) throw invalid('text.price', 'is required by the price-burst layout');
  let brandKitId: string | undefined;
  if (body.brand !== undefined) {
    if (!body.brand || typeof body.brand !== 'object' || Array.isArray(body.brand)) throw invalid('brand', 'must be {brandKitId}');
    if (body.brand.brandKitId !== undefined && (typeof body.brand.brandKitId !== 'string' || !ID.test(body.brand.brandKitId))) throw invalid('brand.brandKitId', 'must be a brand kit id');
    brandKitId = body.brand.brandKitId;
  }
  return { imageId: body.imageId, layout: body.layout, format: body.format as PosterFormat | undefined, text, qr: body.qr === 'referral', brandKitId };
}

/**
 * Composes a poster over the caller's own succeeded image, inline (about 0.3–0.8 s of CPU per poster, measured in
 * docs/posters.md). Free: no credits move. The poster is a creation of its own (generated_images, provider 'poster'),
 * publishable like any other; the posters row keeps its source image. Composing over a poster reuses that poster's
 * background, so re-composing never stacks text on text.
 */
export async function createPoster(p: Principal, body: CreatePosterBody): Promise<PosterView> {
  const req = validatePosterBody(body);
  let source = await ownImage(p, req.imageId);
  if (source.status !== 'succeeded' || !source.storageKey) throw invalid('imageId', 'only a successfully generated image can be made into a poster');
  const earlier = await Poster.findOne({ where: { imageId: source.id, tenantId: p.tenantId } });
  if (earlier) {
    const bg = await GeneratedImage.findOne({ where: { id: earlier.sourceImageId, userId: p.userId, tenantId: p.tenantId, deletedAt: null } });
    if (!bg || bg.status !== 'succeeded' || !bg.storageKey) throw invalid('imageId', 'the background of this poster was deleted');
    source = bg;
  }
  const config = await getTenantConfig(p.tenantId);
  let kit = config.posters?.defaultBrandKit ?? BUILTIN_BRAND;
  let logo: Buffer | undefined;
  if (req.brandKitId) {
    const row = await BrandKit.findOne({ where: { id: req.brandKitId, userId: p.userId, tenantId: p.tenantId } });
    if (!row) throw notFound('brand kit');
    kit = { name: row.name, colors: row.colors, font: row.font as typeof kit.font };
    if (row.logoKey) logo = (await services().storage.get(row.logoKey)) ?? undefined;
  }
  const user = await User.findByPk(p.userId, { attributes: ['isPaying', 'referralCode'] });
  const background = await services().storage.get(source.storageKey!);
  if (!background) throw new AppError('conflict', 'The image file is missing; it cannot be made into a poster.');
  const format = req.format ?? closestFormat(source.width, source.height);
  const started = Date.now();
  const out = await composePoster({
    background, format, layout: req.layout, text: req.text, brand: brandStyle(kit), logo,
    qrUrl: req.qr && user ? await shareLinkFor(p.tenantId, user.referralCode) : undefined,
    // Free-tier rule (community/public-images.ts): users who never bought credits always carry the partner's mark.
    watermarkText: user?.isPaying ? null : watermarkText(config, false, true),
  });
  logger().info({ layout: req.layout, format, ms: Date.now() - started }, 'poster rendered');

  const imageId = newId('img');
  const posterId = newId('pst');
  const base = `${p.tenantId}/${p.userId}/${imageId}`;
  const storage = services().storage;
  await storage.put(`${base}.png`, out.png, 'image/png');
  await storage.put(`${base}.thumb.webp`, await makeThumbnail(out.png), THUMBNAIL_CONTENT_TYPE);
  const { db } = services();
  const { image, poster } = await db.tx(async (t) => {
    const image = await GeneratedImage.create({
      id: imageId, tenantId: p.tenantId, userId: p.userId, jobId: source.jobId, templateId: source.templateId, promptText: source.promptText,
      tier: source.tier, width: out.width, height: out.height, format, provider: 'poster', status: 'succeeded', watermark: source.watermark,
      storageKey: `${base}.png`, thumbKey: `${base}.thumb.webp`, creditsSpent: 0, billable: false,
    }, { transaction: t });
    const poster = await Poster.create({
      id: posterId, tenantId: p.tenantId, userId: p.userId, imageId, sourceImageId: source.id, layout: req.layout, format,
      text: req.text, brandKitId: req.brandKitId ?? null, qr: req.qr, createdAt: new Date(),
    }, { transaction: t });
    return { image, poster };
  });
  return presentPoster(poster, image);
}
