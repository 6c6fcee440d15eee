import { AppError } from '../errors.js';
import type { TenantConfig } from './tenant-config.js';

/**
 * The features a partner can switch off, each on its own, with `flags.<feature>: false` in its configuration.
 * A feature is on unless its flag is exactly false, so a partner that never set a flag keeps everything.
 */
export const FEATURES = ['community', 'remix', 'referrals', 'purchases', 'promptEnhancement'] as const;
export type Feature = (typeof FEATURES)[number];

export const featureEnabled = (config: TenantConfig, feature: Feature) => config.flags[feature] !== false;

export function enabledFeatures(config: TenantConfig): Record<Feature, boolean> {
  return Object.fromEntries(FEATURES.map((f) => [f, featureEnabled(config, f)])) as Record<Feature, boolean>;
}

/** 403 feature_disabled, naming the feature so a widget can hide it. */
export class FeatureDisabledError extends AppError {
  constructor(feature: Feature) {
    super('feature_disabled', `This partner has switched off ${feature}.`, { feature });
  }
}
