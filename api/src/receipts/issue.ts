import { QueryTypes, type Transaction } from 'sequelize';
import type { Order } from '../models/index.js';
import { services } from '../context.js';
import { isUniqueViolation } from '../db.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { tenantById } from '../tenants/tenants.js';
import { fiscalYear, receiptNumber, splitTax, type TaxSplit } from './tax.js';

/** What a receipt says, frozen when it is issued (a later change of the partner's legal details does not rewrite it). */
export interface ReceiptSnapshot {
  seller: { legalName: string; address: string; gstin: string | null };
  buyer: { userId: string };
  order: { orderId: string; gateway: string; paymentId: string | null; paidAt: string; packId: string | null; quantity: number; creditsMilli: number };
  currency: string;
  amountPaise: number;
  tax: TaxSplit & { label: string };
}

export interface ReceiptRow {
  orderId: string; tenantId: string; userId: string; fiscalYear: string; seq: number; number: string; issuedAt: Date; snapshot: ReceiptSnapshot;
}

type RawRow = { order_id: string; tenant_id: string; user_id: string; fiscal_year: string; seq: number; number: string; snapshot: string; issued_at: Date | string };
const fromRaw = (r: RawRow): ReceiptRow => ({
  orderId: r.order_id, tenantId: r.tenant_id, userId: r.user_id, fiscalYear: r.fiscal_year, seq: Number(r.seq), number: r.number,
  issuedAt: new Date(r.issued_at), snapshot: JSON.parse(r.snapshot) as ReceiptSnapshot,
});

export async function findReceipt(orderId: string, t?: Transaction): Promise<ReceiptRow | null> {
  const rows = await services().db.sequelize.query<RawRow>('SELECT * FROM receipts WHERE order_id = ?', { replacements: [orderId], type: QueryTypes.SELECT, transaction: t });
  return rows[0] ? fromRaw(rows[0]) : null;
}

/** Every receipt of a user (the privacy export). */
export async function findReceiptsOf(tenantId: string, userId: string): Promise<ReceiptRow[]> {
  const rows = await services().db.sequelize.query<RawRow>('SELECT * FROM receipts WHERE tenant_id = ? AND user_id = ? ORDER BY issued_at',
    { replacements: [tenantId, userId], type: QueryTypes.SELECT });
  return rows.map(fromRaw);
}

/** Takes the next number of the partner's financial year: the UPDATE holds the counter row's lock until the transaction ends. */
async function nextSeq(t: Transaction, tenantId: string, fy: string): Promise<number> {
  const q = services().db.sequelize;
  for (let attempt = 0; attempt < 3; attempt++) {
    // BULKUPDATE answers the number of rows changed on both dialects.
    const changed = await q.query('UPDATE receipt_counters SET last_seq = last_seq + 1 WHERE tenant_id = ? AND fiscal_year = ?',
      { replacements: [tenantId, fy], transaction: t, type: QueryTypes.BULKUPDATE }) as unknown as number;
    if (changed > 0) {
      const [row] = await q.query<{ last_seq: number }>('SELECT last_seq FROM receipt_counters WHERE tenant_id = ? AND fiscal_year = ?',
        { replacements: [tenantId, fy], type: QueryTypes.SELECT, transaction: t });
      return Number(row!.last_seq);
    }
    try {
      await q.query('INSERT INTO receipt_counters (tenant_id, fiscal_year, last_seq) VALUES (?, ?, 1)', { replacements: [tenantId, fy], transaction: t });
      return 1;
    } catch (err) {
      // Another process opened the year at the same moment: take the next number from its row.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new Error('receipt counter could not be advanced');
}

/**
 * Issues the receipt of a paid order in the caller's transaction, once: a second call returns the first receipt.
 * Called where an order is credited (payments/settle.ts) and, for orders paid before receipts existed, on first read.
 */
export async function issueReceiptInTx(t: Transaction, order: Order): Promise<ReceiptRow> {
  const existing = await findReceipt(order.id, t);
  if (existing) return existing;
  const [cfg, tenant] = await Promise.all([getTenantConfig(order.tenantId), tenantById(order.tenantId)]);
  const paidAt = order.paidAt ?? new Date();
  const fy = fiscalYear(paidAt, cfg.timezone);
  const seq = await nextSeq(t, order.tenantId, fy);
  const number = receiptNumber(cfg.billing.receiptPrefix, fy, seq);
  const b = cfg.billing;
  const snapshot: ReceiptSnapshot = {
    seller: { legalName: b.legalName || tenant?.name || order.tenantId, address: b.address, gstin: b.gstin || null },
    buyer: { userId: order.userId },
    order: { orderId: order.id, gateway: order.gateway, paymentId: order.paymentId, paidAt: paidAt.toISOString(), packId: order.packId,
      quantity: order.quantity, creditsMilli: order.credits },
    currency: order.currency,
    amountPaise: order.amountPaise,
    tax: { ...splitTax(order.amountPaise, b.taxRatePercent, b.taxInclusive), label: 'GST' },
  };
  const issuedAt = new Date();
  await services().db.sequelize.query(
    'INSERT INTO receipts (order_id, tenant_id, user_id, fiscal_year, seq, number, snapshot, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    { replacements: [order.id, order.tenantId, order.userId, fy, seq, number, JSON.stringify(snapshot), issuedAt], transaction: t });
  return { orderId: order.id, tenantId: order.tenantId, userId: order.userId, fiscalYear: fy, seq, number, issuedAt, snapshot };
}
