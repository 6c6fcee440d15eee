import { expect } from 'chai';
import { addressProblem, assertSafeEndpoint, setDnsLookup } from '../../../src/admin/ssrf.js';

describe('SSRF guard', () => {
  afterEach(() => { setDnsLookup(undefined); });

  it('classifies addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.31.255.255', '192.168.0.1', '100.64.0.1', '::1', 'fc00::1', 'fd12::1', '::ffff:10.0.0.1', '::ffff:7f00:1']) {
      expect(addressProblem(a, false), a).to.match(/private|loopback/);
    }
    for (const a of ['169.254.169.254', '0.0.0.0', 'fe80::1', '::', '224.0.0.1', '::ffff:169.254.169.254']) {
      expect(addressProblem(a, true), a).to.match(/link-local|metadata|reserved/);
    }
    for (const a of ['93.184.216.34', '2606:4700::1111', '172.32.0.1', '11.0.0.1']) expect(addressProblem(a, false), a).to.equal(undefined);
  });

  it('resolves names and checks every address (one bad address is enough to refuse)', async () => {
    setDnsLookup(async (h) => (h === 'mixed.test' ? [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.9', family: 4 }] : [{ address: '93.184.216.34', family: 4 }]));
    await assertSafeEndpoint('https://fine.test/v1');
    let err: Error | undefined;
    try { await assertSafeEndpoint('https://mixed.test/v1'); } catch (e) { err = e as Error; }
    expect(err?.message).to.match(/mixed.test resolves to/);
  });

  it('lets the operator allow a self-hosted host over http, but never metadata', async () => {
    const allowed = new Set(['llm.lan', 'metadata.google.internal']);
    setDnsLookup(async (h) => [{ address: h === 'llm.lan' ? '192.168.1.20' : '169.254.169.254', family: 4 }]);
    await assertSafeEndpoint('http://llm.lan:11434/v1', allowed);
    let err: Error | undefined;
    try { await assertSafeEndpoint('http://metadata.google.internal/', allowed); } catch (e) { err = e as Error; }
    expect(err?.message).to.match(/metadata/);
  });
});
