import { Op } from 'sequelize';
import { LedgerEntry } from '../../models/index.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import type { Principal } from '../../auth/principal.js';
import { presentLedgerEntry, type LedgerEntryView } from '../../presenters/wallet.js';

/** The caller's ledger, newest first. Ledger ids only grow, so the history pages by id alone. */
export async function ledgerHistory(p: Principal, limit?: number, cursor?: string): Promise<{ items: LedgerEntryView[]; nextCursor?: string }> {
  const n = parseLimit(limit);
  const after = decodeCursor<{ h: number }>(cursor, (v): v is { h: number } => Number.isSafeInteger((v as { h?: unknown })?.h));
  const rows = await LedgerEntry.findAll({
    where: { userId: p.userId, tenantId: p.tenantId, ...(after ? { id: { [Op.lt]: after.h } } : {}) },
    order: [['id', 'DESC']], limit: n + 1,
  });
  const page = rows.slice(0, n);
  return { items: page.map(presentLedgerEntry), nextCursor: rows.length > n ? encodeCursor({ h: page[page.length - 1]!.id }) : undefined };
}
