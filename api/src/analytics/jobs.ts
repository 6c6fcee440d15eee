import { defineJob, noData } from '../jobs/definition.js';
import { Tenant } from '../models/index.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { logger } from '../logger.js';
import { rollupTenant } from './rollup.js';

/**
 * Hourly: brings every active partner's daily rollups up to date (missing days, and the last days again while they
 * settle) and deletes its analytics events past `retention.analyticsEventsDays` once their days are rolled up.
 * Idempotent and safe in several workers at once (a day is rewritten whole in one transaction).
 */
export const analyticsRollupJob = defineJob({
  name: 'analytics:rollup',
  parse: noData,
  concurrency: 1,
  async handler() {
    const tenants = await Tenant.findAll({ where: { status: 'active' }, attributes: ['id'] });
    for (const t of tenants) {
      const done = await rollupTenant(t.id, await getTenantConfig(t.id));
      if (done.computed || done.deleted) logger().info({ tenantId: t.id, ...done }, 'analytics rollup');
    }
  },
});
