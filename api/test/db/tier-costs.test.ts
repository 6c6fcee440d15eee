import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { getTenantConfig } from '../../src/tenants/config-store.js';
import { updateAdminConfig } from '../../src/operations/admin/config.js';
import { tierCost } from '../../src/studio/tiers.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';
import type { Principal } from '../../src/auth/principal.js';

/**
 * Tier costs called directly: the partner's stored configuration (saved the way the admin API saves it) read back
 * through the config store, then priced by tierCost, on SQLite and MariaDB. The edges: a campaign starts at its
 * startsAt (inclusive) and ends at its endsAt (exclusive), the largest discount wins, a campaign names its tiers,
 * and a discounted cost is whole millicredits.
 */
describeEachDatabase('tier costs, called directly', { server: 'services' }, function () {
    const admin: Principal = { tenantId: DEFAULT_TENANT_ID, userId: 'tier-admin', sub: 'tier-admin', name: 'Tier admin', role: 'admin' };
    const save = (config: Record<string, unknown>) => updateAdminConfig(admin, { config, note: 'tier cost test' });
    const cost = async (tier: 'standard' | 'premium2' | 'premium4', at?: Date) => tierCost(await getTenantConfig(DEFAULT_TENANT_ID), tier, at);

    it('defaults to the contract: Standard 1, Premium2 2, Premium4 4 credits (in millicredits)', async () => {
      expect([await cost('standard'), await cost('premium2'), await cost('premium4')]).to.deep.equal([1000, 2000, 4000]);
    });

    it('follows the partner\'s tier prices on the next read after a save', async () => {
      await save({ tiers: { premium2: { credits: 2.5 }, premium4: { credits: 3 } } });
      expect([await cost('standard'), await cost('premium2'), await cost('premium4')]).to.deep.equal([1000, 2500, 3000]);
    });

    it('applies a campaign discount from startsAt (inclusive) to endsAt (exclusive), to the tiers it names', async () => {
      const start = new Date('2030-01-01T00:00:00.000Z');
      const end = new Date('2030-01-02T00:00:00.000Z');
      await save({ tiers: { premium2: { credits: 2 } }, campaigns: [{ id: 'launch', name: 'Launch week', startsAt: start.toISOString(), endsAt: end.toISOString(), tierDiscountPercent: 50, tiers: ['premium2'] }] });
      expect(await cost('premium2', new Date(start.getTime() - 1)), 'one ms before').to.equal(2000);
      expect(await cost('premium2', start), 'at the start').to.equal(1000);
      expect(await cost('premium2', new Date(end.getTime() - 1)), 'one ms before the end').to.equal(1000);
      expect(await cost('premium2', end), 'at the end').to.equal(2000);
      expect(await cost('standard', start), 'a tier the campaign does not name').to.equal(1000);
    });

    it('takes the largest of overlapping discounts, never their sum, and rounds to whole millicredits', async () => {
      const at = new Date('2031-06-01T12:00:00.000Z');
      const window = { startsAt: '2031-06-01T00:00:00.000Z', endsAt: '2031-06-02T00:00:00.000Z' };
      await save({ tiers: { premium2: { credits: 2 } }, campaigns: [
        { id: 'a', name: 'A', ...window, tierDiscountPercent: 10 },
        { id: 'b', name: 'B', ...window, tierDiscountPercent: 33 },
      ] });
      expect(await cost('standard', at)).to.equal(670); // 1000 × 67 % exactly
      expect(await cost('premium2', at)).to.equal(1340);
      expect(Number.isInteger(await cost('premium4', at))).to.equal(true);
    });
});
