import { getTenantConfig } from '../../tenants/config-store.js';
import { enabledFeatures } from '../../tenants/features.js';
import { listTiers, type TierView } from './list-tiers.js';

export interface StudioSettings {
  /** Which features the partner offers; a widget hides what is off instead of calling routes that answer 403 feature_disabled. */
  features: { community: boolean; remix: boolean; referrals: boolean; purchases: boolean; promptEnhancement: boolean };
  /** The quality tiers with their current cost and output size. */
  tiers: TierView[];
  /** Output formats of generated images. */
  formats: string[];
  /** The partner's defaults for the widgets' language, number and date formatting. */
  locale: { default: string; currency: string; timezone: string };
}

/** What the widgets need to know before the user signs in: public, with the partner's publishable key. */
export async function getStudioSettings(tenantId: string): Promise<StudioSettings> {
  const config = await getTenantConfig(tenantId);
  return {
    features: enabledFeatures(config),
    tiers: (await listTiers(tenantId)).items,
    formats: ['png'],
    locale: { default: config.defaultLocale, currency: config.pricing.currency, timezone: config.timezone },
  };
}
