import { presentCreation, type CreationView } from '../../presenters/studio.js';
import { ownImage } from '../../studio/own-image.js';
import type { Principal } from '../../auth/principal.js';
import { withPosterSources } from '../posters/poster-sources.js';

export async function getCreation(p: Principal, imageId: string): Promise<CreationView> {
  const [view] = await withPosterSources(p.tenantId, [presentCreation(await ownImage(p, imageId))]);
  return view!;
}
