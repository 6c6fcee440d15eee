import { expect } from 'chai';
import { isUniqueViolation, retryOnDeadlock } from '../../src/db.js';
import { canonicalJson } from '../../src/util/canonical-json.js';
import { DAY_MS, now, setClock } from '../../src/util/clock.js';

/** The one copy of each helper (issue 9 item 3): the stricter behaviour of the copies they replaced. */
describe('shared helpers', () => {
  const driverError = (code: string, errno?: number) => Object.assign(new Error(code), { parent: { code, errno } });

  it('retryOnDeadlock re-runs on MariaDB deadlocks, lock wait timeouts and SQLITE_BUSY, up to 5 attempts', async () => {
    for (const code of ['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']) {
      let calls = 0;
      const out = await retryOnDeadlock(async () => { if (++calls < 5) throw driverError(code); return 'done'; });
      expect(out).to.equal('done');
      expect(calls).to.equal(5);
    }
    let calls = 0;
    const err = await retryOnDeadlock(async () => { calls++; throw driverError('ER_LOCK_DEADLOCK'); }).catch((e) => e);
    expect(err.message).to.equal('ER_LOCK_DEADLOCK');
    expect(calls).to.equal(5);
  });

  it('retryOnDeadlock gives up at once on any other error', async () => {
    let calls = 0;
    const err = await retryOnDeadlock(async () => { calls++; throw driverError('ER_DUP_ENTRY'); }).catch((e) => e);
    expect(err.message).to.equal('ER_DUP_ENTRY');
    expect(calls).to.equal(1);
  });

  it('isUniqueViolation recognises Sequelize unique errors only', () => {
    expect(isUniqueViolation(Object.assign(new Error('x'), { name: 'SequelizeUniqueConstraintError' }))).to.equal(true);
    expect(isUniqueViolation(new Error('x'))).to.equal(false);
    expect(isUniqueViolation(undefined)).to.equal(false);
  });

  it('canonicalJson sorts keys at every depth and drops undefined members like JSON.stringify', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }, null] })).to.equal('{"a":[{"d":2},null],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).to.equal(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson(undefined)).to.equal('null');
    // Stored hashes depend on it: the output of a plain value must equal JSON.stringify's.
    expect(canonicalJson({ prompt: 'a cat', tier: 'standard' })).to.equal(JSON.stringify({ prompt: 'a cat', tier: 'standard' }));
  });

  it('one clock: tests move it, undefined restores the real one', () => {
    const fixed = new Date('2030-01-01T00:00:00Z');
    setClock(() => new Date(fixed.getTime() + DAY_MS));
    expect(now().toISOString()).to.equal('2030-01-02T00:00:00.000Z');
    setClock(undefined);
    expect(Math.abs(now().getTime() - Date.now())).to.be.lessThan(1000);
  });
});
