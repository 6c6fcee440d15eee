/** Strings of refunds, disputes and debts (issue 12, money lifecycle); i18n.ts spreads them into `en` and `hi`. */
export const enMoney = {
  line_clawback: 'Taken back: payment refunded',
  line_dispute_hold: 'On hold: payment disputed',
  line_dispute_release: 'Released: dispute resolved',
  line_debt_settlement: 'Paid towards what you owe',
  debtOwed: 'Owed',
  debtHelp: 'A refunded or disputed payment took back more credits than you had. Buy credits to settle it before creating again.',
};
