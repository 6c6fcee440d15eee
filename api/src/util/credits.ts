/** Credits on the wire are decimal numbers; inside they are integer millicredits. */
export const MILLI = 1000;
export const toMilli = (credits: number) => Math.round(credits * MILLI);
export const toCredits = (milli: number | bigint) => Number(milli) / MILLI;
/** True when a credit amount from a client has at most 3 decimals (so it is exactly representable in millicredits). */
export const isExactCredits = (credits: number) => Number.isFinite(credits) && Math.abs(credits * MILLI - Math.round(credits * MILLI)) < 1e-6;
