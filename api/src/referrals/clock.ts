/**
 * The referral rules' notion of "now" (claim window, velocity windows, 7-day retention, anomaly age).
 * Injectable so tests can move time without waiting days; production never sets it.
 */
let current: () => Date = () => new Date();
export const now = (): Date => current();
export function setClock(fn?: () => Date) { current = fn ?? (() => new Date()); }
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
