import { QueryTypes, type Transaction } from 'sequelize';
import { DateTime } from 'luxon';
import { AppError } from '../errors.js';
import { services } from '../context.js';
import { insertRows, isUniqueViolation, type Dialect, type SqlValue, type Statement, type StatementResult } from '../db.js';
import { Wallet } from '../models/index.js';
import { countLedgerMovement } from '../metrics/registry.js';
import { suspendedError } from '../auth/suspension.js';
import { processCache } from '../util/process-cache.js';

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

/** The calendar month ('yyyy-MM') of `at` in the partner's time zone; each zone's current month is remembered with its bounds. */
export function monthKey(timezone = 'Asia/Kolkata', at = new Date()): string {
  const ms = at.getTime();
  const hit = months.get(timezone);
  if (hit && ms >= hit.from && ms < hit.until) return hit.key;
  const local = DateTime.fromJSDate(at).setZone(timezone);
  const start = local.startOf('month');
  const entry = { key: local.toFormat('yyyy-MM'), from: start.toMillis(), until: start.plus({ months: 1 }).toMillis() };
  if (months.size > 500) months.clear();
  months.set(timezone, entry);
  return entry.key;
}
const months = processCache<string, { key: string; from: number; until: number }>();

/** The statements of one movement: the wallet's conditional UPDATE, then the ledger row with the balance it produced. */
export interface MovementStatements {
  /** Changes one row or none (refused); answers the new balance (RETURNING on SQLite, LAST_INSERT_ID(expr) on MySQL). */
  update: Statement;
  /** The new balance from the UPDATE's result, or null when it changed no row: the movement is refused (explainRefusal). */
  balanceAfter(r: StatementResult): number | null;
  ledger(balanceAfter: number): Statement;
}

/**
 * The movement as statements, for applyMovement and for a db.script transaction (the generate acknowledgement).
 * The UPDATE cannot take the balance below zero, however many run at once: the row lock orders them and the WHERE
 * re-checks. `unlessSuspended` adds the suspension check to the same WHERE (a suspended user cannot spend: the
 * generate path's one read of user_suspensions, folded into its debit).
 */
export function movementStatements(dialect: Dialect, m: Movement, now = new Date(), o: { unlessSuspended?: boolean } = {}): MovementStatements {
  if (!Number.isSafeInteger(m.delta) || m.delta === 0) throw new Error(`ledger: delta must be a non-zero integer (got ${m.delta})`);
  const month = monthKey(m.timezone, now);
  let set: string;
  let params: SqlValue[];
  let guard = '';
  const spending = countsAsSpending(m.reason);
  if (spending && m.delta < 0) {
    const spend = -m.delta;
    set = `spent_in_month = (CASE WHEN spent_month = ? THEN spent_in_month ELSE 0 END) + ?, spent_month = ?, updated_at = ?`;
    params = [m.delta, month, spend, month, now, m.userId, m.delta];
    // An open debt (ledger/debt.ts) blocks spending, in the same conditional update so concurrent debits cannot slip past it.
    guard = ' AND debt = 0';
    if (m.monthlyCapMilli !== undefined && m.monthlyCapMilli !== null) {
      guard += ' AND (CASE WHEN spent_month = ? THEN spent_in_month ELSE 0 END) + ? <= ?';
      params.push(month, spend, m.monthlyCapMilli);
    }
  } else if (spending) {
    // A spending credit (a refund) gives the month's spend back, never below zero, and only within the same month.
    set = `spent_in_month = CASE WHEN spent_month = ? THEN (CASE WHEN spent_in_month > ? THEN spent_in_month - ? ELSE 0 END) ELSE spent_in_month END,
      updated_at = ?`;
    params = [m.delta, month, m.delta, m.delta, now, m.userId, m.delta];
  } else {
    set = 'updated_at = ?';
    params = [m.delta, now, m.userId, m.delta];
  }
  if (o.unlessSuspended) {
    guard += ' AND NOT EXISTS (SELECT 1 FROM user_suspensions s WHERE s.user_id = ?)';
    params.push(m.userId);
  }
  // The new balance comes back with the UPDATE itself, so the row lock is not held for an extra SELECT round trip:
  // RETURNING on SQLite; on MySQL/MariaDB LAST_INSERT_ID(expr), whose value the server reports in the UPDATE's reply.
  const update: Statement = dialect === 'mysql'
    ? { sql: `UPDATE wallets SET balance = LAST_INSERT_ID(balance + ?), ${set} WHERE user_id = ? AND balance + ? >= 0${guard}`, params }
    : { sql: `UPDATE wallets SET balance = balance + ?, ${set} WHERE user_id = ? AND balance + ? >= 0${guard} RETURNING balance`, params, returning: true };
  return {
    update,
    balanceAfter: (r) => {
      if (!r.affected) return null;
      return dialect === 'mysql' ? r.insertId : Number(r.rows?.[0]?.balance ?? 0);
    },
    ledger: (balanceAfter) => insertRows('credit_ledger', LEDGER_COLUMNS, [ledgerValues(m, balanceAfter, now)])[0]!,
  };
}

/** The credit_ledger row of a movement (movementStatements; several at once where one UPDATE debited several movements). */
export const LEDGER_COLUMNS = ['tenant_id', 'user_id', 'delta', 'balance_after', 'reason', 'ref_type', 'ref_id', 'note', 'spending', 'created_at'] as const;
export const ledgerValues = (m: Movement, balanceAfter: number, now: Date): SqlValue[] =>
  [m.tenantId, m.userId, m.delta, balanceAfter, m.reason, m.refType, m.refId, m.note ?? null, countsAsSpending(m.reason), now];

/**
 * Why a movement's UPDATE changed no row, as the error to answer, from the wallet as it is now (read in the
 * movement's transaction, or after a db.script rolled back). `suspended` is asked first when the UPDATE checked it.
 */
export async function explainRefusal(m: Movement, wallet: { balance: number; debt: number } | null, suspended?: () => Promise<boolean>): Promise<AppError> {
  if (!wallet) throw new Error(`ledger: no wallet for user ${m.userId}`);
  if (suspended && (await suspended())) return suspendedError();
  const spending = countsAsSpending(m.reason);
  if (spending && m.delta < 0 && wallet.debt > 0) {
    // A debt (ledger/debt.ts) blocks spending until a purchase settles it: 402 like any shortfall, with the debt.
    return new AppError('insufficient_credits', `Your account owes ${credits(wallet.debt)} from a refunded or disputed payment; buy credits to settle it first.`, {
      balance: wallet.balance / 1000, required: -m.delta / 1000, debtCredits: wallet.debt / 1000,
    });
  }
  if (wallet.balance + m.delta < 0) {
    return new AppError('insufficient_credits', `This needs ${credits(-m.delta)} and the balance is ${credits(wallet.balance)}.`, {
      balance: wallet.balance / 1000, required: -m.delta / 1000,
    });
  }
  return new AppError('insufficient_credits', 'The monthly spending limit set by your platform has been reached.', { monthlyCapReached: true });
}

/**
 * The only way a balance changes. In the caller's transaction: one conditional UPDATE of the wallet, then the ledger
 * row with the balance it produced (movementStatements). A duplicate (reason, ref) throws, rolling back the whole
 * transaction, so a refund or a purchase credit cannot happen twice even if code tried.
 */
export async function applyMovement(t: Transaction, m: Movement): Promise<{ balanceAfter: number; entryId: number }> {
  const { db } = services();
  const s = movementStatements(db.dialect, m);
  // Positional parameters, straight to the driver (db.exec).
  const balanceAfter = s.balanceAfter(await db.exec(t, s.update));
  if (balanceAfter === null) {
    const wallet = await Wallet.findByPk(m.userId, { transaction: t });
    throw await explainRefusal(m, wallet);
  }
  const entry = await db.exec(t, s.ledger(balanceAfter));
  countLedgerMovement(t, m.reason);
  return { balanceAfter, entryId: entry.insertId };
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
