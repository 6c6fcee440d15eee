import { getTenantConfig } from '../../tenants/config-store.js';
import { featureEnabled, FeatureDisabledError, type Feature } from '../../tenants/features.js';

/** First step of each route of a feature a partner can switch off: 403 feature_disabled when it is off. */
export async function requireFeature(tenantId: string, feature: Feature): Promise<void> {
  if (!featureEnabled(await getTenantConfig(tenantId), feature)) throw new FeatureDisabledError(feature);
}
