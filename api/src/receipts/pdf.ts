import PDFDocument from 'pdfkit';
import type { ReceiptRow } from './issue.js';

const inr = (paise: number) => `INR ${(paise / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const credits = (milli: number) => (milli / 1000).toLocaleString('en-IN', { maximumFractionDigits: 3 });

/**
 * Draws a receipt as an A4 PDF with pdfkit. The standard Helvetica font covers Latin text; amounts are written
 * "INR 1,234.00" because the standard fonts have no rupee sign. The document carries the receipt's own dates.
 */
export function receiptPdf(r: ReceiptRow): Promise<Buffer> {
  const s = r.snapshot;
  const doc = new PDFDocument({
    size: 'A4', margin: 56,
    info: { Title: `Receipt ${r.number}`, Author: s.seller.legalName, Subject: `Order ${s.order.orderId}`, CreationDate: r.issuedAt, ModDate: r.issuedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(20).text(s.tax.taxPaise > 0 ? 'Tax receipt' : 'Receipt', { align: 'left' });
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#444')
    .text(`Receipt number ${r.number}`).text(`Issued ${r.issuedAt.toISOString().slice(0, 10)}   Financial year ${r.fiscalYear}`);
  doc.moveDown(1).fillColor('#000').font('Helvetica-Bold').fontSize(11).text(s.seller.legalName);
  doc.font('Helvetica').fontSize(10);
  if (s.seller.address) doc.text(s.seller.address);
  if (s.seller.gstin) doc.text(`GSTIN ${s.seller.gstin}`);

  doc.moveDown(1).font('Helvetica-Bold').text('Order');
  doc.font('Helvetica');
  const line = (label: string, value: string) => {
    const y = doc.y;
    doc.text(label, left, y, { width: width * 0.45 });
    doc.text(value, left + width * 0.45, y, { width: width * 0.55, align: 'right' });
  };
  line('Order id', s.order.orderId);
  if (s.order.paymentId) line('Payment id', s.order.paymentId);
  line('Paid', s.order.paidAt.slice(0, 19).replace('T', ' ') + ' UTC');
  line('Item', `${credits(s.order.creditsMilli)} credits${s.order.packId ? ` (pack ${s.order.packId})` : ''}`);

  doc.moveDown(1).font('Helvetica-Bold').text('Amount');
  doc.font('Helvetica');
  if (s.tax.taxPaise > 0 || s.tax.ratePercent > 0) {
    line('Taxable value', inr(s.tax.taxablePaise));
    line(`CGST ${s.tax.ratePercent / 2} %`, inr(s.tax.cgstPaise));
    line(`SGST ${s.tax.ratePercent / 2} %`, inr(s.tax.sgstPaise));
  }
  doc.moveDown(0.3).font('Helvetica-Bold');
  line('Total paid', inr(s.tax.totalPaise));
  doc.moveDown(2).font('Helvetica').fontSize(8).fillColor('#666')
    .text(s.tax.inclusive ? `Prices include ${s.tax.label} at ${s.tax.ratePercent} %.` : `${s.tax.label} at ${s.tax.ratePercent} % added to the price.`, left, doc.y, { width });
  doc.end();
  return done;
}
