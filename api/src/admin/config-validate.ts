import { IANAZone } from 'luxon';
import type { FieldError } from '../errors.js';
import { DEFAULT_CONFIG, TIERS, type TenantConfig } from '../tenants/tenant-config.js';
import { wireField } from './config-wire.js';
import { validateStudioConfig } from './config-validate-studio.js';
import { brandErrors } from '../posters/brand.js';

/** Maps whose keys the partner chooses (everything else must be a key the defaults know). */
const FREE_MAPS = new Set(['pricing.bands', 'flags', 'providers.providerCostPaise', 'studio.fallbackPricePercent', 'consents.required']);
/** Arrays of records, checked item by item below. */
const RECORD_ARRAYS = new Set(['pricing.packs', 'campaigns']);
const NULLABLE = new Set(['monthlySpendCapMilli', 'providers.image.fallback']);

/** Retention periods (days) a partner may choose. */
export const RETENTION_BOUNDS: [keyof TenantConfig['retention'], number, number][] = [
  ['ipDays', 1, 180], ['idempotencyDays', 1, 30], ['readNotificationsDays', 1, 730], ['analyticsEventsDays', 7, 730],
];
/** Consent purposes and versions: short identifiers (a version may be a date such as 2026-11). */
export const CONSENT_NAME = /^[A-Za-z0-9_.-]{1,40}$/;

export interface ValidationContext {
  /** Provider key ids of the tenant, by purpose, for the provider selection. */
  imageKeyIds: string[];
  chatKeyIds: string[];
}

/** Rejects fields the config does not have (a typo must not be stored silently) and values of the wrong type. */
export function checkShape(patch: unknown, errors: FieldError[], base: unknown = DEFAULT_CONFIG, path = '') {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return;
  for (const [k, v] of Object.entries(patch)) {
    const p = path ? `${path}.${k}` : k;
    const field = wireField(p);
    if (FREE_MAPS.has(path)) continue;
    const b = (base as Record<string, unknown> | undefined)?.[k];
    if (b === undefined && !(path === '' && k === 'monthlySpendCapMilli')) {
      errors.push({ field, message: 'unknown field' });
      continue;
    }
    if (v === null) {
      if (!NULLABLE.has(p)) errors.push({ field, message: 'must not be null' });
      continue;
    }
    if (RECORD_ARRAYS.has(p)) {
      if (!Array.isArray(v)) errors.push({ field, message: 'must be an array' });
      continue;
    }
    if (b === null) continue;
    if (typeof b === 'object' && !Array.isArray(b)) {
      if (!v || typeof v !== 'object' || Array.isArray(v)) errors.push({ field, message: 'must be an object' });
      else checkShape(v, errors, b, p);
      continue;
    }
    if (Array.isArray(b) !== Array.isArray(v) || typeof b !== typeof v) errors.push({ field, message: `must be a ${Array.isArray(b) ? 'list' : typeof b}` });
  }
}

/**
 * Checks a whole config (after the patch was merged over the current one). Every problem is
 * collected so an admin fixes them in one go; field names are the admin API's (credits, rupees).
 */
export function validateConfig(c: TenantConfig, ctx: ValidationContext): FieldError[] {
  const errors: FieldError[] = [];
  const err = (path: string, message: string) => errors.push({ field: wireField(path), message });
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  const intIn = (path: string, v: unknown, min: number, max: number) => {
    if (!isInt(v) || v < min || v > max) err(path, `must be a whole number from ${min} to ${max}`);
  };
  const amount = (path: string, v: unknown, min: number, max: number, what = 'credits') => {
    if (!isInt(v) || v < min || v > max) err(path, `must be ${min === 0 ? 'zero or more' : 'more than zero'} (${what}), at most ${max / (what === 'rupees' ? 100 : 1000)}`);
  };
  const str = (path: string, v: unknown, min: number, max: number) => {
    if (typeof v !== 'string' || v.trim().length < min || v.length > max) err(path, `must be text of ${min} to ${max} characters`);
  };
  const MAX_MILLI = 1_000_000_000; // one million credits

  if (typeof c.timezone !== 'string' || !IANAZone.isValidZone(c.timezone)) err('timezone', 'must be an IANA time zone such as Asia/Kolkata');

  for (const t of TIERS) {
    const tier = c.tiers?.[t];
    if (!tier) { err(`tiers.${t}`, 'is required'); continue; }
    if (!isInt(tier.credits) || tier.credits <= 0 || tier.credits > 1_000_000) err(`tiers.${t}.credits`, 'must be more than 0 credits with at most 3 decimals, at most 1000');
    intIn(`tiers.${t}.width`, tier.width, 64, 4096);
    intIn(`tiers.${t}.height`, tier.height, 64, 4096);
    str(`tiers.${t}.label`, tier.label, 1, 40);
  }
  for (const k of Object.keys(c.tiers ?? {})) if (!(TIERS as string[]).includes(k)) err(`tiers.${k}`, `unknown tier; tiers are ${TIERS.join(', ')}`);

  const pr = c.pricing;
  const bands = Object.entries(pr.bands ?? {});
  if (!bands.length) err('pricing.bands', 'needs at least one price band');
  for (const [name, paise] of bands) {
    if (!/^[A-Za-z0-9_-]{1,8}$/.test(name)) err(`pricing.bands.${name}`, 'band names are 1 to 8 letters, digits, _ or -');
    amount(`pricing.bands.${name}`, paise, 1, 100_000_00, 'rupees');
  }
  if (!Object.hasOwn(pr.bands ?? {}, pr.defaultBand)) err('pricing.defaultBand', 'must be one of the price bands');
  const packIds = new Set<string>();
  (pr.packs ?? []).forEach((pk, i) => {
    const at = `pricing.packs.${i}`;
    if (!pk || typeof pk !== 'object') { err(at, 'must be an object'); return; }
    if (typeof pk.id !== 'string' || !/^[a-z0-9_-]{1,40}$/.test(pk.id)) err(`${at}.id`, 'must be 1 to 40 lower-case letters, digits, _ or -');
    else if (packIds.has(pk.id)) err(`${at}.id`, `duplicate pack id "${pk.id}"`);
    else packIds.add(pk.id);
    intIn(`${at}.credits`, pk.credits, 1, 1_000_000);
    if (typeof pk.discountPercent !== 'number' || !Number.isFinite(pk.discountPercent) || pk.discountPercent < 0 || pk.discountPercent > 90) {
      err(`${at}.discountPercent`, 'must be from 0 to 90');
    }
    for (const k of Object.keys(pk)) if (!['id', 'credits', 'discountPercent'].includes(k)) err(`${at}.${k}`, 'unknown field');
  });
  intIn('pricing.minQuantity', pr.minQuantity, 1, 1_000_000);
  intIn('pricing.maxQuantity', pr.maxQuantity, 1, 1_000_000);
  if (isInt(pr.minQuantity) && isInt(pr.maxQuantity) && pr.maxQuantity < pr.minQuantity) err('pricing.maxQuantity', 'must be at least minQuantity');
  if (pr.currency !== 'INR') err('pricing.currency', 'only INR is supported');

  const rw = c.rewards;
  amount('rewards.reuseRewardMilli', rw.reuseRewardMilli, 0, MAX_MILLI);
  amount('rewards.perAssetCapMilli', rw.perAssetCapMilli, 0, MAX_MILLI);
  amount('rewards.perCreatorDailyCapMilli', rw.perCreatorDailyCapMilli, 0, MAX_MILLI);
  if (isInt(rw.reuseRewardMilli) && isInt(rw.perAssetCapMilli) && rw.perAssetCapMilli < rw.reuseRewardMilli) {
    err('rewards.perAssetCapMilli', 'must be at least the reuse reward');
  }
  if (isInt(rw.reuseRewardMilli) && isInt(rw.perCreatorDailyCapMilli) && rw.perCreatorDailyCapMilli < rw.reuseRewardMilli) {
    err('rewards.perCreatorDailyCapMilli', 'must be at least the reuse reward');
  }

  const rf = c.referral;
  for (const k of ['refereeBonusMilli', 'referrerBonusMilli', 'milestoneBonusMilli'] as const) amount(`referral.${k}`, rf[k], 0, MAX_MILLI);
  intIn('referral.milestoneEvery', rf.milestoneEvery, 1, 10_000);
  intIn('referral.claimWindowHours', rf.claimWindowHours, 0, 24 * 30);
  intIn('referral.maxSignupsPerHour', rf.maxSignupsPerHour, 1, 100_000);
  intIn('referral.maxSignupsPerDay', rf.maxSignupsPerDay, 1, 1_000_000);
  if (isInt(rf.maxSignupsPerHour) && isInt(rf.maxSignupsPerDay) && rf.maxSignupsPerDay < rf.maxSignupsPerHour) {
    err('referral.maxSignupsPerDay', 'must be at least maxSignupsPerHour');
  }
  intIn('referral.retentionDays', rf.retentionDays, 1, 365);
  intIn('referral.retentionMinGenerations', rf.retentionMinGenerations, 0, 10_000);
  intIn('referral.anomalyMinReferees', rf.anomalyMinReferees, 1, 100_000);
  intIn('referral.lifetimeCapReferrals', rf.lifetimeCapReferrals, 0, 1_000_000);
  if (typeof rf.anomalyInactiveShare !== 'number' || !(rf.anomalyInactiveShare >= 0 && rf.anomalyInactiveShare <= 1)) err('referral.anomalyInactiveShare', 'must be from 0 to 1');

  const lm = c.limits;
  intIn('limits.generatePerMinute', lm.generatePerMinute, 1, 10_000);
  intIn('limits.enhancePerMinute', lm.enhancePerMinute, 1, 10_000);
  intIn('limits.likesPerMinute', lm.likesPerMinute, 1, 10_000);
  intIn('limits.reportsPerHour', lm.reportsPerHour, 1, 10_000);
  for (const k of ['publishesPerHour', 'remixOpensPerMinute', 'remixRecordsPerMinute', 'referralClaimsPerHour', 'purchasesPerMinute',
    'verifiesPerMinute', 'sandboxPaysPerMinute', 'postersPerMinute', 'exportsPerHour'] as const) intIn(`limits.${k}`, lm[k], 1, 10_000);
  intIn('limits.anonymousReadsPerMinute', lm.anonymousReadsPerMinute, 1, 1_000_000);
  intIn('limits.promptMaxLength', lm.promptMaxLength, 20, 4000);

  if (c.monthlySpendCapMilli !== null) amount('monthlySpendCapMilli', c.monthlySpendCapMilli, 1, MAX_MILLI);
  amount('welcomeGrantMilli', c.welcomeGrantMilli, 0, 1_000_000);
  if (typeof c.feed.publicVisitors !== 'boolean') err('feed.publicVisitors', 'must be true or false');
  intIn('feed.maxPageSize', c.feed.maxPageSize, 1, 100);
  intIn('moderation.reportThreshold', c.moderation.reportThreshold, 1, 1000);
  const terms = c.moderation.blockedTerms;
  if (!Array.isArray(terms) || terms.length > 500) err('moderation.blockedTerms', 'must be a list of at most 500 terms');
  else terms.forEach((term, i) => {
    if (typeof term !== 'string' || !term.trim() || term.length > 100 || [...term].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127)) {
      err(`moderation.blockedTerms.${i}`, 'must be a word or phrase of 1 to 100 characters');
    }
  });
  str('watermark.defaultText', c.watermark.defaultText, 1, 80);
  str('watermark.brandingText', c.watermark.brandingText ?? '', 0, 80);
  for (const e of brandErrors(c.posters?.defaultBrandKit, 'posters.defaultBrandKit.')) err(e.field, e.message);

  for (const [name, paise] of Object.entries(c.providers.providerCostPaise ?? {})) {
    if (!/^[a-z0-9_-]{1,32}$/.test(name)) err(`providers.providerCostPaise.${name}`, 'provider names are 1 to 32 lower-case letters, digits, _ or -');
    amount(`providers.providerCostPaise.${name}`, paise, 0, 100_000_00, 'rupees');
  }
  const img = c.providers.image;
  if (img.active !== 'default' && img.active !== 'local' && !ctx.imageKeyIds.includes(img.active)) {
    err('providers.image.active', 'must be "default", "local" or the id of an image provider key');
  }
  if (img.fallback !== null && img.fallback !== 'local' && !ctx.imageKeyIds.includes(img.fallback)) {
    err('providers.image.fallback', 'must be null, "local" or the id of an image provider key');
  } else if (img.fallback !== null && img.fallback === img.active) err('providers.image.fallback', 'must differ from the active provider');
  const chat = c.providers.chat.active;
  if (chat !== 'default' && chat !== 'rules' && !ctx.chatKeyIds.includes(chat)) {
    err('providers.chat.active', 'must be "default", "rules" or the id of a chat provider key');
  }

  for (const [k, v] of Object.entries(c.flags ?? {})) {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(k)) err(`flags.${k}`, 'flag names are 1 to 64 letters, digits, _ . or -');
    if (typeof v !== 'boolean') err(`flags.${k}`, 'must be true or false');
  }

  if (typeof c.defaultLocale !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(c.defaultLocale)) {
    err('defaultLocale', 'must be a language tag such as "en", "hi" or "pt-BR"');
  }

  // Legal bounds of the retention periods (docs/privacy.md): idempotency keys at least the 24 h CONTRACT.md promises.
  for (const [k, min, max] of RETENTION_BOUNDS) intIn(`retention.${k}`, c.retention?.[k], min, max);
  for (const [purpose, version] of Object.entries(c.consents?.required ?? {})) {
    if (!CONSENT_NAME.test(purpose)) err(`consents.required.${purpose}`, 'purposes are 1 to 40 lower-case letters, digits, _ . or -');
    if (typeof version !== 'string' || !CONSENT_NAME.test(version)) err(`consents.required.${purpose}`, 'must be a version of 1 to 40 letters, digits, _ . or -');
  }
  // Raw analytics events at least 7 days: the rollup job recomputes the last days from them (analytics/rollup.ts).
  amount('acquisition.costPerUserPaise', c.acquisition?.costPerUserPaise, 0, 1_000_000_00, 'rupees');

  const campaignIds = new Set<string>();
  (c.campaigns ?? []).forEach((cp, i) => {
    const at = `campaigns.${i}`;
    if (!cp || typeof cp !== 'object') { err(at, 'must be an object'); return; }
    if (typeof cp.id !== 'string' || !/^[a-z0-9_-]{1,40}$/.test(cp.id)) err(`${at}.id`, 'must be 1 to 40 lower-case letters, digits, _ or -');
    else if (campaignIds.has(cp.id)) err(`${at}.id`, `duplicate campaign id "${cp.id}"`);
    else campaignIds.add(cp.id);
    str(`${at}.name`, cp.name, 1, 100);
    const start = typeof cp.startsAt === 'string' ? Date.parse(cp.startsAt) : NaN;
    const end = typeof cp.endsAt === 'string' ? Date.parse(cp.endsAt) : NaN;
    if (Number.isNaN(start)) err(`${at}.startsAt`, 'must be an ISO 8601 date-time');
    if (Number.isNaN(end)) err(`${at}.endsAt`, 'must be an ISO 8601 date-time');
    if (!Number.isNaN(start) && !Number.isNaN(end) && end <= start) err(`${at}.endsAt`, 'must be after startsAt');
    if (cp.grantMilli !== undefined) amount(`${at}.grantMilli`, cp.grantMilli, 0, 1_000_000);
    if (cp.tierDiscountPercent !== undefined && (typeof cp.tierDiscountPercent !== 'number' || !(cp.tierDiscountPercent >= 0 && cp.tierDiscountPercent <= 90))) {
      err(`${at}.tierDiscountPercent`, 'must be from 0 to 90');
    }
    if (!cp.grantMilli && !cp.tierDiscountPercent) err(at, 'a campaign needs a grant or a tier discount');
    if (cp.tiers !== undefined && (!Array.isArray(cp.tiers) || cp.tiers.some((t) => !(TIERS as string[]).includes(t)))) {
      err(`${at}.tiers`, `must be a list of ${TIERS.join(', ')}`);
    }
    for (const k of Object.keys(cp)) {
      if (!['id', 'name', 'startsAt', 'endsAt', 'grantMilli', 'tierDiscountPercent', 'tiers'].includes(k)) err(`${at}.${k}`, 'unknown field');
    }
  });

  const bl = c.billing;
  str('billing.legalName', bl.legalName, 0, 200);
  str('billing.address', bl.address, 0, 500);
  if (typeof bl.gstin !== 'string' || (bl.gstin !== '' && !GSTIN.test(bl.gstin))) err('billing.gstin', 'must be empty or a 15-character GSTIN such as 29ABCDE1234F1Z5');
  if (typeof bl.receiptPrefix !== 'string' || !/^[A-Z0-9]{1,4}$/.test(bl.receiptPrefix)) err('billing.receiptPrefix', 'must be 1 to 4 capital letters or digits');
  if (typeof bl.taxRatePercent !== 'number' || !(bl.taxRatePercent >= 0 && bl.taxRatePercent <= 40) || Math.round(bl.taxRatePercent * 100) !== bl.taxRatePercent * 100) {
    err('billing.taxRatePercent', 'must be a percentage from 0 to 40 with at most two decimals');
  }
  if (typeof bl.taxInclusive !== 'boolean') err('billing.taxInclusive', 'must be true or false');
  validateStudioConfig(c, err);
  return errors;
}

/** A GSTIN: state code, PAN, entity number, "Z", check character. */
const GSTIN = /^[0-3][0-9][A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;
