import { Op, type Transaction } from 'sequelize';
import { PrivacyRequest } from '../models/index.js';
import type { PrivacyRequestKind } from '../models/privacy.js';
import { services } from '../context.js';
import { isUniqueViolation } from '../db.js';
import { newId } from '../util/ids.js';
import { logger } from '../logger.js';
import type { JobDefinition, JobContext } from '../jobs/definition.js';

/**
 * Privacy requests (exports, erasures) are rows worked by jobs. Any number of workers may be handed the same request
 * (a duplicate trigger, a sweeper, a retry): each run first claims the row with one conditional UPDATE (pending, or
 * running with an expired lease), so one worker at a time works it, and every step of the work is safe to repeat, so a
 * worker that died half-way is simply followed by the next one.
 */
export const LEASE_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 8;

/** Claims the request for this run; false when another worker holds it or it is finished. */
export async function claimRequest(id: string): Promise<boolean> {
  const now = new Date();
  const [n] = await PrivacyRequest.update(
    { status: 'running', lockedUntil: new Date(now.getTime() + LEASE_MS) },
    { where: { id, [Op.or]: [{ status: 'pending' }, { status: 'running', lockedUntil: { [Op.lt]: now } }] } },
  );
  return n === 1;
}

/** Runs `work` on a claimed request; a failure hands it back for a later attempt (backing off), then marks it failed. */
export async function workRequest<D>(id: string, def: JobDefinition<D>, data: D, ctx: JobContext, work: (r: PrivacyRequest) => Promise<string | null>) {
  if (!(await claimRequest(id))) return 'skipped';
  const r = await PrivacyRequest.findByPk(id);
  if (!r) return 'skipped';
  try {
    const result = await work(r);
    await PrivacyRequest.update({ status: 'done', result, lockedUntil: null, finishedAt: new Date() }, { where: { id, status: 'running' } });
    return 'succeeded';
  } catch (err) {
    const attempts = r.attempts + 1;
    const failed = attempts >= MAX_ATTEMPTS;
    logger().warn({ err, requestId: id, kind: r.kind, attempts }, 'privacy request failed; it will be retried unless out of attempts');
    await PrivacyRequest.update({ status: failed ? 'failed' : 'pending', attempts, lockedUntil: null }, { where: { id } });
    if (!failed) await ctx.queue.enqueue(def, data, { delayMs: Math.min(60_000 * 2 ** (attempts - 1), 3_600_000) });
    return failed ? 'failed' : 'retry';
  }
}

/**
 * Finds or creates the request named by `dedupeKey` (one erasure per account), in the caller's transaction, with its
 * job's trigger. A failed request asked for again is handed back to the workers.
 */
export interface RequestFields {
  tenantId: string; userId: string; kind: PrivacyRequestKind; dedupeKey: string | null; subjectHash?: string | null; requestedBy: string; note?: string | null;
}

export async function findOrCreateRequest<D>(t: Transaction, fields: RequestFields, def: JobDefinition<D>, data: (id: string) => D): Promise<{ row: PrivacyRequest; created: boolean }> {
  if (fields.dedupeKey) {
    const existing = await PrivacyRequest.findOne({ where: { dedupeKey: fields.dedupeKey }, transaction: t, lock: t.LOCK.UPDATE });
    if (existing) {
      if (existing.status === 'failed') {
        await existing.update({ status: 'pending', attempts: 0 }, { transaction: t });
        await services().queue.enqueueInTx(t, def, data(existing.id));
      }
      return { row: existing, created: false };
    }
  }
  const id = newId(fields.kind === 'erase' ? 'era' : 'exp');
  const row = await PrivacyRequest.create({ id, ...fields, status: 'pending', attempts: 0 }, { transaction: t });
  await services().queue.enqueueInTx(t, def, data(id));
  return { row, created: true };
}

/** findOrCreateRequest in its own transaction, answering the row another request created first when two race. */
export async function requestOnce<D>(fields: RequestFields, def: JobDefinition<D>, data: (id: string) => D,
  inTx?: (t: Transaction, r: PrivacyRequest, created: boolean) => Promise<void>): Promise<PrivacyRequest> {
  try {
    return await services().db.tx(async (t) => {
      const { row, created } = await findOrCreateRequest(t, fields, def, data);
      await inTx?.(t, row, created);
      return row;
    });
  } catch (err) {
    if (fields.dedupeKey && isUniqueViolation(err)) {
      const again = await PrivacyRequest.findOne({ where: { dedupeKey: fields.dedupeKey } });
      if (again) return again;
    }
    throw err;
  }
}

/** Requests whose trigger was lost or whose worker died (lease expired), handed to the queue again (the daily job). */
export async function stalledRequests(olderThanMs = LEASE_MS): Promise<PrivacyRequest[]> {
  const now = Date.now();
  return PrivacyRequest.findAll({
    where: { [Op.or]: [
      { status: 'pending', updatedAt: { [Op.lt]: new Date(now - olderThanMs) } },
      { status: 'running', lockedUntil: { [Op.lt]: new Date(now) } },
    ] },
    attributes: ['id', 'kind'], limit: 500,
  });
}
