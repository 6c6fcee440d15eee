import { ownImage } from '../../studio/own-image.js';
import type { Principal } from '../../auth/principal.js';

/** What the studio needs to open a creation again: its prompt, tier, template and watermark choice. */
export async function reopenCreation(p: Principal, imageId: string) {
  const img = await ownImage(p, imageId);
  return { imageId: img.id, prompt: img.promptText, tier: img.tier, templateId: img.templateId ?? undefined, watermark: img.watermark,
    format: img.format ?? 'square' };
}
