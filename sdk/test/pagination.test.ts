import { expect } from 'chai';
import nock from 'nock';
import { BASE, makeClient, useNock } from './helpers.js';

const creation = (id: string) => ({ id, imageId: id });

describe('sdk: cursor pagination', () => {
  useNock();

  it('iterates every item across pages, passing the cursor along', async () => {
    const { client } = makeClient();
    nock(BASE).get('/api/studio/my-creations').query({ limit: '2' }).reply(200, { items: [creation('a'), creation('b')], nextCursor: 'c1' });
    nock(BASE).get('/api/studio/my-creations').query({ limit: '2', cursor: 'c1' }).reply(200, { items: [creation('c'), creation('d')], nextCursor: 'c2' });
    nock(BASE).get('/api/studio/my-creations').query({ limit: '2', cursor: 'c2' }).reply(200, { items: [creation('e')] });
    const ids: string[] = [];
    for await (const c of client.creations.iterate({ limit: 2 })) ids.push(c.id);
    expect(ids).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
  });

  it('fetches no further page than the loop needs', async () => {
    const { client } = makeClient();
    nock(BASE).get('/api/community/feed').query({ sort: 'trending' }).reply(200, { items: [{ postId: 'p1' }, { postId: 'p2' }], nextCursor: 'n1' });
    nock(BASE).get('/api/community/feed').query({ sort: 'trending', cursor: 'n1' }).reply(200, { items: [{ postId: 'p3' }], nextCursor: 'n2' });
    const cards = await client.community.iterateFeed({ sort: 'trending' }).toArray(3);
    expect(cards.map((c) => c.postId)).to.deep.equal(['p1', 'p2', 'p3']);
  });

  it('yields whole pages and goes on past an empty page that has a cursor', async () => {
    const { client } = makeClient();
    nock(BASE).get('/api/credits/history').reply(200, { items: [], nextCursor: 'h1' });
    nock(BASE).get('/api/credits/history').query({ cursor: 'h1' }).reply(200, { items: [{ id: 'l1' }], nextCursor: null });
    const pages = [];
    for await (const page of client.credits.iterateHistory().pages()) pages.push(page.items.length);
    expect(pages).to.deep.equal([0, 1]);
  });

  it('stops when the server repeats a cursor', async () => {
    const { client } = makeClient();
    nock(BASE).get('/api/credits/orders').reply(200, { items: [{ orderId: 'o1' }], nextCursor: 'same' });
    nock(BASE).get('/api/credits/orders').query({ cursor: 'same' }).times(1).reply(200, { items: [{ orderId: 'o2' }], nextCursor: 'same' });
    const orders = await client.credits.iterateOrders().toArray();
    expect(orders.map((o) => o.orderId)).to.deep.equal(['o1', 'o2']);
  });

  it('starts from a given cursor', async () => {
    const { client } = makeClient();
    nock(BASE).get('/api/notifications').query({ cursor: 'k5' }).reply(200, { items: [{ id: 'n6' }], unreadCount: 1 });
    const items = await client.notifications.iterate({ cursor: 'k5' }).toArray();
    expect(items).to.have.length(1);
  });
});
