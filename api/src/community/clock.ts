/**
 * The clock the reward rules read ("which local day is it for the daily cap"). Tests move it across a
 * midnight in the partner's time zone without sleeping; production never changes it.
 */
let clock: () => Date = () => new Date();

export const now = () => clock();
/** Overrides the clock (tests); pass undefined to restore the real one. */
export function setClock(fn: (() => Date) | undefined) { clock = fn ?? (() => new Date()); }
