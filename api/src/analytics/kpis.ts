/**
 * The spec's KPIs (section 8) for one partner and one window: the shape the report (report.ts, answered from the
 * daily rollups) serves. Definitions are in docs/analytics.md. The live computation from the source tables, which
 * the report is tested against, is api/test/support/analytics-reference.ts (test code only: it reads every user
 * and every row of the window).
 */
export interface DailyPoint {
  date: string; signups: number; activeUsers: number; generations: number; failedGenerations: number; remixes: number;
  creditsSpent: number; rewardCredits: number; revenue: number; paidOrders: number;
}
export interface AnalyticsKpis {
  window: { from: string; to: string; timezone: string; days: number };
  activation: { newUsers: number; activatedWithin48h: number; rate: number | null };
  engagement: { generations: number; generatingUsers: number; generationsPerUserPerWeek: number | null; remixGenerations: number; reuseRate: number | null };
  monetization: {
    users: number; payingUsers: number; paidConversion: number | null; payersInWindow: number; newPayersInWindow: number; paidOrders: number;
    revenue: number; revenuePaise: number; arppu: number | null;
    byPriceBand: { band: string; pricePerCredit: number | null; users: number; payingUsers: number; conversion: number | null; revenue: number; arppu: number | null }[];
  };
  credits: { spent: number; refunded: number; netSpent: number; granted: Record<string, number> };
  rewards: {
    totalCredits: number; earners: number; activeUsers: number; earningShare: number | null; gini: number; giniAllActive: number;
    topEarnerShare: number | null; distribution: { bucket: string; users: number }[];
  };
  referrals: { signups: number; attributed: number; firstGeneration: number; qualified: number; creditsPaid: number };
  providers: {
    items: { provider: string; images: number; costPerImage: number; cost: number }[];
    providerCost: number; revenue: number; grossMargin: number; grossMarginRate: number | null;
    creditValue: number; usageMargin: number; usageMarginRate: number | null;
  };
  reliability: { finishedJobs: number; failedJobs: number; errorRate: number | null; generateAckP95Ms: number | null; generateAckSamples: number;
    /** Jobs the fallback provider drew (the partner's provider was unavailable), and their share of finished jobs. */
    fallbackJobs: number; fallbackRate: number | null };
  /** Spec 5.7's three headings at a glance (usage, margin; rewards above), repeated from the sections above. */
  usage: { generations: number; generatingUsers: number; remixGenerations: number; creditsSpent: number; newUsers: number };
  margin: { revenue: number; providerCost: number; grossMargin: number; grossMarginRate: number | null };
  daily: DailyPoint[];
}

