/** Hindi strings, one part of the lazily loaded Hindi chunk (i18n-hi.ts), never in the main bundle; English: see i18n.ts. */
export const hiMoney = {
  line_clawback: 'वापस लिए गए: भुगतान रिफ़ंड हुआ',
  line_dispute_hold: 'रोके गए: भुगतान पर विवाद',
  line_dispute_release: 'जारी किए गए: विवाद सुलझा',
  line_debt_settlement: 'बकाया चुकाया गया',
  debtOwed: 'बकाया',
  debtHelp: 'रिफ़ंड या विवादित भुगतान ने आपके पास मौजूद क्रेडिट से ज़्यादा वापस लिए। दोबारा बनाने से पहले क्रेडिट ख़रीदकर बकाया चुकाएँ।',
};
