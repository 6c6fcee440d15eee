import { expect } from 'chai';
import nock from 'nock';
import { StudioPromise, ValidationError, rateLimitOf, type RequestEvent, type ResponseEvent } from '../src/index.js';
import { BASE, makeClient, problem, problemHeaders, useNock } from './helpers.js';

const balance = { balance: 7, monthlySpent: 0, monthlyCap: null };

describe('sdk: .withResponse() and onRequest/onResponse hooks', () => {
  useNock();

  it('awaiting a call still gives the data; .withResponse() adds the Response, request id and rate limits', async () => {
    const { client } = makeClient();
    nock(BASE).get('/api/credits/balance').times(2).reply(200, balance, {
      'X-Request-Id': 'req-42', 'RateLimit-Limit': '60', 'RateLimit-Remaining': '59', 'RateLimit-Reset': '30',
    });
    expect(await client.credits.balance()).to.deep.equal(balance);
    const promise = client.credits.balance();
    expect(promise).to.be.instanceOf(StudioPromise).and.instanceOf(Promise);
    const { data, response, requestId, rateLimit } = await promise.withResponse();
    expect(data).to.deep.equal(balance);
    expect(response.status).to.equal(200);
    expect(response.headers.get('x-request-id')).to.equal('req-42');
    expect(requestId).to.equal('req-42');
    expect(rateLimit).to.deep.equal({ limit: 60, remaining: 59, reset: 30, retryAfter: undefined });
  });

  it('fetches once whether the promise is awaited, given .withResponse(), or both', async () => {
    const { client } = makeClient();
    nock(BASE).get('/api/credits/balance').once().reply(200, balance);
    const promise = client.credits.balance();
    const [a, b] = await Promise.all([promise, promise.withResponse()]);
    expect(a).to.deep.equal(balance);
    expect(b.data).to.deep.equal(balance);
  });

  it('rejects both ways with the typed error, and then/catch/finally behave as on a Promise', async () => {
    const { client } = makeClient();
    nock(BASE).post('/api/studio/generate').reply(400, problem(400, 'validation_error'), problemHeaders);
    const promise = client.studio.generate({ prompt: '', tier: 'standard' });
    const caught = await promise.catch((e: unknown) => e);
    expect(caught).to.be.instanceOf(ValidationError);
    const viaFull = await promise.withResponse().catch((e: unknown) => e);
    expect(viaFull).to.equal(caught);
    let finished = false;
    await promise.finally(() => { finished = true; }).catch(() => undefined);
    expect(finished).to.equal(true);
  });

  it('returns a StudioPromise from every resource method that makes one call', async () => {
    const { client } = makeClient();
    nock(BASE).get('/api/studio/tiers').reply(200, { items: [] }).get('/api/studio/my-creations').reply(200, { items: [], nextCursor: null })
      .get('/api/admin/analytics').query(true).reply(200, 'day,images\n', { 'Content-Type': 'text/csv' });
    for (const p of [client.studio.tiers(), client.creations.list(), client.admin.analyticsCsv()]) {
      expect(p).to.be.instanceOf(StudioPromise);
      expect((await p.withResponse()).response.ok).to.equal(true);
    }
  });

  it('calls onRequest before and onResponse after every attempt, retries included, with timings and ids', async () => {
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const { client } = makeClient({
      onRequest: (e) => { requests.push({ ...e, headers: { ...e.headers } }); },
      onResponse: (e) => { responses.push(e); },
    });
    nock(BASE).get('/api/credits/balance').reply(503, problem(503, 'provider_unavailable'), { ...problemHeaders, 'X-Request-Id': 'r1' })
      .get('/api/credits/balance').reply(200, balance, { 'X-Request-Id': 'r2', 'X-RateLimit-Remaining': '3' });
    await client.credits.balance();
    expect(requests.map((r) => [r.operation, r.method, r.attempt])).to.deep.equal([['getBalance', 'GET', 0], ['getBalance', 'GET', 1]]);
    expect(requests[0]!.url).to.equal(`${BASE}/api/credits/balance`);
    expect(requests[0]!.headers.Authorization).to.equal('Bearer tok-1');
    expect(responses.map((r) => [r.status, r.requestId, r.attempt])).to.deep.equal([[503, 'r1', 0], [200, 'r2', 1]]);
    expect(responses[1]!.rateLimit.remaining).to.equal(3);
    expect(responses.every((r) => r.durationMs >= 0)).to.equal(true);
  });

  it('lets onRequest add a header (a trace id), and an error thrown by a hook fails the call', async () => {
    const { client } = makeClient({ onRequest: (e) => { e.headers['X-Trace-Id'] = 'trace-1'; } });
    nock(BASE, { reqheaders: { 'x-trace-id': 'trace-1' } }).get('/api/credits/balance').reply(200, balance);
    await client.credits.balance();
    const { client: failing } = makeClient({ onRequest: () => { throw new Error('hook broke'); } });
    const err = await failing.credits.balance().catch((e: unknown) => e);
    expect((err as Error).message).to.equal('hook broke');
  });

  it('reads rate-limit fields of both spellings and ignores garbage', () => {
    expect(rateLimitOf(new Headers({ 'x-ratelimit-limit': '10', 'ratelimit-remaining': 'abc', 'retry-after': '5' })))
      .to.deep.equal({ limit: 10, remaining: undefined, reset: undefined, retryAfter: 5 });
  });
});
