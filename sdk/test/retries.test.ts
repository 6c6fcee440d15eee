import { expect } from 'chai';
import nock from 'nock';
import { NetworkError, ProviderUnavailableError, RateLimitedError, StudioError, ValidationError } from '../src/index.js';
import { BASE, makeClient, problem, problemHeaders, useNock } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const generated = { jobId: 'job-1', creditDebited: 1, imageId: 'img-1', status: 'queued' };

function recordKeys(keys: string[]) {
  return function (this: { req: { headers: Record<string, string | undefined> } }) {
    keys.push(this.req.headers['idempotency-key'] ?? '<none>');
  };
}

describe('sdk: retries and idempotency', () => {
  useNock();

  it('generates one Idempotency-Key and reuses it on every retry of generate', async () => {
    const { client, sleeps } = makeClient();
    const keys: string[] = [];
    const scope = nock(BASE);
    scope.post('/api/studio/generate').reply(function () {
      recordKeys(keys).call(this);
      return [503, problem(503, 'provider_unavailable'), problemHeaders];
    });
    scope.post('/api/studio/generate').reply(function () {
      recordKeys(keys).call(this);
      return [502, 'Bad gateway'];
    });
    scope.post('/api/studio/generate', { prompt: 'a fox', tier: 'standard' }).reply(function () {
      recordKeys(keys).call(this);
      return [202, generated];
    });
    const res = await client.studio.generate({ prompt: 'a fox', tier: 'standard' });
    expect(res).to.deep.equal(generated);
    expect(keys).to.have.length(3);
    expect(keys[0]).to.match(UUID);
    expect(new Set(keys).size).to.equal(1);
    expect(sleeps).to.have.length(2);
  });

  it('uses a fresh key per call and the caller-supplied key when given', async () => {
    const { client } = makeClient();
    const keys: string[] = [];
    nock(BASE).post('/api/credits/purchase').times(2).reply(function () {
      recordKeys(keys).call(this);
      return [201, { orderId: 'o1' }];
    });
    nock(BASE).post('/api/credits/purchase/verify').reply(function () {
      recordKeys(keys).call(this);
      return [200, { creditsAdded: 10, balance: 10, orderId: 'o1' }];
    });
    await client.credits.purchase({ packId: 'p10' });
    await client.credits.purchase({ quantity: 7 });
    await client.credits.verify({ orderId: 'o1', paymentId: 'pay1', signature: 'ab' }, { idempotencyKey: 'mine-1' });
    expect(keys[0]).to.match(UUID);
    expect(keys[1]).to.match(UUID).and.not.equal(keys[0]);
    expect(keys[2]).to.equal('mine-1');
  });

  it('sends no Idempotency-Key on calls that do not spend', async () => {
    const { client } = makeClient();
    nock(BASE).matchHeader('idempotency-key', (v) => v === undefined).post('/api/community/publish').reply(201, { postId: 'p1' });
    await client.community.publish({ imageId: 'i', title: 't', categoryId: 'c', visibility: 'public' });
  });

  it('honours Retry-After in seconds on 429', async () => {
    const { client, sleeps } = makeClient();
    nock(BASE).get('/api/credits/packs').reply(429, problem(429, 'rate_limited'), { ...problemHeaders, 'Retry-After': '3' });
    nock(BASE).get('/api/credits/packs').reply(200, { items: [] });
    await client.credits.packs();
    expect(sleeps).to.deep.equal([3000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { client, sleeps } = makeClient();
    const at = new Date(Date.now() + 5_000).toUTCString();
    nock(BASE).get('/api/credits/packs').reply(429, problem(429, 'rate_limited'), { 'Retry-After': at });
    nock(BASE).get('/api/credits/packs').reply(200, { items: [] });
    await client.credits.packs();
    expect(sleeps).to.have.length(1);
    expect(sleeps[0]).to.be.within(3_000, 5_000);
  });

  it('throws RateLimitedError with retryAfter when the wait is longer than allowed or retries run out', async () => {
    const { client, sleeps } = makeClient({ maxRetryAfterMs: 10_000 });
    nock(BASE).get('/api/credits/packs').reply(429, problem(429, 'rate_limited'), { 'Retry-After': '120' });
    const err = await client.credits.packs().catch((e: unknown) => e);
    expect(err).to.be.instanceOf(RateLimitedError).and.include({ status: 429, code: 'rate_limited', retryAfter: 120 });
    expect(sleeps).to.deep.equal([]);

    nock(BASE).get('/api/credits/packs').times(3).reply(429, problem(429, 'rate_limited'), { 'Retry-After': '1' });
    const err2 = await client.credits.packs().catch((e: unknown) => e);
    expect(err2).to.be.instanceOf(RateLimitedError);
    expect(sleeps).to.deep.equal([1000, 1000]);
  });

  it('retries 5xx with growing, capped, jittered backoff and then succeeds', async () => {
    const { client, sleeps } = makeClient({ maxRetries: 4, retryBaseDelayMs: 100, retryMaxDelayMs: 300 });
    nock(BASE).get('/api/studio/tiers').times(4).reply(500, problem(500, 'internal_error'), problemHeaders);
    nock(BASE).get('/api/studio/tiers').reply(200, { items: [{ tier: 'standard', credits: 1 }] });
    const tiers = await client.studio.tiers();
    expect(tiers.items).to.have.length(1);
    expect(sleeps).to.have.length(4);
    const steps = [100, 200, 300, 300];
    sleeps.forEach((ms, i) => expect(ms).to.be.within(steps[i]! * 0.75, steps[i]!));
  });

  it('stops after maxRetries and throws the last error', async () => {
    const { client, sleeps } = makeClient({ maxRetries: 1 });
    nock(BASE).get('/api/studio/tiers').times(2).reply(503, problem(503, 'provider_unavailable'), problemHeaders);
    const err = await client.studio.tiers().catch((e: unknown) => e);
    expect(err).to.be.instanceOf(ProviderUnavailableError).and.include({ status: 503, requestId: 'req-provider_unavailable' });
    expect(sleeps).to.have.length(1);
  });

  it('never retries other 4xx', async () => {
    const { client, sleeps } = makeClient();
    nock(BASE).post('/api/studio/generate').once().reply(400, problem(400, 'validation_error'), problemHeaders);
    const err = await client.studio.generate({ prompt: '', tier: 'standard' }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(ValidationError);
    expect(sleeps).to.deep.equal([]);
  });

  it('retries a toggle like only on 429, not after a 5xx that may have applied it', async () => {
    const { client, sleeps } = makeClient();
    nock(BASE).post('/api/community/p1/like').reply(500, problem(500, 'internal_error'), problemHeaders);
    const err = await client.community.like('p1').catch((e: unknown) => e);
    expect(err).to.be.instanceOf(StudioError).and.include({ status: 500 });

    nock(BASE).post('/api/community/p1/like').reply(429, problem(429, 'rate_limited'), { 'Retry-After': '0' });
    nock(BASE).post('/api/community/p1/like').reply(200, { liked: true, likes: 3 });
    expect(await client.community.like('p1')).to.deep.equal({ liked: true, likes: 3 });
    expect(sleeps).to.deep.equal([0]);
  });

  it('retries network errors on safe calls and reports NetworkError when they persist', async () => {
    const { client, sleeps } = makeClient();
    nock(BASE).get('/api/studio/categories').replyWithError('socket hang up');
    nock(BASE).get('/api/studio/categories').reply(200, { items: [] });
    expect(await client.studio.categories()).to.deep.equal({ items: [] });

    nock(BASE).get('/api/studio/categories').times(3).replyWithError('ECONNRESET');
    const err = await client.studio.categories().catch((e: unknown) => e);
    expect(err).to.be.instanceOf(NetworkError).and.include({ status: 0, code: 'network_error' });
    expect(sleeps).to.have.length(3);
  });

  it('times out a slow attempt', async () => {
    const { client } = makeClient({ maxRetries: 0, timeoutMs: 20 });
    nock(BASE).get('/api/studio/categories').delay(500).reply(200, { items: [] });
    const err = await client.studio.categories().catch((e: unknown) => e);
    expect(err).to.be.instanceOf(NetworkError).and.include({ code: 'timeout' });
  });
});
