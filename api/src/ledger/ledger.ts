import { QueryTypes, type Transaction } from 'sequelize';
import { DateTime } from 'luxon';
import { AppError } from '../errors.js';
import { services } from '../context.js';
import { isUniqueViolation } from '../db.js';
import { LedgerEntry, Wallet } from '../models/index.js';
import { countLedgerMovement } from '../metrics/registry.js';

import { countsAsSpending, type LedgerReason } from './reasons.js';

export type { LedgerReason } from './reasons.js';

export interface Movement {
  tenantId: string;
  userId: string;
  /** Signed millicredits. */
  delta: number;
  reason: LedgerReason;
  /** What the movement is about; (reason, refType, refId) is unique, so a movement can never be applied twice. */
  refType: string;
  refId: string;
  note?: string;
  /** Partner time zone, for the calendar month of monthly spend. */
  timezone?: string;
  /** Monthly spend cap in millicredits, checked atomically with a spending debit (ledger/reasons.ts). */
  monthlyCapMilli?: number | null;
}

const credits = (milli: number) => `${milli / 1000} credit${milli === 1000 ? '' : 's'}`;

export const monthKey = (timezone = 'Asia/Kolkata', at = new Date()) => DateTime.fromJSDate(at).setZone(timezone).toFormat('yyyy-MM');

/**
 * The only way a balance changes. In the caller's transaction: one conditional UPDATE of the wallet
 * (it cannot go below zero, however many run at once: the row lock orders them and the WHERE re-checks),
 * then the ledger row with the balance it produced. A duplicate (reason, ref) throws, rolling back the
 * whole transaction, so a refund or a purchase credit cannot happen twice even if code tried.
 */
export async function applyMovement(t: Transaction, m: Movement): Promise<{ balanceAfter: number; entryId: number }> {
  if (!Number.isSafeInteger(m.delta) || m.delta === 0) throw new Error(`ledger: delta must be a non-zero integer (got ${m.delta})`);
  const { sequelize } = services().db;
  const now = new Date();
  const month = monthKey(m.timezone, now);
  let sql: string;
  const r: Record<string, unknown> = { u: m.userId, d: m.delta, m: month, now };
  const spending = countsAsSpending(m.reason);
  if (spending && m.delta < 0) {
    r.spend = -m.delta;
    sql = `UPDATE wallets SET balance = balance + :d,
      spent_in_month = (CASE WHEN spent_month = :m THEN spent_in_month ELSE 0 END) + :spend,
      spent_month = :m, updated_at = :now
      WHERE user_id = :u AND balance + :d >= 0 AND debt = 0`;
    if (m.monthlyCapMilli !== undefined && m.monthlyCapMilli !== null) {
      r.cap = m.monthlyCapMilli;
      sql += ' AND (CASE WHEN spent_month = :m THEN spent_in_month ELSE 0 END) + :spend <= :cap';
    }
  } else if (spending) {
    // A spending credit (a refund) gives the month's spend back, never below zero, and only within the same month.
    r.back = m.delta;
    sql = `UPDATE wallets SET balance = balance + :d,
      spent_in_month = CASE WHEN spent_month = :m THEN (CASE WHEN spent_in_month > :back THEN spent_in_month - :back ELSE 0 END) ELSE spent_in_month END,
      updated_at = :now WHERE user_id = :u AND balance + :d >= 0`;
  } else {
    sql = 'UPDATE wallets SET balance = balance + :d, updated_at = :now WHERE user_id = :u AND balance + :d >= 0';
  }
  // The new balance comes back with the UPDATE itself, so the row lock is not held for an extra SELECT round trip:
  // RETURNING on SQLite; on MySQL/MariaDB LAST_INSERT_ID(expr), whose value the server reports in the UPDATE's reply.
  let affected: number;
  let balanceAfter = 0;
  if (services().db.dialect === 'mysql') {
    const [header] = (await sequelize.query(sql.replace('SET balance = balance + :d', 'SET balance = LAST_INSERT_ID(balance + :d)'),
      { replacements: r, transaction: t })) as unknown as [{ affectedRows: number; insertId: number | string }];
    affected = header.affectedRows;
    balanceAfter = Number(header.insertId);
  } else {
    const rows = (await sequelize.query(`${sql} RETURNING balance`, { replacements: r, transaction: t, type: QueryTypes.SELECT })) as { balance: number | string }[];
    affected = rows.length;
    balanceAfter = Number(rows[0]?.balance ?? 0);
  }
  if (!affected) {
    const wallet = await Wallet.findByPk(m.userId, { transaction: t });
    if (!wallet) throw new Error(`ledger: no wallet for user ${m.userId}`);
    if (spending && m.delta < 0 && wallet.debt > 0) {
      // A debt (ledger/debt.ts) blocks spending until a purchase settles it: 402 like any shortfall, with the debt.
      throw new AppError('insufficient_credits', `Your account owes ${credits(wallet.debt)} from a refunded or disputed payment; buy credits to settle it first.`, {
        balance: wallet.balance / 1000, required: -m.delta / 1000, debtCredits: wallet.debt / 1000,
      });
    }
    if (wallet.balance + m.delta < 0) {
      throw new AppError('insufficient_credits', `This needs ${credits(-m.delta)} and the balance is ${credits(wallet.balance)}.`, {
        balance: wallet.balance / 1000, required: -m.delta / 1000,
      });
    }
    throw new AppError('insufficient_credits', 'The monthly spending limit set by your platform has been reached.', { monthlyCapReached: true });
  }
  const entry = await LedgerEntry.create(
    { tenantId: m.tenantId, userId: m.userId, delta: m.delta, balanceAfter, reason: m.reason, refType: m.refType, refId: m.refId, note: m.note ?? null, spending },
    { transaction: t },
  );
  countLedgerMovement(t, m.reason);
  return { balanceAfter, entryId: entry.id };
}

/** True when the error is the unique (reason, ref) guard: the movement had already been applied. */
export function isDuplicateMovement(err: unknown) {
  return isUniqueViolation(err);
}

export async function createWallet(t: Transaction, tenantId: string, userId: string) {
  await Wallet.create({ userId, tenantId, balance: 0, spentInMonth: 0, spentMonth: null }, { transaction: t });
}

export interface LedgerProblem { userId: string; balance: number; ledgerSum: number; debt?: number; debtSum?: number }

/**
 * Proves balance = sum(ledger) and balance >= 0 for every wallet (optionally one tenant), and the same for debts:
 * debt = sum(credit_debt_entries) >= 0 (ledger/debt.ts).
 */
export async function checkLedger(tenantId?: string): Promise<{ wallets: number; problems: LedgerProblem[] }> {
  const { sequelize } = services().db;
  const where = tenantId ? 'WHERE w.tenant_id = :tenantId' : '';
  const rows = (await sequelize.query(
    `SELECT w.user_id AS userId, w.balance AS balance, COALESCE(s.total, 0) AS ledgerSum
     FROM wallets w LEFT JOIN (SELECT user_id, SUM(delta) AS total FROM credit_ledger GROUP BY user_id) s ON s.user_id = w.user_id ${where}`,
    { type: QueryTypes.SELECT, replacements: { tenantId } },
  )) as { userId: string; balance: number | string; ledgerSum: number | string }[];
  const problems: LedgerProblem[] = rows
    .map((r): LedgerProblem => ({ userId: r.userId, balance: Number(r.balance), ledgerSum: Number(r.ledgerSum) }))
    .filter((r) => r.balance !== r.ledgerSum || r.balance < 0);
  const orphans = (await sequelize.query(
    'SELECT l.user_id AS userId, SUM(l.delta) AS ledgerSum FROM credit_ledger l LEFT JOIN wallets w ON w.user_id = l.user_id WHERE w.user_id IS NULL GROUP BY l.user_id',
    { type: QueryTypes.SELECT },
  )) as { userId: string; ledgerSum: number }[];
  for (const o of orphans) problems.push({ userId: o.userId, balance: 0, ledgerSum: Number(o.ledgerSum) });
  const debts = (await sequelize.query(
    `SELECT w.user_id AS userId, w.balance AS balance, w.debt AS debt, COALESCE(s.total, 0) AS debtSum
     FROM wallets w LEFT JOIN (SELECT user_id, SUM(delta) AS total FROM credit_debt_entries GROUP BY user_id) s ON s.user_id = w.user_id ${where}`,
    { type: QueryTypes.SELECT, replacements: { tenantId } },
  )) as { userId: string; balance: number | string; debt: number | string; debtSum: number | string }[];
  for (const d of debts) {
    const debt = Number(d.debt), debtSum = Number(d.debtSum);
    if (debt !== debtSum || debt < 0) {
      const p = problems.find((x) => x.userId === d.userId);
      if (p) Object.assign(p, { debt, debtSum });
      else problems.push({ userId: d.userId, balance: Number(d.balance), ledgerSum: Number(d.balance), debt, debtSum });
    }
  }
  const debtOrphans = (await sequelize.query(
    'SELECT d.user_id AS userId, SUM(d.delta) AS debtSum FROM credit_debt_entries d LEFT JOIN wallets w ON w.user_id = d.user_id WHERE w.user_id IS NULL GROUP BY d.user_id',
    { type: QueryTypes.SELECT },
  )) as { userId: string; debtSum: number }[];
  for (const o of debtOrphans) problems.push({ userId: o.userId, balance: 0, ledgerSum: 0, debt: 0, debtSum: Number(o.debtSum) });
  return { wallets: rows.length, problems };
}
