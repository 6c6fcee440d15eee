import { Op } from 'sequelize';
import { PrivacyRequest } from '../../models/index.js';
import { services } from '../../context.js';
import { notFound } from '../../errors.js';
import type { Principal } from '../../auth/principal.js';
import { buildExport, countRows, exportUserJob, withFreshLinks, type ExportDocument } from '../../privacy/export.js';
import { requestOnce } from '../../privacy/requests.js';
import { presentExportStatus, type ExportStatusView } from '../../presenters/privacy.js';

/**
 * GET /api/me/export: everything stored about the caller. Up to PRIVACY_EXPORT_SYNC_ROWS rows (default 2000) it is the
 * answer (200); above, a job builds it (202 with the status URL), and an export already under way is answered again
 * instead of starting another. The caller is the token's user: there is no way to name another user.
 */
export async function exportMyData(p: Principal): Promise<{ status: 200; body: ExportDocument } | { status: 202; body: ExportStatusView }> {
  const s = { tenantId: p.tenantId, userId: p.userId };
  if ((await countRows(s)) <= services().config.privacyExportSyncRows) return { status: 200, body: await buildExport(s) };
  const busy = await PrivacyRequest.findOne({ where: { ...s, kind: 'export', status: { [Op.in]: ['pending', 'running'] } } });
  const r = busy ?? await requestOnce({ ...s, kind: 'export', dedupeKey: null, requestedBy: 'self' }, exportUserJob, (requestId) => ({ requestId }));
  return { status: 202, body: presentExportStatus(r) };
}

/** GET /api/me/exports/{requestId}: the status of one of the caller's exports, with the document once built. */
export async function getMyExport(p: Principal, requestId: string): Promise<ExportStatusView> {
  const r = typeof requestId === 'string' && requestId.length <= 40
    ? await PrivacyRequest.findOne({ where: { id: requestId, tenantId: p.tenantId, userId: p.userId, kind: 'export' } })
    : null;
  if (!r) throw notFound('export');
  const doc = r.status === 'done' && r.result ? withFreshLinks(JSON.parse(r.result) as ExportDocument) : undefined;
  return presentExportStatus(r, doc);
}
