/**
 * Every rate limit: which partner setting (TenantConfig.limits) sets its budget, over which window, and what
 * happens when the shared store (Redis) cannot be asked. Limits that spend credits, pay out rewards or money,
 * or call a paid provider fail closed (refused with 503 not_ready); the rest fail open, counted per process in
 * memory until Redis is back, so an outage of the limiter never takes the product's reads down with it.
 */
export type StoreDownPolicy = 'open' | 'closed';
export interface LimitSpec { setting: string; windowSeconds: number; onStoreDown: StoreDownPolicy }

export const RATE_LIMITS = {
  generate: { setting: 'generatePerMinute', windowSeconds: 60, onStoreDown: 'closed' },
  enhance: { setting: 'enhancePerMinute', windowSeconds: 60, onStoreDown: 'closed' },
  like: { setting: 'likesPerMinute', windowSeconds: 60, onStoreDown: 'open' },
  report: { setting: 'reportsPerHour', windowSeconds: 3600, onStoreDown: 'open' },
  publish: { setting: 'publishesPerHour', windowSeconds: 3600, onStoreDown: 'open' },
  remix_open: { setting: 'remixOpensPerMinute', windowSeconds: 60, onStoreDown: 'open' },
  remix_record: { setting: 'remixRecordsPerMinute', windowSeconds: 60, onStoreDown: 'closed' },
  referral_claim: { setting: 'referralClaimsPerHour', windowSeconds: 3600, onStoreDown: 'closed' },
  purchase: { setting: 'purchasesPerMinute', windowSeconds: 60, onStoreDown: 'closed' },
  verify: { setting: 'verifiesPerMinute', windowSeconds: 60, onStoreDown: 'closed' },
  sandbox_pay: { setting: 'sandboxPaysPerMinute', windowSeconds: 60, onStoreDown: 'closed' },
  anonymous_read: { setting: 'anonymousReadsPerMinute', windowSeconds: 60, onStoreDown: 'open' },
  poster: { setting: 'postersPerMinute', windowSeconds: 60, onStoreDown: 'closed' },
  data_export: { setting: 'exportsPerHour', windowSeconds: 3600, onStoreDown: 'closed' },
} as const satisfies Record<string, LimitSpec>;
export type LimitName = keyof typeof RATE_LIMITS;

/** An unknown action fails closed: a limit nobody classified is treated as the costly kind. */
export const storeDownPolicy = (action: string): StoreDownPolicy =>
  (RATE_LIMITS as Record<string, LimitSpec>)[action]?.onStoreDown ?? 'closed';

/** The budget a partner's limits give a named limit (0 = unlimited, as consume() treats it). */
export function budgetOf(limits: Record<string, unknown>, name: LimitName): { points: number; windowSeconds: number } {
  const spec = RATE_LIMITS[name];
  const v = limits[spec.setting];
  return { points: typeof v === 'number' ? v : 0, windowSeconds: spec.windowSeconds };
}
