import type { Category, GeneratedImage, GenerationJob, Template } from '../models/index.js';
import { signedImageUrl } from '../storage/signed-urls.js';

export interface CategoryView { id: string; name: string; slug: string; description?: string; style?: string; displayOrder: number }
export interface TemplateView { id: string; title: string; categoryId: string; promptText: string; description?: string; defaultTier: string; displayOrder: number; defaultFormat?: string }
export interface JobView {
  jobId: string; status: 'queued' | 'running' | 'succeeded' | 'failed'; progress: number; imageId: string; creditDebited: number; refunded: boolean;
  imageUrl?: string; thumbnailUrl?: string; error?: string; errorMessage?: string; createdAt: string; finishedAt?: string;
  /** True when the user deleted the creation. */
  deleted?: boolean;
  /** The format and number of images asked for (issue 14). */
  format: string; count: number;
  /** Which provider drew the job's images; `fallbackFrom` names the provider that was unavailable when the fallback drew them. */
  provider?: string; fallbackFrom?: string;
  /** Credits given back when the job settled: failed variations' share and the fallback's lower price (a failed job: `refunded`). */
  refundedCredits: number;
  /** Every image of the job, in order, each a creation of its own. */
  images: JobImageView[];
}
export interface JobImageView {
  imageId: string; status: string; format: string; width: number; height: number; provider?: string; creditsSpent: number;
  imageUrl?: string; thumbnailUrl?: string; deleted?: boolean;
}
export interface CreationView {
  id: string; imageId: string; jobId: string; status: string; prompt: string; tier: string; templateId?: string; width: number; height: number;
  provider?: string; watermark: boolean; creditsSpent: number; billable: boolean; imageUrl?: string; thumbnailUrl?: string; downloadUrl?: string;
  postId?: string; createdAt: string; format: string;
  /** Set when the creation is a poster (operations/posters/poster-sources.ts): its source image and layout. */
  poster?: { posterId: string; sourceImageId: string; sourceThumbnailUrl: string; layout: string; format: string };
}

export const presentCategory = (c: Category): CategoryView => ({
  id: c.id, name: c.name, slug: c.slug, description: c.description ?? undefined, style: c.style ?? undefined, displayOrder: c.displayOrder,
});
export const presentTemplate = (t: Template): TemplateView => ({
  id: t.id, title: t.title, categoryId: t.categoryId, promptText: t.promptText, description: t.description ?? undefined, defaultTier: t.defaultTier,
  displayOrder: t.displayOrder, defaultFormat: t.defaultFormat ?? undefined,
});

export function presentJobImage(i: GeneratedImage): JobImageView {
  const ok = i.status === 'succeeded' && !i.deletedAt;
  return {
    imageId: i.id, status: i.deletedAt ? 'deleted' : i.status, format: i.format ?? 'square', width: i.width, height: i.height, provider: i.provider ?? undefined,
    creditsSpent: i.creditsSpent / 1000, imageUrl: ok ? signedImageUrl(i.id, 'original') : undefined, thumbnailUrl: ok ? signedImageUrl(i.id, 'thumb') : undefined,
    ...(i.deletedAt ? { deleted: true } : {}),
  };
}

/** `images` in job order; the single-image fields (imageId, imageUrl) name the first image that succeeded, else the first. */
export function presentJob(j: GenerationJob, images: GeneratedImage[] = []): JobView {
  const order = j.request.imageIds?.length ? j.request.imageIds : [j.imageId];
  const views = order.map((id) => images.find((i) => i.id === id)).filter((i): i is GeneratedImage => !!i).map(presentJobImage);
  const lead = views.find((v) => v.status === 'succeeded')?.imageId ?? j.imageId;
  const ok = j.status === 'succeeded';
  return {
    format: j.request.format ?? 'square', count: order.length, provider: j.provider ?? undefined, fallbackFrom: j.fallbackFrom ?? undefined,
    refundedCredits: (j.refunded ? j.cost : j.refundMilli ?? 0) / 1000, images: views,
    jobId: j.id, status: j.status, progress: j.progress, imageId: lead, creditDebited: j.cost / 1000, refunded: j.refunded,
    imageUrl: ok ? signedImageUrl(lead, 'original') : undefined,
    thumbnailUrl: ok ? signedImageUrl(lead, 'thumb') : undefined,
    error: j.status === 'failed' ? j.errorCode ?? 'provider_unavailable' : undefined,
    errorMessage: j.status === 'failed' ? publicMessage(j.errorCode) : undefined,
    createdAt: j.createdAt.toISOString(), finishedAt: j.finishedAt?.toISOString(),
  };
}

/** Provider messages may carry internals; users get a fixed sentence per code. */
function publicMessage(code: string | null) {
  if (code === 'content_policy_violation') return 'The image provider refused this prompt under its content policy. Your credits were refunded.';
  return 'The image could not be made right now. Your credits were refunded.';
}

export function presentCreation(i: GeneratedImage): CreationView {
  const ok = i.status === 'succeeded';
  return {
    id: i.id, imageId: i.id, jobId: i.jobId, status: i.status, prompt: i.promptText, tier: i.tier, templateId: i.templateId ?? undefined,
    width: i.width, height: i.height, provider: i.provider ?? undefined, watermark: i.watermark, creditsSpent: i.creditsSpent / 1000, billable: i.billable,
    imageUrl: ok ? signedImageUrl(i.id, 'original') : undefined,
    thumbnailUrl: ok ? signedImageUrl(i.id, 'thumb') : undefined,
    downloadUrl: ok ? signedImageUrl(i.id, 'original', { download: true }) : undefined,
    postId: i.publishedPostId ?? undefined, createdAt: i.createdAt.toISOString(), format: i.format ?? 'square',
  };
}
