import { expect } from 'chai';
import { ProviderError } from '../../../src/providers/errors.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, withRetry } from '../../../src/providers/images/retry.js';

const headers = (h: Record<string, string>) => new Headers(h);

describe('retry policy', () => {
  it('grows exponentially, caps, and jitters within [step/2, step]', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 1))).to.deep.equal([100, 200, 400, 800, 1000]);
    expect(backoffDelay(3, policy, () => 0)).to.equal(200);
  });

  it('parses Retry-After as seconds, HTTP date, or retry-after-ms', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': '3' }), now)).to.equal(3000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }), now)).to.equal(5000);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).to.equal(250);
    expect(parseRetryAfter(headers({}), now)).to.equal(undefined);
  });

  it('stops at maxAttempts and rethrows the last ProviderError', async () => {
    let calls = 0;
    const delays: number[] = [];
    const err = await withRetry(
      async () => {
        calls++;
        throw new Error('boom');
      },
      () => ({ error: new ProviderError('provider_unavailable', 'boom', true) }),
      { ...DEFAULT_RETRY_POLICY, maxAttempts: 4, baseDelayMs: 1 },
      { sleep: async (ms) => void delays.push(ms) },
    ).catch((e) => e);
    expect(calls).to.equal(4);
    expect(delays).to.have.length(3);
    expect(err).to.be.instanceOf(ProviderError);
  });
});
