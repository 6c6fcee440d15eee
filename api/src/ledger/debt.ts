import { QueryTypes, type Transaction } from 'sequelize';
import { services } from '../context.js';
import { DebtEntry, Wallet } from '../models/index.js';
import { applyMovement, type LedgerReason } from './ledger.js';

/**
 * Debts. A clawback (a refunded or disputed purchase) takes what it can from the balance through the ledger; what the
 * balance cannot cover becomes debt: wallets.debt plus an append-only credit_debt_entries row with the debt it produced,
 * (reason, ref_type, ref_id) unique like the ledger. A debt blocks spending (ledger.ts) until a purchase settles it, in the
 * purchase's transaction. ledger:check proves debt = sum(debt rows) >= 0 next to balance = sum(ledger rows) >= 0.
 */
export type DebtReason = 'clawback' | 'dispute_hold' | 'settlement' | 'dispute_won';

interface Ref { tenantId: string; userId: string; refType: string; refId: string; note?: string }

async function lockWallet(t: Transaction, userId: string) {
  const wallet = await Wallet.findByPk(userId, { transaction: t, lock: t.LOCK.UPDATE });
  if (!wallet) throw new Error(`ledger: no wallet for user ${userId}`);
  return wallet;
}

/** Moves the debt by `delta` millicredits (never below zero) and appends its row. */
async function moveDebt(t: Transaction, r: Ref & { delta: number; reason: DebtReason }): Promise<number> {
  if (!Number.isSafeInteger(r.delta) || r.delta === 0) throw new Error(`debt: delta must be a non-zero integer (got ${r.delta})`);
  const { sequelize } = services().db;
  const [, meta] = await sequelize.query('UPDATE wallets SET debt = debt + :d, updated_at = :now WHERE user_id = :u AND debt + :d >= 0',
    { replacements: { d: r.delta, u: r.userId, now: new Date() }, transaction: t, type: QueryTypes.UPDATE }) as unknown as [unknown, number];
  if (!meta) throw new Error(`debt: cannot move the debt of ${r.userId} by ${r.delta}`);
  const wallet = await Wallet.findByPk(r.userId, { transaction: t, attributes: ['debt'] });
  const debtAfter = wallet!.debt;
  await DebtEntry.create({ tenantId: r.tenantId, userId: r.userId, delta: r.delta, debtAfter, reason: r.reason, refType: r.refType, refId: r.refId,
    note: r.note?.slice(0, 500) ?? null }, { transaction: t });
  return debtAfter;
}

export interface Clawback { taken: number; debt: number; balanceAfter: number; debtAfter: number }

/**
 * Takes `milli` back: min(balance, milli) through the ledger (reason), the rest as debt. Locks the wallet first, so
 * concurrent spending and clawbacks are ordered. Idempotent through the unique (reason, ref) keys of both tables.
 */
export async function clawBack(t: Transaction, r: Ref & { milli: number; reason: Extract<LedgerReason, 'clawback' | 'dispute_hold'> }): Promise<Clawback> {
  const wallet = await lockWallet(t, r.userId);
  if (r.milli <= 0) return { taken: 0, debt: 0, balanceAfter: wallet.balance, debtAfter: wallet.debt };
  const taken = Math.min(wallet.balance, r.milli);
  const debt = r.milli - taken;
  let balanceAfter = wallet.balance;
  let debtAfter = wallet.debt;
  if (taken > 0) ({ balanceAfter } = await applyMovement(t, { ...r, delta: -taken, reason: r.reason }));
  if (debt > 0) debtAfter = await moveDebt(t, { ...r, delta: debt, reason: r.reason });
  return { taken, debt, balanceAfter, debtAfter };
}

/**
 * A purchase pays off the debt: min(debt, balance) leaves the balance (debt_settlement) and the debt, in the purchase's
 * transaction (payments/settle.ts), so a user with a debt never holds spendable purchased credits.
 */
export async function settleDebt(t: Transaction, r: Ref): Promise<{ settled: number; balanceAfter: number; debtAfter: number }> {
  const wallet = await lockWallet(t, r.userId);
  const settled = Math.min(wallet.debt, wallet.balance);
  if (settled <= 0) return { settled: 0, balanceAfter: wallet.balance, debtAfter: wallet.debt };
  const { balanceAfter } = await applyMovement(t, { ...r, delta: -settled, reason: 'debt_settlement' });
  const debtAfter = await moveDebt(t, { ...r, delta: -settled, reason: 'settlement' });
  return { settled, balanceAfter, debtAfter };
}

/**
 * A won dispute gives back what it held: the debt still owed is reduced first (like a purchase would pay it), the rest
 * returns to the balance (dispute_release). A debt the user already paid off with a purchase thus comes back as credits,
 * and a wallet never holds a balance and a debt at once after a gateway event, whatever order the events came in.
 */
export async function releaseHold(t: Transaction, r: Ref & { milli: number }): Promise<{ forgiven: number; released: number }> {
  const wallet = await lockWallet(t, r.userId);
  const forgiven = Math.min(wallet.debt, r.milli);
  if (forgiven > 0) await moveDebt(t, { ...r, delta: -forgiven, reason: 'dispute_won' });
  const released = r.milli - forgiven;
  if (released > 0) await applyMovement(t, { ...r, delta: released, reason: 'dispute_release' });
  return { forgiven, released };
}
