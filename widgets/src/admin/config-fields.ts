/**
 * What the configuration form shows: sections of labelled fields over the admin API's config (credits as credits,
 * money in rupees), with the same bounds the API validates, so most mistakes are caught beside the field before
 * saving. Labels and help text are message keys (shared/i18n-config.ts), so they are localised like the rest.
 */
import type { MessageKey } from '../shared/i18n.js';

export type FieldKind = 'number' | 'int' | 'text' | 'bool' | 'nullableNumber' | 'datetime' | 'lines';
export interface FieldDef { path: string; kind: FieldKind; label: MessageKey; help?: MessageKey; min?: number; max?: number; optional?: boolean }
export interface RowColumn { key: string; kind: FieldKind; label: MessageKey; min?: number; max?: number; optional?: boolean }
export interface SectionDef {
  id: string; title: MessageKey; help?: MessageKey;
  fields?: FieldDef[];
  /** An editable list of records (packs, campaigns, price bands as name/price pairs). */
  rows?: { path: string; columns: RowColumn[]; add: MessageKey; map?: boolean };
}

export const FEATURE_FLAGS = ['community', 'remix', 'referrals', 'purchases', 'promptEnhancement'] as const;

export const SECTIONS: SectionDef[] = [
  {
    id: 'prices', title: 'cfgPrices', help: 'cfgPricesHelp',
    rows: { path: 'pricing.bands', map: true, add: 'cfgAddBand', columns: [
      { key: 'name', kind: 'text', label: 'cfgBandName' }, { key: 'price', kind: 'number', label: 'cfgBandPrice', min: 0.01, max: 100000 }] },
    fields: [
      { path: 'pricing.defaultBand', kind: 'text', label: 'cfgDefaultBand', help: 'cfgDefaultBandHelp' },
      { path: 'pricing.minQuantity', kind: 'int', label: 'cfgMinQuantity', min: 1, max: 1000000 },
      { path: 'pricing.maxQuantity', kind: 'int', label: 'cfgMaxQuantity', min: 1, max: 1000000 },
    ],
  },
  {
    id: 'packs', title: 'cfgPacks', help: 'cfgPacksHelp',
    rows: { path: 'pricing.packs', add: 'cfgAddPack', columns: [
      { key: 'id', kind: 'text', label: 'cfgPackId' }, { key: 'credits', kind: 'int', label: 'cfgPackCredits', min: 1, max: 1000000 },
      { key: 'discountPercent', kind: 'number', label: 'cfgPackDiscount', min: 0, max: 90 }] },
  },
  {
    id: 'tiers', title: 'cfgTiers', help: 'cfgTiersHelp',
    fields: (['standard', 'premium2', 'premium4'] as const).flatMap((t) => [
      { path: `tiers.${t}.label`, kind: 'text' as const, label: 'cfgTierName' as MessageKey },
      { path: `tiers.${t}.credits`, kind: 'number' as const, label: 'cfgTierCredits' as MessageKey, min: 0.001, max: 1000 },
      { path: `tiers.${t}.width`, kind: 'int' as const, label: 'cfgTierWidth' as MessageKey, min: 64, max: 4096 },
      { path: `tiers.${t}.height`, kind: 'int' as const, label: 'cfgTierHeight' as MessageKey, min: 64, max: 4096 },
    ]),
  },
  {
    id: 'rewards', title: 'cfgRewards', help: 'cfgRewardsHelp',
    fields: [
      { path: 'rewards.reuseReward', kind: 'number', label: 'cfgReuseReward', help: 'cfgReuseRewardHelp', min: 0, max: 1000 },
      { path: 'rewards.perAssetCap', kind: 'number', label: 'cfgPerAssetCap', help: 'cfgPerAssetCapHelp', min: 0, max: 1000000 },
      { path: 'rewards.perCreatorDailyCap', kind: 'number', label: 'cfgPerCreatorDailyCap', help: 'cfgPerCreatorDailyCapHelp', min: 0, max: 1000000 },
      { path: 'referral.refereeBonus', kind: 'number', label: 'cfgRefereeBonus', min: 0, max: 1000000 },
      { path: 'referral.referrerBonus', kind: 'number', label: 'cfgReferrerBonus', min: 0, max: 1000000 },
      { path: 'referral.milestoneBonus', kind: 'number', label: 'cfgMilestoneBonus', help: 'cfgMilestoneBonusHelp', min: 0, max: 1000000 },
      { path: 'referral.milestoneEvery', kind: 'int', label: 'cfgMilestoneEvery', min: 1, max: 10000 },
      { path: 'referral.lifetimeCapReferrals', kind: 'int', label: 'cfgReferralCap', help: 'cfgReferralCapHelp', min: 0, max: 1000000 },
    ],
  },
  {
    id: 'caps', title: 'cfgCaps', help: 'cfgCapsHelp',
    fields: [
      { path: 'monthlySpendCap', kind: 'nullableNumber', label: 'cfgMonthlyCap', help: 'cfgMonthlyCapHelp', min: 0.001, max: 1000000 },
      { path: 'welcomeGrant', kind: 'number', label: 'cfgWelcomeGrant', help: 'cfgWelcomeGrantHelp', min: 0, max: 1000 },
    ],
  },
  {
    id: 'analytics', title: 'cfgAnalytics', help: 'cfgAnalyticsHelp',
    fields: [
      { path: 'acquisition.costPerUser', kind: 'number', label: 'cfgCostPerUser', help: 'cfgCostPerUserHelp', min: 0, max: 1000000 },
      { path: 'retention.analyticsEventsDays', kind: 'int', label: 'cfgAnalyticsEventsDays', help: 'cfgAnalyticsEventsDaysHelp', min: 7, max: 3650 },
    ],
  },
  {
    id: 'limits', title: 'cfgLimits', help: 'cfgLimitsHelp',
    fields: [
      { path: 'limits.generatePerMinute', kind: 'int', label: 'cfgGeneratePerMinute', min: 1, max: 10000 },
      { path: 'limits.enhancePerMinute', kind: 'int', label: 'cfgEnhancePerMinute', min: 1, max: 10000 },
      { path: 'limits.likesPerMinute', kind: 'int', label: 'cfgLikesPerMinute', min: 1, max: 10000 },
      { path: 'limits.reportsPerHour', kind: 'int', label: 'cfgReportsPerHour', min: 1, max: 10000 },
      { path: 'limits.promptMaxLength', kind: 'int', label: 'cfgPromptMaxLength', min: 20, max: 4000 },
      { path: 'moderation.reportThreshold', kind: 'int', label: 'cfgReportThreshold', help: 'cfgReportThresholdHelp', min: 1, max: 1000 },
      { path: 'moderation.blockedTerms', kind: 'lines', label: 'cfgBlockedTerms', help: 'cfgBlockedTermsHelp' },
      { path: 'feed.maxPageSize', kind: 'int', label: 'cfgMaxPageSize', min: 1, max: 100 },
    ],
  },
  {
    id: 'features', title: 'cfgFeatures', help: 'cfgFeaturesHelp',
    fields: [
      ...FEATURE_FLAGS.map((f) => ({ path: `flags.${f}`, kind: 'bool' as const, label: `feature_${f}` as MessageKey })),
      { path: 'feed.publicVisitors', kind: 'bool', label: 'cfgPublicVisitors' },
    ],
  },
  {
    id: 'site', title: 'cfgSite',
    fields: [
      { path: 'defaultLocale', kind: 'text', label: 'cfgDefaultLocale', help: 'cfgDefaultLocaleHelp' },
      { path: 'timezone', kind: 'text', label: 'cfgTimezone', help: 'cfgTimezoneHelp' },
      { path: 'watermark.defaultText', kind: 'text', label: 'cfgWatermarkText' },
      { path: 'watermark.brandingText', kind: 'text', label: 'cfgBrandingText', help: 'cfgBrandingTextHelp', optional: true },
    ],
  },
  {
    id: 'billing', title: 'cfgBilling', help: 'cfgBillingHelp',
    fields: [
      { path: 'billing.legalName', kind: 'text', label: 'cfgLegalName', optional: true },
      { path: 'billing.address', kind: 'text', label: 'cfgLegalAddress', optional: true },
      { path: 'billing.gstin', kind: 'text', label: 'cfgGstin', optional: true },
      { path: 'billing.receiptPrefix', kind: 'text', label: 'cfgReceiptPrefix', help: 'cfgReceiptPrefixHelp' },
      { path: 'billing.taxRatePercent', kind: 'number', label: 'cfgTaxRate', min: 0, max: 40 },
      { path: 'billing.taxInclusive', kind: 'bool', label: 'cfgTaxInclusive' },
    ],
  },
  {
    id: 'campaigns', title: 'cfgCampaigns', help: 'cfgCampaignsHelp',
    rows: { path: 'campaigns', add: 'cfgAddCampaign', columns: [
      { key: 'id', kind: 'text', label: 'cfgCampaignId' }, { key: 'name', kind: 'text', label: 'cfgCampaignName' },
      { key: 'startsAt', kind: 'datetime', label: 'cfgStartsAt' }, { key: 'endsAt', kind: 'datetime', label: 'cfgEndsAt' },
      { key: 'grant', kind: 'number', label: 'cfgCampaignGrant', min: 0, max: 1000000, optional: true },
      { key: 'tierDiscountPercent', kind: 'number', label: 'cfgCampaignDiscount', min: 0, max: 90, optional: true }] },
  },
];

/** The message for a value outside a field's bounds, or undefined when it is fine. */
export function checkValue(kind: FieldKind, value: unknown, min?: number, max?: number, optional = false): { key: MessageKey; params?: Record<string, number> } | undefined {
  if (kind === 'bool' || kind === 'lines') return undefined;
  if (kind === 'text' || kind === 'datetime') {
    if (typeof value !== 'string' || !value.trim()) return optional ? undefined : { key: 'cfgRequired' };
    if (kind === 'datetime' && Number.isNaN(Date.parse(value))) return { key: 'cfgBadDate' };
    return undefined;
  }
  if (value === null || value === undefined || value === '') return kind === 'nullableNumber' || optional ? undefined : { key: 'cfgRequired' };
  if (typeof value !== 'number' || !Number.isFinite(value)) return { key: 'cfgNumber' };
  if (kind === 'int' && !Number.isInteger(value)) return { key: 'cfgWhole' };
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) return { key: 'cfgRange', params: { min: min ?? 0, max: max ?? 0 } };
  return undefined;
}
