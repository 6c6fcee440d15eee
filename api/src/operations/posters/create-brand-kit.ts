import { services } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { BrandKit } from '../../models/index.js';
import { validateBrand } from '../../posters/brand.js';
import { sanitiseLogo, type LogoUpload } from '../../posters/logo.js';
import { newId } from '../../util/ids.js';
import { presentBrandKit, type BrandKitView } from '../../presenters/posters.js';
import type { Principal } from '../../auth/principal.js';

export interface CreateBrandKitBody { name: string; colors: { primary: string; secondary: string; text: string }; font: string; logo?: LogoUpload }

export const MAX_BRAND_KITS = 20;

/** Saves a brand kit; the logo (if any) is checked and rasterised first, so a refused logo writes nothing. */
export async function createBrandKit(p: Principal, body: CreateBrandKitBody): Promise<BrandKitView> {
  if (!body || typeof body !== 'object') throw invalid('body', 'must be an object');
  for (const k of Object.keys(body)) if (!['name', 'colors', 'font', 'logo'].includes(k)) throw invalid(k, 'is not a brand kit field');
  const spec = validateBrand(body);
  const logo = body.logo === undefined || body.logo === null ? undefined : await sanitiseLogo(body.logo);
  const count = await BrandKit.count({ where: { tenantId: p.tenantId, userId: p.userId } });
  if (count >= MAX_BRAND_KITS) throw new AppError('conflict', `You can keep at most ${MAX_BRAND_KITS} brand kits; delete one first.`);
  const id = newId('bk');
  const logoKey = logo ? `${p.tenantId}/${p.userId}/brand/${id}.png` : null;
  if (logo && logoKey) await services().storage.put(logoKey, logo, 'image/png');
  const kit = await BrandKit.create({ id, tenantId: p.tenantId, userId: p.userId, name: spec.name, colors: spec.colors, font: spec.font, logoKey });
  return presentBrandKit(kit);
}
