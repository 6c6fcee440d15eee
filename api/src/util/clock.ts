/**
 * The one notion of "now" the business rules read (referral claim and velocity windows, 7-day retention, the
 * creator's daily remix cap in the partner's time zone). Tests move it across days without sleeping; production
 * never sets it.
 */
let clock: () => Date = () => new Date();

export const now = (): Date => clock();
/** Overrides the clock (tests); pass undefined to restore the real one. */
export function setClock(fn?: () => Date) { clock = fn ?? (() => new Date()); }

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
