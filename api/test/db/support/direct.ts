import type { Transaction } from 'sequelize';
import { expect } from 'chai';
import { services } from '../../../src/context.js';
import { AppError, type ErrorCode } from '../../../src/errors.js';
import { applyMovement, checkLedger, type Movement } from '../../../src/ledger/ledger.js';
import { resolveUser } from '../../../src/auth/users.js';
import type { Principal } from '../../../src/auth/principal.js';
import { Category, Wallet } from '../../../src/models/index.js';
import { DEFAULT_TENANT_ID } from '../../../src/tenants/tenants.js';

/** The database tier: the rules called as functions, no HTTP in between. */

export const tx = <T>(fn: (t: Transaction) => Promise<T>): Promise<T> => services().db.tx(fn);

/** One movement in its own transaction. */
export const move = (m: Omit<Movement, 'tenantId'> & { tenantId?: string }) => tx((t) => applyMovement(t, { tenantId: DEFAULT_TENANT_ID, ...m }));

/** A user (with its wallet) as the first request of a partner's token creates it. */
export async function user(sub: string, ctx: { ip?: string; deviceId?: string } = {}): Promise<Principal> {
  const { id } = await resolveUser(DEFAULT_TENANT_ID, { sub, name: sub }, ctx);
  return { tenantId: DEFAULT_TENANT_ID, userId: id, sub, name: sub, role: 'user' };
}

export async function balance(userId: string): Promise<number> {
  return Number((await Wallet.findByPk(userId))!.balance);
}

export async function grant(userId: string, milli: number, ref = `grant-${userId}-${Date.now()}-${Math.random()}`) {
  await move({ userId, delta: milli, reason: 'admin', refType: 'test', refId: ref });
}

export async function firstCategoryId(): Promise<string> {
  return (await Category.findOne({ where: { tenantId: DEFAULT_TENANT_ID }, order: [['id', 'ASC']] }))!.id;
}

/** Awaits a promise that must fail with an AppError of this code; returns the error for more checks. */
export async function refusal(p: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err, `expected ${code}`).to.be.instanceOf(AppError);
  expect((err as AppError).code).to.equal(code);
  return err as AppError;
}

export async function ledgerClean() {
  const res = await checkLedger();
  expect(res.problems, 'balance = sum(ledger) and >= 0 for every wallet').to.deep.equal([]);
}
