import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';
import { waitUntil } from '../support/wait.js';
import { services } from '../../src/context.js';
import { User } from '../../src/models/index.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';

/**
 * Another API process erased a user: this process never ran the erasure (its sub -> id cache was not cleared by hand),
 * but the partner's revision moved, so within a second the erased sub names no account here either.
 */
describeEachDatabase('erasure seen by another process', function (db) {
  const s = db.server;

  it('drops the cached account of a sub once the partner revision moves', async () => {
    const tok = s.token('cross-process-erased');
    expect((await s.call('GET', '/api/credits/balance', { token: tok })).status).to.equal(200);
    const before = await User.findOne({ where: { tenantId: DEFAULT_TENANT_ID, sub: 'cross-process-erased' } });
    // What privacy/erasure.ts does in "the other process": pseudonymise the row and bump the partner's revision.
    await User.update({ sub: 'erased:elsewhere' }, { where: { id: before!.id } });
    await services().db.sequelize.query('UPDATE tenants SET revision = revision + 1 WHERE id = ?', { replacements: [DEFAULT_TENANT_ID] });
    await waitUntil('a new account for the returning sub', async () => {
      await s.call('GET', '/api/credits/balance', { token: tok });
      const now = await User.findOne({ where: { tenantId: DEFAULT_TENANT_ID, sub: 'cross-process-erased' } });
      return now !== null && now.id !== before!.id;
    }, 10_000);
  });
});
