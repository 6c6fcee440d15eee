/** Strings of the analytics tab's section 8 KPIs added for issue 13 (ARPPU uplift, LTV/CAC); i18n.ts spreads them in. */
export const enAnalytics = {
  an_baseline: 'Baseline',
  an_baselineHint: 'ARPPU is compared with this period (empty: the period of the same length just before)',
  an_arppuUplift: 'ARPPU uplift',
  an_vsBaseline: 'vs {v} in the baseline',
  an_ltvCac: 'LTV / CAC',
  an_ltvCacSub: 'LTV {ltv} · CAC {cac}',
  an_cacUnset: 'set the acquisition cost per user in the configuration',
  cfgAnalytics: 'Analytics',
  cfgAnalyticsHelp: 'Inputs of the LTV/CAC figure, and how long raw analytics events are kept before only daily totals remain.',
  cfgCostPerUser: 'Acquisition cost per user (₹)',
  cfgCostPerUserHelp: 'What acquiring one user costs you on average (the CAC of LTV/CAC); 0 = not set.',
  cfgAnalyticsEventsDays: 'Keep raw analytics events (days)',
  cfgAnalyticsEventsDaysHelp: 'Older events are rolled up into daily totals and deleted; the dashboard keeps answering from the totals.',
};
