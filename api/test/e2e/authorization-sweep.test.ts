import fs from 'node:fs';
import { expect } from 'chai';
import nock from 'nock';
import { describeEachDatabase } from '../support/each-database.js';
import { OPENAPI_PATH } from '../../src/app.js';
import { createTenant } from '../../src/tenants/tenants.js';
import { seedCatalog } from '../../src/tenants/seed-catalog.js';
import { setDnsLookup } from '../../src/admin/ssrf.js';
import { signedImageUrl } from '../../src/storage/signed-urls.js';
import { Wallet } from '../../src/models/index.js';
import { buildPartner, caller, type Actor, type Call, type PartnerFixture } from '../support/authz-fixtures.js';
import { casesFor, ID_FIELD, NOT_AN_ID, urlOf, type Case } from '../support/authz-cases.js';

const B_SECRET = 'second-partner-secret-0123456789abcdef';

interface Op { route: string; method: string; path: string; security: string[]; idFields: string[] }

/** Every operation of the OpenAPI document with the id-naming fields of its path and JSON body. */
function operations(): Op[] {
  const spec = JSON.parse(fs.readFileSync(OPENAPI_PATH, 'utf8'));
  const schemas = spec.components?.schemas ?? {};
  const out: Op[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(spec.paths)) {
    // The operator's platform API holds no partner's resources; its key check is proven in platform-partners.test.ts.
    if (path.startsWith('/api/platform/')) continue;
    for (const [method, op] of Object.entries<any>(item)) {
      // Public by design (`security: []`: signed files, public images, share pages, webhooks, probes): no bearer token,
      // nothing of a user to leak by id; (f) below calls them explicitly and contract-robustness feeds them bad input.
      if (Array.isArray(op.security) && op.security.length === 0) continue;
      const ref: string | undefined = op.requestBody?.content?.['application/json']?.schema?.$ref;
      const props = ref ? Object.keys(schemas[ref.split('/').pop()!]?.properties ?? {}) : [];
      const idFields = [...[...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!), ...props.filter((p) => ID_FIELD.test(p) && !NOT_AN_ID.has(p))];
      out.push({ route: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, idFields,
        security: (op.security ?? []).flatMap((s: Record<string, string[]>) => Object.keys(s)) });
    }
  }
  return out;
}

const fill = (path: string, v: string) => path.replace(/\{\w+\}/g, v);

describeEachDatabase('authorization sweep', { timeout: 150_000 }, function (db) {
    const s = db.server;
    let call: Call;
    let A: PartnerFixture, B: PartnerFixture;
    let cases: Case[];
    const ops = operations();

    before(async () => {
      call = caller(s);
      // Provider connection tests must never leave the machine.
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
      setDnsLookup(async () => { throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }); });
      await createTenant({ id: 'tnt_second', slug: 'second', name: 'Second partner', publishableKey: 'pk_second', secret: B_SECRET });
      await seedCatalog('tnt_second');
      A = await buildPartner(s, { tag: 'A', tenantId: 'tnt_default' });
      B = await buildPartner(s, { tag: 'B', tenantId: 'tnt_second', partnerKey: 'pk_second', secret: B_SECRET });
      cases = casesFor(A);
    });
    after(async () => {
      setDnsLookup(undefined);
      nock.cleanAll();
      nock.enableNetConnect();
    });

    /** Nothing the caller may not see comes back, whatever the status. */
    const noLeak = (r: { text: string }, f: PartnerFixture, what: string, extra: string[] = []) => {
      for (const secret of [f.privateMarker, ...extra]) expect(r.text, `${what} leaks ${secret}`).not.to.include(secret);
    };
    const send = (a: Actor, c: Case, mine: string) => call(a, c.route.split(' ')[0]!, urlOf(c), c.body?.(mine));

    it('every route that takes an id (path or body) has a case', () => {
      const covered = new Map<string, Set<string>>();
      for (const c of cases) {
        const set = covered.get(c.route) ?? new Set<string>();
        for (const k of Object.keys(c.params ?? {})) set.add(k);
        const body = c.body?.('img_x');
        if (body && typeof body === 'object') for (const k of Object.keys(body)) set.add(k);
        covered.set(c.route, set);
      }
      const missing = ops.filter((o) => o.idFields.length).flatMap((o) => o.idFields.filter((f) => !covered.get(o.route)?.has(f)).map((f) => `${o.route} ${f}`));
      expect(missing, 'routes with ids and no authorization case').to.deep.equal([]);
      expect(ops.length).to.be.greaterThan(40);
    });

    it('(f) without a token only the public reads answer; everything else is 401', async () => {
      for (const o of ops) {
        const r = await call(A.anon, o.method, fill(o.path, A.postPrivate), o.method === 'GET' ? undefined : {});
        // Reads answer visitors; the one anonymous write (a takedown request) refuses an empty body.
        if (o.security.includes('visitor')) expect(r.status, o.route).to.be.oneOf(o.method === 'GET' ? [200, 404] : [400]);
        else {
          expect(r.status, o.route).to.equal(401);
          expect(r.body.code).to.equal('unauthorized');
        }
        noLeak(r, A, o.route);
      }
      // Visitors read public things only.
      expect((await call(A.anon, 'GET', `/api/community/posts/${A.postPublic}`)).status).to.equal(200);
      for (const p of [A.postPrivate, A.postHidden]) expect((await call(A.anon, 'GET', `/api/community/posts/${p}`)).status).to.equal(404);
      noLeak(await call(A.anon, 'GET', '/api/community/feed?sort=latest&limit=50'), A, 'visitor feed', [A.postPrivate, A.postHidden, B.postPublic]);
      for (const p of ['/healthz', '/readyz', '/docs/openapi.json', `/api/public/posts/${A.postPublic}/image`, `/share/${A.postPublic}`]) {
        expect((await call(A.anon, 'GET', p)).status, p).to.equal(200);
      }
      // The webhook answers on its own signature, never asks for a bearer token.
      expect((await call(A.anon, 'POST', '/api/webhooks/razorpay', {})).status).to.not.equal(401);
    });

    it('tokens only work with their own partner', async () => {
      const bToken = B.alice.token!;
      expect((await s.call('GET', '/api/credits/balance', { token: bToken })).status, 'B token, default partner').to.equal(401);
      expect((await s.call('GET', '/api/credits/balance', { token: A.alice.token, headers: { 'x-partner-key': 'pk_second' } })).status).to.equal(401);
      expect((await s.call('GET', '/api/credits/balance', { token: A.alice.token, headers: { 'x-partner-key': 'pk_unknown' } })).status).to.equal(401);
      const forged = s.token('alice', { iss: 'x' }, { secret: 'not-the-secret-of-anyone-0123456789' });
      expect((await s.call('GET', '/api/credits/balance', { token: forged })).status).to.equal(401);
    });

    it('a sub is matched exactly: another case, accent or trailing space is another user', async () => {
      for (const sub of ['ALICE', 'Alice', 'alicé', 'alice ']) {
        const r = await s.call('GET', '/api/studio/my-creations?limit=100', { token: s.token(sub) });
        expect(r.status, sub).to.equal(200);
        expect(r.body.items, `sub ${JSON.stringify(sub)} sees alice's creations`).to.deep.equal([]);
      }
    });

    it('(d) a non-admin gets 403 on every /api/admin route', async () => {
      for (const o of ops.filter((x) => x.path.startsWith('/api/admin'))) {
        for (const who of [A.alice, B.bob]) {
          const r = await call(who, o.method, fill(o.path, A.templateId), o.method === 'GET' ? undefined : {});
          expect(r.status, `${who.name} ${o.route}`).to.equal(403);
          expect(r.body.code).to.equal('forbidden');
        }
      }
    });

    it('lists show each caller its own rows only (before anyone tries foreign ids)', async () => {
      const lists = ops.filter((o) => o.method === 'GET' && !o.path.includes('{'));
      const aliceOnly = [A.priv.imageId, A.priv.jobId, A.hid.imageId, A.remix.imageId, A.order, A.postPrivate, A.postHidden, ...A.notificationIds, A.referralCode];
      const partnerA = [A.postPublic, A.pub.imageId, A.bobPost, A.bobOrder, A.templateId, A.adminCategoryId, A.providerKeyId, A.referralEventId,
        A.aliceUserId, A.templateMarker, A.categoryId];
      for (const o of lists) {
        const admin = o.path.startsWith('/api/admin');
        const callers = admin ? [B.admin] : [A.bob, B.alice, B.bob, B.anon];
        for (const who of callers) {
          const r = await call(who, 'GET', o.path);
          if (r.status >= 400) continue;
          const foreign = who === A.bob ? aliceOnly : [...aliceOnly, ...partnerA];
          noLeak(r, A, `${who.name} ${o.route}`, foreign);
        }
      }
    });

    it('(b) another user of the same partner: 404 for private things, never the data', async () => {
      for (const c of cases.filter((x) => x.kind !== 'admin')) {
        const r = await send(A.bob, c, A.bobImg.imageId);
        const what = `bob ${c.route} ${JSON.stringify(c.params ?? c.body?.(''))}`;
        if (c.kind === 'private') expect(r.status, what).to.be.oneOf(c.refused ?? [404]);
        else if (c.kind === 'listed') expect(r.status, what).to.be.oneOf([200, 202]);
        noLeak(r, A, what);
        if (c.route === 'POST /api/notifications/read') expect(r.body.updated, what).to.equal(0);
      }
    });

    it('(c) a user of another partner: 404 for everything of the first partner, never the data', async () => {
      for (const who of [B.alice, B.bob]) {
        const mine = who === B.alice ? B.remix.imageId : B.bobImg.imageId;
        for (const c of cases.filter((x) => x.kind !== 'admin')) {
          const r = await send(who, c, mine);
          const what = `${who.name} ${c.route} ${JSON.stringify(c.params ?? c.body?.(mine))}`;
          const refused = c.kind === 'catalog' ? c.refused! : c.kind === 'private' ? (c.crossRefused ?? c.refused ?? [404]) : [404];
          expect(r.status, what).to.be.oneOf(refused);
          noLeak(r, A, what, [A.templateMarker, 'Lighthouse A']);
          if (c.route === 'POST /api/notifications/read') expect(r.body.updated, what).to.equal(0);
        }
      }
      // A referral code is a code of its partner only.
      const dave: Actor = { name: 'B:dave', token: s.token('dave', {}, { secret: B_SECRET }), headers: B.alice.headers };
      const claim = await call(dave, 'POST', '/api/referrals/claim', { code: A.referralCode });
      expect(claim.status).to.equal(400);
      noLeak(claim, A, 'claim', ['Alice']);
    });

    it('(e) an admin of another partner gets 404 or nothing for ids of the first partner', async () => {
      const before = (await Wallet.findByPk(A.aliceUserId))!.balance;
      for (const c of cases.filter((x) => x.kind === 'admin')) {
        const r = await send(B.admin, c, B.remix.imageId);
        const what = `B admin ${c.route} ${JSON.stringify(c.params ?? c.body?.(''))}`;
        expect(r.status, what).to.be.oneOf(c.refused ?? [404]);
        noLeak(r, A, what, [A.templateMarker, `main ${A.tag}`, `Category ${A.tag}`, A.providerApiKey]);
      }
      expect((await Wallet.findByPk(A.aliceUserId))!.balance, 'the first partner\'s wallet').to.equal(before);
      // Its own template cannot move into a category of the first partner.
      const own = (await call(B.admin, 'GET', '/api/admin/templates?limit=1')).body.items[0].id as string;
      const moved = await call(B.admin, 'PATCH', `/api/admin/templates/${own}`, { categoryId: A.categoryId });
      expect(moved.status).to.equal(400);
    });

    it('idempotency keys belong to their user', async () => {
      const body = { prompt: 'a paper boat on a pond', tier: 'standard' };
      const first = await call(A.alice, 'POST', '/api/studio/generate', body, { 'idempotency-key': 'shared-key-1' });
      expect(first.status).to.equal(202);
      for (const who of [A.bob, B.alice]) {
        const r = await call(who, 'POST', '/api/studio/generate', body, { 'idempotency-key': 'shared-key-1' });
        expect(r.status, who.name).to.equal(202);
        expect(r.body.jobId, who.name).to.not.equal(first.body.jobId);
        expect(r.headers.get('idempotent-replayed')).to.equal(null);
      }
    });

    it('signed image URLs: tampered, moved, retargeted or expired links are 404', async () => {
      const view = await call(A.alice, 'GET', `/api/studio/my-creations/${A.priv.imageId}`);
      const good = new URL(view.body.imageUrl as string);
      const get = async (u: URL) => (await fetch(u)).status;
      expect(await get(good)).to.equal(200);
      const variant = (mut: (u: URL) => void) => { const u = new URL(good); mut(u); return u; };
      const sig = good.searchParams.get('sig')!;
      expect(await get(variant((u) => u.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1))))).to.equal(404);
      expect(await get(variant((u) => u.searchParams.set('exp', String(Number(u.searchParams.get('exp')) + 60))))).to.equal(404);
      expect(await get(variant((u) => u.searchParams.delete('sig')))).to.equal(404);
      expect(await get(variant((u) => { u.pathname = u.pathname.replace(A.priv.imageId, A.hid.imageId); }))).to.equal(404);
      expect(await get(variant((u) => { u.pathname = u.pathname.replace(A.priv.imageId, B.priv.imageId); }))).to.equal(404);
      expect(await get(variant((u) => { u.pathname = u.pathname.replace('/original', '/thumb'); }))).to.equal(404);
      expect(await get(variant((u) => u.searchParams.set('download', '1')))).to.equal(404);
      expect(await get(new URL(signedImageUrl(A.priv.imageId, 'original', { ttlSeconds: -120 })))).to.equal(404);
      expect(await get(new URL(signedImageUrl(A.priv.imageId, 'thumb')))).to.equal(200);
    });

    it('public post images: only listed posts, never private or hidden ones', async () => {
      const status = async (postId: string, q = '') => (await call(A.anon, 'GET', `/api/public/posts/${postId}/image${q}`)).status;
      expect(await status(A.postPublic)).to.equal(200);
      expect(await status(A.postPublic, '?variant=thumb')).to.equal(200);
      for (const p of [A.postPrivate, A.postHidden, 'post_nope']) {
        expect(await status(p), p).to.equal(404);
        expect(await status(p, '?variant=thumb'), p).to.equal(404);
        expect((await call(A.anon, 'GET', `/share/${p}`)).status, `share ${p}`).to.equal(404);
      }
    });

    it('(a) the owner may do all of it', async () => {
      const ordered = [...cases].filter((c) => c.owner !== 'skip' && c.kind !== 'catalog').sort((x, y) => (x.step ?? 1) - (y.step ?? 1));
      for (const c of ordered) {
        const who = c.kind === 'admin' ? A.admin : A.alice;
        const r = await send(who, c, A.remix.imageId);
        const what = `owner ${c.route} ${JSON.stringify(c.params ?? c.body?.(''))}`;
        expect(r.status, `${what}: ${r.text.slice(0, 200)}`).to.be.oneOf((c.owner as number[] | undefined) ?? [200, 201, 202]);
        if (c.route === 'POST /api/notifications/read') expect(r.body.updated, 'unread after others tried').to.equal(A.notificationIds.length);
        if (c.route === 'POST /api/credits/purchase/verify') expect(r.body.code).to.equal('payment_verification_failed');
      }
      // The deleted creation's signed links die with it.
      expect((await fetch(signedImageUrl(A.remix.imageId, 'original'))).status).to.equal(404);
      await s.ledgerOk();
    });
});
