import type { BrandKit, GeneratedImage, Poster } from '../models/index.js';
import { signedImageUrl } from '../storage/signed-urls.js';

export interface PosterView {
  posterId: string;
  /** The poster's own creation (publish it with this id). */
  imageId: string; imageUrl: string; thumbnailUrl: string; downloadUrl: string;
  sourceImageId: string; layout: string; format: string; width: number; height: number;
  text: { headline: string; subline?: string; cta?: string; price?: string }; brandKitId?: string; qr: 'referral' | 'none'; createdAt: string;
}
export interface BrandKitView {
  id: string; name: string; colors: { primary: string; secondary: string; text: string }; font: string; hasLogo: boolean; createdAt: string;
}

export function presentPoster(p: Poster, img: GeneratedImage): PosterView {
  return {
    posterId: p.id, imageId: img.id, imageUrl: signedImageUrl(img.id, 'original'), thumbnailUrl: signedImageUrl(img.id, 'thumb'),
    downloadUrl: signedImageUrl(img.id, 'original', { download: true }), sourceImageId: p.sourceImageId, layout: p.layout, format: p.format,
    width: img.width, height: img.height, text: p.text as PosterView['text'], brandKitId: p.brandKitId ?? undefined, qr: p.qr ? 'referral' : 'none',
    createdAt: p.createdAt.toISOString(),
  };
}

export const presentBrandKit = (k: BrandKit): BrandKitView => ({
  id: k.id, name: k.name, colors: k.colors, font: k.font, hasLogo: !!k.logoKey, createdAt: k.createdAt.toISOString(),
});
