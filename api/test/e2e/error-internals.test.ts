import { expect } from 'chai';
import { Writable } from 'node:stream';
import { services, TEST_JWT_SECRET } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { configureLogger } from '../../src/logger.js';
import { signedImageUrl } from '../../src/storage/signed-urls.js';

/** Words that only a database driver, an ORM or a stack trace would put in a body. */
const INTERNALS = [/select\s/i, /insert\s/i, /\bfrom\s+`?\w+`?/i, /sqlite/i, /SQLITE_/, /\bER_\w+/, /sequelize/i, /no such table/i, /doesn't exist/i,
  /\bat\s+\S+\s+\(/, /\.ts:\d+/, /node_modules/, /ConnectionManager/, /mysql/i];

function assertClean500(r: { status: number; body: any; headers: Headers }, what: string) {
  expect(r.status, what).to.equal(500);
  expect(r.headers.get('content-type'), what).to.match(/^application\/problem\+json/);
  expect(r.body.code, what).to.equal('internal_error');
  expect(r.body.requestId, what).to.be.a('string').and.equal(r.headers.get('x-request-id'));
  expect(Object.keys(r.body).sort(), what).to.deep.equal(['code', 'detail', 'requestId', 'status', 'title', 'type']);
  const text = JSON.stringify(r.body);
  for (const re of INTERNALS) expect(text, `${what}: ${re}`).to.not.match(re);
  expect(text).to.not.include(TEST_JWT_SECRET);
}

describeEachDatabase('errors carry no internals', { ignoreCloseErrors: true }, function (db) {
    const s = db.server;
    let alice: string;
    const logs: string[] = [];
    before(async () => {
      configureLogger('debug', new Writable({ write(chunk, _e, cb) { logs.push(String(chunk)); cb(); } }));
      alice = s.token('alice');
      expect((await s.call('GET', '/api/credits/balance', { token: alice })).status).to.equal(200);
    });
    after(async () => {
      configureLogger('silent');
    });

    it('a missing table is a 500 problem with a request id, no SQL and no stack; the log keeps the cause', async () => {
      const { sequelize } = services().db;
      for (const t of ['notifications', 'orders', 'generated_images', 'community_posts']) await sequelize.query(`DROP TABLE ${t}`);
      const calls: [string, string][] = [
        ['GET', '/api/notifications'], ['GET', '/api/credits/orders'], ['GET', '/api/studio/my-creations'], ['GET', '/api/studio/my-creations/img_x'],
        ['GET', '/api/community/feed'], ['GET', '/api/community/posts/post_x'],
      ];
      for (const [m, p] of calls) assertClean500(await s.call(m, p, { token: alice, headers: { 'x-request-id': `req-${p.length}` } }), `${m} ${p}`);
      // Raw routers (signed files, public images, share pages) answer the same way.
      assertClean500(await s.call('GET', new URL(signedImageUrl('img_x', 'original')).pathname + new URL(signedImageUrl('img_x', 'original')).search), 'signed file');
      assertClean500(await s.call('GET', '/api/public/posts/post_x/image'), 'public image');
      const share = await s.call('GET', '/share/post_x');
      expect(share.status).to.equal(500);
      for (const re of INTERNALS) expect(JSON.stringify(share.body)).to.not.match(re);
      const failed = logs.filter((l) => l.includes('"msg":"request failed"'));
      expect(failed.length).to.be.at.least(calls.length);
      expect(failed.some((l) => /no such table|doesn't exist/i.test(l)), 'the cause is in the log').to.equal(true);
    });

    it('with the database gone: /readyz is 503, /healthz 200, API calls 500 without internals', async () => {
      await services().db.sequelize.close();
      const ready = await s.call('GET', '/readyz');
      expect(ready.status).to.equal(503);
      expect(ready.headers.get('content-type')).to.match(/^application\/problem\+json/);
      expect(ready.body.requestId).to.be.a('string');
      for (const re of INTERNALS) expect(JSON.stringify(ready.body)).to.not.match(re);
      expect((await s.call('GET', '/healthz')).status).to.equal(200);
      // A user the process has not seen yet needs the database to be resolved.
      assertClean500(await s.call('GET', '/api/credits/balance', { token: s.token('newcomer') }), 'balance');
      assertClean500(await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'a lighthouse at dawn', tier: 'standard' } }), 'generate');
    });
});
