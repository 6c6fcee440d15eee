import { GenerationJob, LedgerEntry, Order, PrivacyRequest } from '../../models/index.js';
import { notFound } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';
import { subjectHash } from '../../util/pseudonym.js';
import { eraseUserJob } from '../../privacy/erasure.js';
import { requestOnce } from '../../privacy/requests.js';
import { presentErasure, type ErasureView } from '../../presenters/privacy.js';

export const MY_ERASURE_URL = '/api/me/erasure';

/**
 * DELETE /api/me: erases the caller's account (privacy/erasure.ts) in a job; answers the erasure's status (202).
 * Asked again, the same erasure answers: while it runs the token still names the account; once it is done the token's
 * `sub` is a new person to us (a new, empty account is made for it on that call), and an empty account whose subject
 * was erased before answers that erasure instead of starting another (docs/privacy.md).
 */
export async function eraseMe(p: Principal): Promise<ErasureView> {
  const hash = subjectHash(p.tenantId, p.sub);
  const mine = { tenantId: p.tenantId, userId: p.userId };
  const own = await PrivacyRequest.findOne({ where: { dedupeKey: `erase:${p.userId}` } });
  if (!own) {
    const earlier = await PrivacyRequest.findOne({ where: { tenantId: p.tenantId, kind: 'erase', subjectHash: hash }, order: [['createdAt', 'DESC']] });
    if (earlier && !(await LedgerEntry.count({ where: mine })) && !(await GenerationJob.count({ where: mine })) && !(await Order.count({ where: mine }))) {
      return presentErasure(earlier, MY_ERASURE_URL);
    }
  }
  const r = own ?? await requestOnce({ ...mine, kind: 'erase', dedupeKey: `erase:${p.userId}`, subjectHash: hash, requestedBy: 'self' },
    eraseUserJob, (requestId) => ({ requestId }));
  return presentErasure(r, MY_ERASURE_URL);
}

/** GET /api/me/erasure: the latest erasure of the token's subject, readable after the account was pseudonymised. */
export async function getMyErasure(p: Principal): Promise<ErasureView> {
  const r = await PrivacyRequest.findOne({
    where: { tenantId: p.tenantId, kind: 'erase', subjectHash: subjectHash(p.tenantId, p.sub) }, order: [['createdAt', 'DESC']],
  });
  if (!r) throw notFound('erasure');
  return presentErasure(r, MY_ERASURE_URL);
}
