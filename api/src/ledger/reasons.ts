/**
 * Every reason a balance may move, and whether its movements count as spending: the monthly cap, the wallet's
 * monthlyUsed and the analytics' credits spent read this flag (stored on each ledger row), never a reason name.
 * A spending debit adds to the month's spend and is checked against the cap; a spending credit (a refund)
 * gives it back. A new credit-spending operation adds its reason here with `spending: true`, and nothing else
 * in the ledger or analytics changes.
 */
export const LEDGER_REASONS = {
  /** An image generation's debit. */
  generation: { spending: true },
  /** Gives back a failed spending debit (a generation's). */
  refund: { spending: true },
  /** Remix (reuse) reward paid to a post's author. */
  reward: { spending: false },
  purchase: { spending: false },
  referral: { spending: false },
  /** An admin's grant or correction. */
  admin: { spending: false },
  /** Welcome grants and campaign bonuses. */
  bonus: { spending: false },
  /** Purchased credits taken back because the payment was refunded (ledger/debt.ts); not spending. */
  clawback: { spending: false },
  /** Credits held while a payment dispute is open (final when the dispute is lost). */
  dispute_hold: { spending: false },
  /** A won dispute gives its hold back. */
  dispute_release: { spending: false },
  /** A purchase pays off the debt a clawback left (same transaction as the purchase credit). */
  debt_settlement: { spending: false },
} as const satisfies Record<string, { spending: boolean }>;

export type LedgerReason = keyof typeof LEDGER_REASONS;

export const countsAsSpending = (reason: LedgerReason): boolean => LEDGER_REASONS[reason].spending;

/** The reasons whose movements count as spending, for queries over old rows and reports. */
export const SPENDING_REASONS = (Object.keys(LEDGER_REASONS) as LedgerReason[]).filter(countsAsSpending);
