import { applyMovement } from '../../ledger/ledger.js';
import { emitWebhookEvent } from '../../webhooks/events.js';
import { services } from '../../context.js';
import { invalid } from '../../errors.js';
import { isExactCredits, toMilli } from '../../util/credits.js';
import { newId } from '../../util/ids.js';
import { audit } from '../../admin/audit.js';
import { retryOnDeadlock } from '../../db.js';
import type { Principal } from '../../auth/principal.js';
import { findPartnerUser } from './find-user.js';

export interface AdjustRequest {
  /** Signed credits (at most 3 decimals, so exact in millicredits); a negative amount never takes the balance below zero. */
  credits: number;
  /** Why (1..500 characters): kept on the ledger row and in the audit log. */
  note: string;
}
export interface AdjustResponse { adjustmentId: string; userId: string; sub: string; credits: number; balance: number }

/**
 * Support's balance adjustment through the ledger, with a required note, audited in the same transaction. A negative
 * adjustment larger than the balance is 402 `insufficient_credits` and writes nothing (the ledger refuses it inside
 * the transaction, so two concurrent adjustments can never overdraw together).
 */
export async function adjustUserCredits(admin: Principal, userId: string, body: AdjustRequest): Promise<AdjustResponse> {
  if (typeof body?.credits !== 'number' || !isExactCredits(body.credits) || body.credits === 0 || Math.abs(body.credits) > 1_000_000) {
    throw invalid('credits', 'a non-zero number of credits with at most 3 decimals, at most 1,000,000 either way');
  }
  const note = typeof body.note === 'string' ? body.note.trim() : '';
  if (!note || note.length > 500) throw invalid('note', 'a reason of 1 to 500 characters is required');
  const user = await findPartnerUser(admin.tenantId, userId);
  const adjustmentId = newId('adj');
  const delta = toMilli(body.credits);
  const { db } = services();
  const r = await retryOnDeadlock(() => db.tx(async (t) => {
    const moved = await applyMovement(t, { tenantId: admin.tenantId, userId: user.id, delta, reason: 'admin', refType: 'adjustment', refId: adjustmentId, note });
    await audit(t, admin, 'user.adjust', 'user', user.id, note, { sub: user.sub, credits: delta / 1000, adjustmentId, balanceAfter: moved.balanceAfter / 1000 });
    await emitWebhookEvent(t, admin.tenantId, 'credits.granted', { sub: user.sub, grantId: adjustmentId, source: 'admin', credits: delta / 1000, balance: moved.balanceAfter / 1000 });
    return moved;
  }));
  return { adjustmentId, userId: user.id, sub: user.sub, credits: delta / 1000, balance: r.balanceAfter / 1000 };
}
