/**
 * A partner's economy and limits. Stored versioned in tenant_configs; every value has a default so a
 * partner starts with the CONTRACT.md numbers. Money in paise, credits in millicredits.
 */
export type TierName = 'standard' | 'premium2' | 'premium4';
export const TIERS: TierName[] = ['standard', 'premium2', 'premium4'];

export interface TierConfig { credits: number; width: number; height: number; label: string }
export interface PackConfig { id: string; credits: number; discountPercent: number }
export interface CampaignConfig {
  id: string; name: string; startsAt: string; endsAt: string;
  /** Extra credits granted once per user during the window (millicredits), and/or a tier cost discount. */
  grantMilli?: number; tierDiscountPercent?: number; tiers?: TierName[];
}

export interface TenantConfig {
  timezone: string;
  tiers: Record<TierName, TierConfig>;
  pricing: { bands: Record<string, number>; defaultBand: string; packs: PackConfig[]; minQuantity: number; maxQuantity: number; currency: 'INR' };
  rewards: { reuseRewardMilli: number; perAssetCapMilli: number; perCreatorDailyCapMilli: number };
  referral: {
    refereeBonusMilli: number; referrerBonusMilli: number; milestoneBonusMilli: number; milestoneEvery: number;
    claimWindowHours: number; maxSignupsPerHour: number; maxSignupsPerDay: number; retentionDays: number; retentionMinGenerations: number;
    anomalyMinReferees: number; anomalyInactiveShare: number;
    /** The most referees one referrer is ever paid for (first-generation bonus and milestones); later referees still get their own bonus. */
    lifetimeCapReferrals: number;
  };
  /** Rate limits per user (anonymousReadsPerMinute: per IP); util/rate-limits.ts maps each to its limit. */
  limits: {
    generatePerMinute: number; enhancePerMinute: number; likesPerMinute: number; reportsPerHour: number; promptMaxLength: number;
    publishesPerHour: number; remixOpensPerMinute: number; remixRecordsPerMinute: number; referralClaimsPerHour: number;
    purchasesPerMinute: number; verifiesPerMinute: number; sandboxPaysPerMinute: number; anonymousReadsPerMinute: number;
    /** Poster compositions (CPU-heavy, 0.3–1 s each) and personal-data exports (DPDP) per user. */
    postersPerMinute: number; exportsPerHour: number;
  };
  monthlySpendCapMilli: number | null;
  welcomeGrantMilli: number;
  feed: { publicVisitors: boolean; maxPageSize: number };
  /** blockedTerms: the partner's own words and phrases (any script) refused in prompts, post titles and tags. */
  moderation: { reportThreshold: number; blockedTerms: string[] };
  /** brandingText: a partner's own branding for paying users who keep the mark on ('' = the default text). */
  watermark: { defaultText: string; brandingText: string };
  /**
   * providerCostPaise: what one image costs the partner per provider (margin analytics).
   * image/chat: which provider draws images (a provider key id, 'local', or 'default' = the process setting) with its fallback when it is
   * unavailable, and which one enhances prompts (a key id, 'rules' or 'default'); set through /api/admin/providers.
   */
  providers: { providerCostPaise: Record<string, number>; image: { active: string; fallback: string | null }; chat: { active: string } };
  /** Feature switches (tenants/features.ts): `community`, `remix`, `referrals`, `purchases`, `promptEnhancement`; on unless false. */
  flags: Record<string, boolean>;
  /** The widgets' language when the page sets none (a BCP 47 tag such as `en` or `hi`). */
  defaultLocale: string;
  campaigns: CampaignConfig[];
  /**
   * What a receipt names as the seller (legal name, address, GSTIN; the partner's name when empty), the receipt
   * number's prefix, and the tax rate charged on credit packs (percent, included in the pack price by default).
   */
  billing: { legalName: string; address: string; gstin: string; receiptPrefix: string; taxRatePercent: number; taxInclusive: boolean };
  /**
   * Formats and variations (studio/formats.ts): formatSizes, the pixel size of each format per tier (exact ratios);
   * fallbackPricePercent, the share of the tier cost a user pays when that fallback provider drew the image instead of
   * the partner's provider (100 when unset); fallback false: a failed provider fails and refunds the job instead.
   */
  studio: {
    formatSizes: Record<TierName, Record<'square' | 'portrait' | 'story' | 'landscape' | 'banner', { width: number; height: number }>>;
    fallbackPricePercent: Record<string, number>;
    fallback: boolean;
  };
  /** Poster composer: the partner-wide brand kit used when a poster names none (posters/brand.ts validates it). */
  posters: { defaultBrandKit: { name: string; colors: { primary: string; secondary: string; text: string }; font: 'noto-sans' | 'noto-sans-regular' } };
  /**
   * How long personal data is kept, in days (privacy/retention.ts, docs/privacy.md): raw IP addresses before they are
   * replaced by keyed hashes, idempotency keys, read notifications, and raw analytics events (rolled up by analytics).
   */
  retention: { ipDays: number; idempotencyDays: number; readNotificationsDays: number; analyticsEventsDays: number };
  /** Consent versions a user must have given (purpose -> version) before generating (privacy/consents.ts); {} asks nothing. */
  consents: { required: Record<string, string> };
  /** costPerUserPaise: what acquiring one user costs the partner (the CAC of the LTV/CAC KPI; 0 = not set). */
  acquisition: { costPerUserPaise: number };
}

export const DEFAULT_CONFIG: TenantConfig = {
  timezone: 'Asia/Kolkata',
  tiers: {
    standard: { credits: 1000, width: 768, height: 768, label: 'Standard' },
    premium2: { credits: 2000, width: 1024, height: 1024, label: 'Premium' },
    premium4: { credits: 4000, width: 1536, height: 1536, label: 'Premium Max' },
  },
  pricing: {
    bands: { A: 400, B: 500, C: 600 },
    defaultBand: 'B',
    packs: [
      { id: 'pack_10', credits: 10, discountPercent: 0 },
      { id: 'pack_50', credits: 50, discountPercent: 5 },
      { id: 'pack_100', credits: 100, discountPercent: 10 },
      { id: 'pack_250', credits: 250, discountPercent: 15 },
    ],
    minQuantity: 1,
    maxQuantity: 10000,
    currency: 'INR',
  },
  rewards: { reuseRewardMilli: 500, perAssetCapMilli: 20000, perCreatorDailyCapMilli: 10000 },
  referral: {
    refereeBonusMilli: 5000, referrerBonusMilli: 10000, milestoneBonusMilli: 50000, milestoneEvery: 10, claimWindowHours: 24,
    maxSignupsPerHour: 5, maxSignupsPerDay: 20, retentionDays: 7, retentionMinGenerations: 3, anomalyMinReferees: 5, anomalyInactiveShare: 0.8,
    lifetimeCapReferrals: 100,
  },
  limits: {
    generatePerMinute: 20, enhancePerMinute: 60, likesPerMinute: 60, reportsPerHour: 20, promptMaxLength: 1000,
    publishesPerHour: 60, remixOpensPerMinute: 60, remixRecordsPerMinute: 30, referralClaimsPerHour: 10,
    purchasesPerMinute: 30, verifiesPerMinute: 30, sandboxPaysPerMinute: 30, anonymousReadsPerMinute: 600,
    postersPerMinute: 30, exportsPerHour: 10,
  },
  monthlySpendCapMilli: null,
  welcomeGrantMilli: 0,
  feed: { publicVisitors: true, maxPageSize: 50 },
  moderation: { reportThreshold: 3, blockedTerms: [] },
  watermark: { defaultText: 'Made with Community AI Studio', brandingText: '' },
  providers: { providerCostPaise: { local: 0, openai: 335, stability: 250 }, image: { active: 'default', fallback: 'local' }, chat: { active: 'default' } },
  flags: {},
  defaultLocale: 'en',
  campaigns: [],
  billing: { legalName: '', address: '', gstin: '', receiptPrefix: 'AIS', taxRatePercent: 18, taxInclusive: true },
  studio: {
    formatSizes: {
      standard: { square: { width: 768, height: 768 }, portrait: { width: 704, height: 880 }, story: { width: 576, height: 1024 },
        landscape: { width: 1024, height: 576 }, banner: { width: 1344, height: 448 } },
      premium2: { square: { width: 1024, height: 1024 }, portrait: { width: 896, height: 1120 }, story: { width: 756, height: 1344 },
        landscape: { width: 1344, height: 756 }, banner: { width: 1728, height: 576 } },
      premium4: { square: { width: 1536, height: 1536 }, portrait: { width: 1376, height: 1720 }, story: { width: 1152, height: 2048 },
        landscape: { width: 2048, height: 1152 }, banner: { width: 2640, height: 880 } },
    },
    fallbackPricePercent: { local: 25 },
    fallback: true,
  },
  posters: { defaultBrandKit: { name: 'Studio', colors: { primary: '#e4572e', secondary: '#ffffff', text: '#ffffff' }, font: 'noto-sans' } },
  retention: { ipDays: 30, idempotencyDays: 7, readNotificationsDays: 90, analyticsEventsDays: 90 },
  consents: { required: {} },
  acquisition: { costPerUserPaise: 0 },
};

/** Deep-merges a partial config over a base (arrays and scalars replace). */
export function mergeConfig<T>(base: T, patch: unknown): T {
  if (patch === undefined) return base;
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch) || base === null || typeof base !== 'object' || Array.isArray(base)) {
    return patch as T;
  }
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) out[k] = mergeConfig((base as Record<string, unknown>)[k], v);
  return out as T;
}
