import { presentCreation, type CreationView } from '../../presenters/studio.js';
import { ownImage } from '../../studio/own-image.js';
import type { Principal } from '../../auth/principal.js';

export async function getCreation(p: Principal, imageId: string): Promise<CreationView> {
  return presentCreation(await ownImage(p, imageId));
}
