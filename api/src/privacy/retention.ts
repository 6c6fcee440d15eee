import { Op } from 'sequelize';
import { IdempotencyKey, Notification, PrivacyRequest, Tenant, User } from '../models/index.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { defineJob, noData } from '../jobs/definition.js';
import type { JobEnqueuer } from '../jobs/definition.js';
import { DAY_MS, now } from '../util/clock.js';
import { HASHED_IP_PREFIX, hashIp } from '../util/pseudonym.js';
import { logger } from '../logger.js';
import { stalledRequests } from './requests.js';
import { eraseUserJob } from './erasure.js';
import { exportUserJob } from './export.js';

/**
 * The daily retention job (DPDP Rules 2025, r.8: keep personal data no longer than its purpose needs; docs/privacy.md),
 * per partner with the periods of its `retention` configuration:
 * - raw IP addresses of users older than `ipDays` become keyed hashes (util/pseudonym.ts): the referral fraud rules
 *   still see a shared address, nobody can read it back;
 * - idempotency keys older than `idempotencyDays`;
 * - notifications read more than `readNotificationsDays` ago;
 * - built exports after EXPORT_KEEP_DAYS (the status stays, the document goes).
 * (`analyticsEventsDays` is the analytics module's: it rolls events up into daily aggregates.)
 * It also hands stalled privacy requests back to the queue. Every step is idempotent, so two runs change nothing more.
 */
export const EXPORT_KEEP_DAYS = 7;
const BATCH = 500;

export interface RetentionCounts { ipsHashed: number; idempotencyKeys: number; notifications: number; exports: number; requeued: number }

export async function applyRetention(queue?: JobEnqueuer): Promise<RetentionCounts> {
  const at = now().getTime();
  const out: RetentionCounts = { ipsHashed: 0, idempotencyKeys: 0, notifications: 0, exports: 0, requeued: 0 };
  const tenants = await Tenant.findAll({ attributes: ['id'] });
  for (const { id: tenantId } of tenants) {
    const r = (await getTenantConfig(tenantId)).retention;
    out.ipsHashed += await hashOldIps(tenantId, new Date(at - r.ipDays * DAY_MS));
    out.idempotencyKeys += await IdempotencyKey.destroy({ where: { tenantId, createdAt: { [Op.lt]: new Date(at - r.idempotencyDays * DAY_MS) } } });
    out.notifications += await Notification.destroy({ where: { tenantId, readAt: { [Op.lt]: new Date(at - r.readNotificationsDays * DAY_MS) } } });
  }
  [out.exports] = await PrivacyRequest.update({ result: null }, {
    where: { kind: 'export', status: 'done', result: { [Op.ne]: null }, finishedAt: { [Op.lt]: new Date(at - EXPORT_KEEP_DAYS * DAY_MS) } },
  });
  if (queue) {
    for (const req of await stalledRequests()) {
      if (req.kind === 'erase') await queue.enqueue(eraseUserJob, { requestId: req.id });
      else await queue.enqueue(exportUserJob, { requestId: req.id });
      out.requeued += 1;
    }
  }
  return out;
}

const raw = (col: 'signupIp' | 'lastIp') => ({ [col]: { [Op.and]: [{ [Op.ne]: null }, { [Op.notLike]: `${HASHED_IP_PREFIX}%` }] } });

async function hashOldIps(tenantId: string, before: Date): Promise<number> {
  let n = 0;
  for (;;) {
    const users = await User.findAll({
      where: { tenantId, createdAt: { [Op.lt]: before }, [Op.or]: [raw('signupIp'), raw('lastIp')] },
      attributes: ['id', 'signupIp', 'lastIp'], limit: BATCH,
    });
    if (!users.length) return n;
    for (const u of users) {
      // Conditional on the values read, so a concurrent change of the row is not overwritten.
      await User.update(
        { signupIp: u.signupIp ? hashIp(u.signupIp) : null, lastIp: u.lastIp ? hashIp(u.lastIp) : null },
        { where: { id: u.id, signupIp: u.signupIp, lastIp: u.lastIp }, silent: true },
      );
      n += 1;
    }
  }
}

export const retentionJob = defineJob({
  name: 'privacy:retention',
  parse: noData,
  async handler(_data, ctx) {
    const counts = await applyRetention(ctx.queue);
    logger().info(counts, 'retention applied');
  },
});
