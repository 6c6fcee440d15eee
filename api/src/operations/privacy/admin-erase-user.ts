import { PrivacyRequest, User } from '../../models/index.js';
import { invalid, notFound } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';
import { audit } from '../../admin/audit.js';
import { subjectHash } from '../../util/pseudonym.js';
import { eraseUserJob } from '../../privacy/erasure.js';
import { requestOnce } from '../../privacy/requests.js';
import { presentErasure, type ErasureView } from '../../presenters/privacy.js';

export interface AdminEraseBody { note: string }

const statusUrl = (userId: string) => `/api/admin/users/${encodeURIComponent(userId)}/erasure`;

/** The partner's user by our id or by its `sub`; another partner's user (or an unknown one) is 404, and nobody is provisioned. */
async function partnerUser(admin: Principal, userId: string): Promise<User> {
  if (typeof userId !== 'string' || !userId || userId.length > 191) throw notFound('user');
  const u = (await User.findOne({ where: { tenantId: admin.tenantId, id: userId }, attributes: ['id', 'sub'] }))
    ?? (await User.findOne({ where: { tenantId: admin.tenantId, sub: userId }, attributes: ['id', 'sub'] }));
  if (!u) throw notFound('user');
  return u;
}

/** POST /api/admin/users/{userId}/erase: erases a user of the partner on their behalf (202, idempotent), audited with the note. */
export async function adminEraseUser(admin: Principal, userId: string, body: AdminEraseBody): Promise<ErasureView> {
  const note = typeof body?.note === 'string' ? body.note.trim() : '';
  if (!note) throw invalid('note', 'required: why the account is erased (the request, ticket...)');
  if (note.length > 1000) throw invalid('note', 'at most 1000 characters');
  const u = await partnerUser(admin, userId);
  const r = await requestOnce({
    tenantId: admin.tenantId, userId: u.id, kind: 'erase', dedupeKey: `erase:${u.id}`,
    subjectHash: u.sub.startsWith('erased:') ? null : subjectHash(admin.tenantId, u.sub), requestedBy: admin.userId, note,
  }, eraseUserJob, (requestId) => ({ requestId }), async (t, _row, created) => {
    // Named by our id: the audit trail must not keep the `sub` the erasure removes.
    if (created) await audit(t, admin, 'user.erase', 'user', u.id, note);
  });
  return presentErasure(r, statusUrl(u.id));
}

/** GET /api/admin/users/{userId}/erasure: the erasure of a user of the partner (404 when none). */
export async function adminGetErasure(admin: Principal, userId: string): Promise<ErasureView> {
  const u = await partnerUser(admin, userId);
  const r = await PrivacyRequest.findOne({ where: { tenantId: admin.tenantId, dedupeKey: `erase:${u.id}` } });
  if (!r) throw notFound('erasure');
  return presentErasure(r, statusUrl(u.id));
}
