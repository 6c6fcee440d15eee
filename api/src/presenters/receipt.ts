import type { ReceiptRow } from '../receipts/issue.js';
import { rupees } from '../util/money.js';

/** A receipt as the API shows it: rupees and paise side by side, credits as numbers. */
export interface ReceiptView {
  receiptNumber: string;
  /** Indian financial year of the payment, such as "2026-27". */
  financialYear: string;
  issuedAt: string;
  orderId: string;
  paymentId?: string;
  gateway: string;
  paidAt: string;
  seller: { legalName: string; address: string; gstin?: string };
  item: { description: string; credits: number; packId?: string; quantity: number };
  currency: string;
  /** Rupees paid, tax included. */
  amount: number;
  amountPaise: number;
  tax: { label: string; ratePercent: number; inclusive: boolean; taxablePaise: number; taxPaise: number; cgstPaise: number; sgstPaise: number; taxable: number; tax: number };
  /** Where the PDF of this receipt is (the same path with `Accept: application/pdf`). */
  pdfPath: string;
}

export function presentReceipt(r: ReceiptRow): ReceiptView {
  const s = r.snapshot;
  const creditsN = s.order.creditsMilli / 1000;
  return {
    receiptNumber: r.number, financialYear: r.fiscalYear, issuedAt: r.issuedAt.toISOString(), orderId: s.order.orderId,
    paymentId: s.order.paymentId ?? undefined, gateway: s.order.gateway, paidAt: s.order.paidAt,
    seller: { legalName: s.seller.legalName, address: s.seller.address, gstin: s.seller.gstin ?? undefined },
    item: { description: `${creditsN} credits`, credits: creditsN, packId: s.order.packId ?? undefined, quantity: s.order.quantity },
    currency: s.currency, amount: rupees(s.amountPaise), amountPaise: s.amountPaise,
    tax: { label: s.tax.label, ratePercent: s.tax.ratePercent, inclusive: s.tax.inclusive, taxablePaise: s.tax.taxablePaise, taxPaise: s.tax.taxPaise,
      cgstPaise: s.tax.cgstPaise, sgstPaise: s.tax.sgstPaise, taxable: rupees(s.tax.taxablePaise), tax: rupees(s.tax.taxPaise) },
    pdfPath: `/api/credits/orders/${encodeURIComponent(s.order.orderId)}/receipt`,
  };
}
