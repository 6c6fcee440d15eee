import { expect } from 'chai';
import nock from 'nock';
import { AuthenticationError, StudioClient } from '../src/index.js';
import { BASE, makeClient, problem, problemHeaders, useNock } from './helpers.js';

describe('sdk: StudioClient requests', () => {
  useNock();

  it('sends the bearer token and the partner, device and locale headers', async () => {
    const { client } = makeClient({ partnerKey: 'pk_live_1', deviceId: 'dev-9', locale: 'hi-IN' });
    nock(BASE)
      .matchHeader('authorization', 'Bearer tok-1')
      .matchHeader('x-partner-key', 'pk_live_1')
      .matchHeader('x-device-id', 'dev-9')
      .matchHeader('accept-language', 'hi-IN')
      .get('/api/credits/balance')
      .reply(200, { credits: 12.5, monthlyUsed: 3, monthlyRemaining: 12.5, isPaying: false, priceBand: 'B' });
    const balance = await client.credits.balance();
    expect(balance.credits).to.equal(12.5);
  });

  it('sends no Authorization header when anonymous', async () => {
    const client = new StudioClient({ baseUrl: `${BASE}/`, partnerKey: 'pk_1' });
    nock(BASE)
      .matchHeader('authorization', (v) => v === undefined)
      .get('/api/community/feed')
      .query({ sort: 'latest', limit: '2' })
      .reply(200, { items: [] });
    const page = await client.community.feed({ sort: 'latest', limit: 2 });
    expect(page.items).to.deep.equal([]);
  });

  it('serialises JSON bodies, query strings and encoded path parameters', async () => {
    const { client } = makeClient();
    nock(BASE)
      .matchHeader('content-type', 'application/json')
      .post('/api/community/post%2F1/report', { reason: 'spam', details: 'ads' })
      .reply(202, { reportId: 'r1', status: 'open' });
    nock(BASE).get('/api/notifications').query({ unread: 'true', limit: '5' }).reply(200, { items: [], unreadCount: 0 });
    nock(BASE).delete('/api/studio/my-creations/img-1').reply(204);

    expect(await client.community.report('post/1', { reason: 'spam', details: 'ads' })).to.deep.equal({ reportId: 'r1', status: 'open' });
    expect((await client.notifications.list({ unread: true, limit: 5, cursor: undefined })).unreadCount).to.equal(0);
    expect(await client.creations.delete('img-1')).to.equal(undefined);
  });

  it('asks getToken for each request and forces a refresh once after a 401', async () => {
    const calls: boolean[] = [];
    const { client } = makeClient({
      token: undefined,
      getToken: async ({ forceRefresh }) => {
        calls.push(forceRefresh);
        return forceRefresh ? 'fresh' : 'stale';
      },
    });
    nock(BASE).matchHeader('authorization', 'Bearer stale').get('/api/referrals/me').reply(401, problem(401, 'unauthorized'), problemHeaders);
    nock(BASE).matchHeader('authorization', 'Bearer fresh').get('/api/referrals/me').reply(200, { code: 'ABC' });
    const me = await client.referrals.me();
    expect(me.code).to.equal('ABC');
    expect(calls).to.deep.equal([false, true]);
  });

  it('gives up with AuthenticationError when the refreshed token is refused too', async () => {
    let n = 0;
    const { client } = makeClient({ getToken: () => `t${++n}` });
    nock(BASE).get('/api/credits/balance').times(2).reply(401, problem(401, 'unauthorized'), problemHeaders);
    const err = await client.credits.balance().catch((e: unknown) => e);
    expect(err).to.be.instanceOf(AuthenticationError);
    expect(n).to.equal(2);
  });

  it('does not retry a 401 when there is no getToken', async () => {
    const { client } = makeClient();
    nock(BASE).get('/api/credits/balance').once().reply(401, problem(401, 'unauthorized'), problemHeaders);
    const err = await client.credits.balance().catch((e: unknown) => e);
    expect(err).to.be.instanceOf(AuthenticationError).and.include({ status: 401, code: 'unauthorized', requestId: 'req-unauthorized' });
  });

  it('returns CSV exports as text', async () => {
    const { client } = makeClient();
    nock(BASE)
      .matchHeader('accept', /text\/csv/)
      .get('/api/admin/analytics')
      .query({ from: '2025-01-01', format: 'csv' })
      .reply(200, 'day,generations\n2025-01-01,4\n', { 'Content-Type': 'text/csv' });
    nock(BASE).get('/api/admin/analytics').query({ format: 'json' }).reply(200, { generations: 4 });
    expect(await client.admin.analyticsCsv({ from: '2025-01-01' })).to.equal('day,generations\n2025-01-01,4\n');
    expect(await client.admin.analytics()).to.deep.equal({ generations: 4 });
  });

  it('rejects a missing baseUrl and an empty path parameter', async () => {
    expect(() => new StudioClient({} as never)).to.throw(TypeError);
    const { client } = makeClient();
    const err = await client.studio.getJob('').catch((e: unknown) => e);
    expect(err).to.be.instanceOf(TypeError);
  });
});
