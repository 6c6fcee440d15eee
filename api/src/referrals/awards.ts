import type { Transaction } from 'sequelize';
import { ReferralEvent, User } from '../models/index.js';
import { emitUserEvent, type WebhookEventType } from '../webhooks/events.js';
import { applyMovement } from '../ledger/ledger.js';
import { services } from '../context.js';
import { newId } from '../util/ids.js';
import { retryOnDeadlock, isUniqueViolation } from '../db.js';

export type ReferralType = 'signup' | 'first_generation' | 'qualified' | 'milestone';
/**
 * paid: credited; counted: a zero-credit marker (a qualified referee); held: waits for an admin; rejected: never pays;
 * capped: the referrer had already been paid for the partner's lifetime cap of referees, so this award pays nothing.
 */
export type ReferralStatus = 'paid' | 'counted' | 'held' | 'rejected' | 'capped';

export interface AwardInput {
  tenantId: string;
  type: ReferralType;
  referrerUserId: string;
  refereeUserId: string | null;
  beneficiaryUserId: string;
  creditsMilli: number;
  /** Makes the award happen once: signup:<referee>, first_gen:<referee>, qualified:<referee>, milestone:<referrer>:<n>. */
  uniqueKey: string;
  holdReason?: string | null;
  rejected?: boolean;
  /** Over the referrer's lifetime cap: recorded as `capped`, paying nothing. */
  capped?: boolean;
  note: string;
}

export const settledStatus = (creditsMilli: number): ReferralStatus => (creditsMilli > 0 ? 'paid' : 'counted');

/**
 * Records one award in the caller's transaction. A paid award goes through the ledger as
 * referral/referral/<event id>; a held one records the amount it would pay, paid later on approval.
 * A second award with the same unique key throws (unique index) and rolls the transaction back.
 */
export async function recordAward(t: Transaction, a: AwardInput): Promise<ReferralEvent> {
  const status: ReferralStatus = a.rejected ? 'rejected' : a.capped ? 'capped' : a.holdReason ? 'held' : settledStatus(a.creditsMilli);
  const ev = await ReferralEvent.create({
    id: newId('refev'), tenantId: a.tenantId, referrerUserId: a.referrerUserId, refereeUserId: a.refereeUserId, type: a.type,
    creditsAwarded: a.creditsMilli, beneficiaryUserId: a.beneficiaryUserId, status, holdReason: a.holdReason ?? null, uniqueKey: a.uniqueKey,
    reviewedBy: null,
  }, { transaction: t });
  if (status === 'paid') await payEvent(t, ev, a.note);
  if (status === 'held') await emitReferralEvent(t, ev, 'referral.held');
  return ev;
}

/** referral.held / referral.rewarded, about the beneficiary (`sub`) and naming the referee by their sub too. */
async function emitReferralEvent(t: Transaction, ev: ReferralEvent, type: WebhookEventType) {
  const referee = ev.refereeUserId ? await User.findByPk(ev.refereeUserId, { attributes: ['sub'], transaction: t }) : null;
  await emitUserEvent(t, ev.tenantId, ev.beneficiaryUserId, type, { referralEventId: ev.id, referralType: ev.type, refereeSub: referee?.sub ?? null,
    credits: ev.creditsAwarded / 1000, ...(ev.holdReason && type === 'referral.held' ? { holdReason: ev.holdReason } : {}) });
}

export async function payEvent(t: Transaction, ev: ReferralEvent, note: string) {
  await applyMovement(t, {
    tenantId: ev.tenantId, userId: ev.beneficiaryUserId, delta: ev.creditsAwarded, reason: 'referral', refType: 'referral', refId: ev.id, note,
  });
  await emitReferralEvent(t, ev, 'referral.rewarded');
}

/** Runs an award in its own transaction; undefined when it had been made before. */
export async function awardOnce<T>(fn: (t: Transaction) => Promise<T>): Promise<T | undefined> {
  const { db } = services();
  try {
    return await retryOnDeadlock(() => db.tx(fn));
  } catch (err) {
    if (isUniqueViolation(err)) return undefined;
    throw err;
  }
}

/**
 * How many referees have earned this referrer a bonus (paid, or held and still payable on approval). The caller locks the
 * referrer's row first, so two awards finishing together cannot both take the last place under the cap.
 */
export async function paidReferees(t: Transaction, referrerUserId: string): Promise<number> {
  return ReferralEvent.count({ where: { referrerUserId, type: 'first_generation', status: ['paid', 'held'] }, transaction: t });
}

/** What the status of an award for a referee follows: its attribution (signup event) held or rejected. */
export async function attributionState(refereeUserId: string, t?: Transaction): Promise<{ holdReason: string | null; rejected: boolean } | undefined> {
  const signup = await ReferralEvent.findOne({ where: { uniqueKey: `signup:${refereeUserId}` }, transaction: t });
  if (!signup) return undefined;
  if (signup.status === 'rejected') return { holdReason: null, rejected: true };
  if (signup.status === 'held') return { holdReason: 'attribution_held', rejected: false };
  return { holdReason: null, rejected: false };
}
