import { getTenantConfig } from '../../tenants/config-store.js';
import { TIERS, type TierName } from '../../tenants/tenant-config.js';
import { tierCost } from '../../studio/tiers.js';
import { FORMATS, MAX_COUNT, type FormatName } from '../../studio/formats.js';

export interface FormatTierView {
  tier: TierName;
  /** Pixel size of the stored image in this format and tier (exactly the format's ratio). */
  width: number; height: number;
  /** Current cost of one image (campaign discounts applied); `count` images cost `count` times this. */
  credits: number;
}
export interface FormatView {
  format: FormatName;
  /** Aspect ratio as width:height, e.g. "9:16". */
  ratio: string;
  label: string;
  /** Where the format is used (for the picker's hint). */
  uses: string;
  tiers: FormatTierView[];
}
export interface FormatsResponse { items: FormatView[]; defaultFormat: FormatName; maxCount: number }

/** The studio's formats with each tier's pixel size and cost for this partner (issue 14). */
export async function listFormats(tenantId: string): Promise<FormatsResponse> {
  const config = await getTenantConfig(tenantId);
  const costs = Object.fromEntries(TIERS.map((t) => [t, tierCost(config, t) / 1000])) as Record<TierName, number>;
  return {
    items: FORMATS.map((f) => ({
      format: f.name, ratio: f.ratio.join(':'), label: f.label, uses: f.uses,
      tiers: TIERS.map((t) => ({ tier: t, ...config.studio.formatSizes[t][f.name], credits: costs[t] })),
    })),
    defaultFormat: 'square',
    maxCount: MAX_COUNT,
  };
}
