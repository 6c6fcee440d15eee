import { expect } from 'chai';
import { configFromWire, configToWire, changedFields } from '../../../src/admin/config-wire.js';
import { validateConfig } from '../../../src/admin/config-validate.js';
import { DEFAULT_CONFIG, mergeConfig, type TenantConfig } from '../../../src/tenants/tenant-config.js';

const ctx = { imageKeyIds: [], chatKeyIds: [] };

describe('admin config: units and validation', () => {
  it('round-trips the defaults through the API units', () => {
    const wire = configToWire(DEFAULT_CONFIG);
    const { patch, errors } = configFromWire(wire);
    expect(errors).to.deep.equal([]);
    expect(mergeConfig(DEFAULT_CONFIG, patch)).to.deep.equal(DEFAULT_CONFIG);
    expect(validateConfig(DEFAULT_CONFIG, ctx)).to.deep.equal([]);
  });

  it('converts credits and rupees exactly and refuses what does not fit', () => {
    const { patch, errors } = configFromWire({ rewards: { reuseReward: 0.25 }, pricing: { bands: { A: 4.5 } }, campaigns: [{ grant: 1.5 }], welcomeGrant: 0.0001, rewardsMilli: 1 });
    expect(patch).to.deep.include({ rewards: { reuseRewardMilli: 250 }, pricing: { bands: { A: 450 } } });
    expect((patch.campaigns as { grantMilli: number }[])[0]!.grantMilli).to.equal(1500);
    expect(errors.map((e) => e.field)).to.have.members(['welcomeGrant']);
    const suffixed = configFromWire({ welcomeGrantMilli: 5 });
    expect(suffixed.errors[0]!.message).to.match(/use "welcomeGrant"/);
  });

  it('checks caps against the reward and campaign windows', () => {
    const c = mergeConfig(DEFAULT_CONFIG, { rewards: { reuseRewardMilli: 3000, perAssetCapMilli: 2000 }, campaigns: [{ id: 'x', name: 'x', startsAt: '2025-01-02T00:00:00Z', endsAt: '2025-01-01T00:00:00Z' }] }) as TenantConfig;
    expect(validateConfig(c, ctx).map((e) => e.field)).to.have.members(['rewards.perAssetCap', 'campaigns.0.endsAt', 'campaigns.0']);
  });

  it('lists changed fields', () => {
    expect(changedFields({ a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 }, d: [1] })).to.deep.equal(['a.c', 'd']);
  });
});
