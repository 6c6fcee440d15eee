import { expect } from 'chai';
import { waitForJob } from '../support/harness.js';
import { describeEachDatabase } from '../support/each-database.js';
import { createTenant } from '../../src/tenants/tenants.js';

const OTHER_SECRET = 'other-partner-secret-0123456789abcdef';

/** Every admin route of this module, with a body that would be valid for an admin. */
const ROUTES: [string, string, unknown?][] = [
  ['GET', '/api/admin/templates'], ['POST', '/api/admin/templates', { title: 'x', categoryId: 'cat_x', promptText: 'a poster' }],
  ['PATCH', '/api/admin/templates/tpl_x', { title: 'y' }], ['DELETE', '/api/admin/templates/tpl_x'],
  ['GET', '/api/admin/categories'], ['POST', '/api/admin/categories', { name: 'X' }], ['POST', '/api/admin/categories/reorder', { ids: ['cat_x'] }],
  ['PATCH', '/api/admin/categories/cat_x', { name: 'y' }], ['DELETE', '/api/admin/categories/cat_x'],
  ['GET', '/api/admin/config'], ['POST', '/api/admin/config', { config: {} }], ['GET', '/api/admin/config/history'],
  ['POST', '/api/admin/config/restore', { version: 0 }],
  ['GET', '/api/admin/providers'], ['POST', '/api/admin/providers', { action: 'remove', id: 'pk_x' }], ['POST', '/api/admin/providers/test', { id: 'pk_x' }],
  ['GET', '/api/admin/analytics'], ['GET', '/api/admin/analytics.csv'], ['GET', '/api/admin/audit-log'],
];

describeEachDatabase('admin catalog, isolation and audit', function (db) {
    const s = db.server;
    let admin: string, alice: string, otherAdmin: string;
    const other = { 'x-partner-key': 'pk_other' };
    before(async () => {
      await createTenant({ id: 'tnt_other', slug: 'other', name: 'Other partner', publishableKey: 'pk_other', secret: OTHER_SECRET });
      admin = s.token('boss', { role: 'admin' });
      alice = s.token('alice');
      otherAdmin = s.token('other-boss', { role: 'admin' }, { secret: OTHER_SECRET });
    });

    it('answers 403 forbidden to a non-admin and 401 without a token on every admin route', async () => {
      for (const [method, path, body] of ROUTES) {
        const r = await s.call(method, path, { token: alice, body });
        expect(r.status, `${method} ${path}`).to.equal(403);
        expect(r.body.code).to.equal('forbidden');
        const anon = await s.call(method, path, { body });
        expect(anon.status, `${method} ${path} anonymous`).to.equal(401);
      }
    });

    it('creates, lists, edits, deactivates and reactivates categories and templates', async () => {
      const cat = await s.call('POST', '/api/admin/categories', { token: admin, body: { name: 'Diwali Offers', style: 'warm festive lights' } });
      expect(cat.status).to.equal(201);
      expect(cat.body).to.include({ name: 'Diwali Offers', slug: 'diwali-offers', isActive: true, templateCount: 0 });
      const dup = await s.call('POST', '/api/admin/categories', { token: admin, body: { name: 'Other', slug: 'diwali-offers' } });
      expect(dup.status).to.equal(409);
      const bad = await s.call('POST', '/api/admin/categories', { token: admin, body: { name: '', slug: 'Bad Slug!' } });
      expect(bad.status).to.equal(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).to.include.members(['name', 'slug']);

      const tpl = await s.call('POST', '/api/admin/templates', { token: admin, body: { title: 'Diya poster', categoryId: cat.body.id, promptText: 'A poster with glowing diyas for a course sale', defaultTier: 'premium2' } });
      expect(tpl.status).to.equal(201);
      expect(tpl.body).to.include({ title: 'Diya poster', categoryId: cat.body.id, defaultTier: 'premium2', isActive: true });
      const badTpl = await s.call('POST', '/api/admin/templates', { token: admin, body: { title: 'x'.repeat(151), categoryId: 'cat_nope', promptText: 'x'.repeat(5000) } });
      expect(badTpl.status).to.equal(400);
      expect(badTpl.body.errors.map((e: { field: string }) => e.field)).to.have.members(['title', 'promptText', 'categoryId']);

      // A user generates with the template before it is retired.
      await s.grant('alice', 5);
      const gen = await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'diya poster', tier: 'standard', templateId: tpl.body.id } });
      expect(gen.status).to.equal(202);
      await waitForJob(s, alice, gen.body.jobId);

      let studio = await s.call('GET', '/api/studio/categories', { token: alice });
      expect(studio.body.items.map((c: { id: string }) => c.id)).to.include(cat.body.id);
      const del = await s.call('DELETE', `/api/admin/categories/${cat.body.id}`, { token: admin });
      expect(del.status).to.equal(200);
      expect(del.body.isActive).to.equal(false);
      studio = await s.call('GET', '/api/studio/categories', { token: alice });
      expect(studio.body.items.map((c: { id: string }) => c.id)).not.to.include(cat.body.id);
      const studioTpl = await s.call('GET', '/api/studio/templates', { token: alice });
      expect(studioTpl.body.items.map((t: { id: string }) => t.id)).not.to.include(tpl.body.id);
      const adminList = await s.call('GET', '/api/admin/categories', { token: admin });
      expect(adminList.body.items.find((c: { id: string }) => c.id === cat.body.id)).to.include({ isActive: false, templateCount: 1 });
      const inactive = await s.call('GET', '/api/admin/categories?active=false', { token: admin });
      expect(inactive.body.items.map((c: { id: string }) => c.id)).to.deep.equal([cat.body.id]);

      // The old creation keeps its template.
      const mine = await s.call('GET', '/api/studio/my-creations', { token: alice });
      expect(mine.body.items[0].templateId).to.equal(tpl.body.id);

      const re = await s.call('PATCH', `/api/admin/categories/${cat.body.id}`, { token: admin, body: { isActive: true, name: 'Festive Offers' } });
      expect(re.body).to.include({ isActive: true, name: 'Festive Offers', slug: 'diwali-offers' });
      const tdel = await s.call('DELETE', `/api/admin/templates/${tpl.body.id}`, { token: admin });
      expect(tdel.body.isActive).to.equal(false);
      const gen2 = await s.call('POST', '/api/studio/generate', { token: alice, body: { prompt: 'diya poster', tier: 'standard', templateId: tpl.body.id } });
      expect(gen2.status).to.equal(400);
      const tre = await s.call('PATCH', `/api/admin/templates/${tpl.body.id}`, { token: admin, body: { isActive: true, promptText: 'A poster with glowing diyas and rangoli' } });
      expect(tre.body).to.include({ isActive: true, promptText: 'A poster with glowing diyas and rangoli' });
    });

    it('reorders categories and pages admin lists with a cursor', async () => {
      const all = (await s.call('GET', '/api/admin/categories', { token: admin })).body.items as { id: string }[];
      const reversed = all.map((c) => c.id).reverse();
      const r = await s.call('POST', '/api/admin/categories/reorder', { token: admin, body: { ids: reversed } });
      expect(r.status).to.equal(200);
      expect(r.body.items.map((c: { id: string }) => c.id)).to.deep.equal(reversed);
      const studio = await s.call('GET', '/api/studio/categories', { token: alice });
      expect(studio.body.items.map((c: { id: string }) => c.id)).to.deep.equal(reversed);
      const first = await s.call('GET', '/api/admin/templates?limit=7', { token: admin });
      expect(first.body.items).to.have.length(7);
      const second = await s.call('GET', `/api/admin/templates?limit=7&cursor=${first.body.nextCursor}`, { token: admin });
      const ids = [...first.body.items, ...second.body.items].map((t: { id: string }) => t.id);
      expect(new Set(ids).size).to.equal(14);
      const tampered = await s.call('GET', `/api/admin/templates?cursor=${first.body.nextCursor}x`, { token: admin });
      expect(tampered.status).to.equal(400);
      const unknown = await s.call('POST', '/api/admin/categories/reorder', { token: admin, body: { ids: ['cat_nope'] } });
      expect(unknown.status).to.equal(404);
    });

    it('shows an admin of another partner only its own data: 404 for our ids, empty lists', async () => {
      const ours = (await s.call('GET', '/api/admin/categories', { token: admin })).body.items as { id: string }[];
      const tpl = (await s.call('GET', '/api/admin/templates', { token: admin })).body.items[0] as { id: string };
      const h = { token: otherAdmin, headers: other };
      const cats = await s.call('GET', '/api/admin/categories', h);
      expect(cats.status).to.equal(200);
      expect(cats.body.items).to.deep.equal([]);
      expect((await s.call('GET', '/api/admin/templates', h)).body.items).to.deep.equal([]);
      expect((await s.call('PATCH', `/api/admin/categories/${ours[0]!.id}`, { ...h, body: { name: 'Stolen' } })).status).to.equal(404);
      expect((await s.call('DELETE', `/api/admin/categories/${ours[0]!.id}`, h)).status).to.equal(404);
      expect((await s.call('PATCH', `/api/admin/templates/${tpl.id}`, { ...h, body: { title: 'Stolen' } })).status).to.equal(404);
      expect((await s.call('DELETE', `/api/admin/templates/${tpl.id}`, h)).status).to.equal(404);
      expect((await s.call('POST', '/api/admin/categories/reorder', { ...h, body: { ids: [ours[0]!.id] } })).status).to.equal(404);
      // A template of theirs may not point at our category.
      const cross = await s.call('POST', '/api/admin/templates', { ...h, body: { title: 'x', categoryId: ours[0]!.id, promptText: 'a poster' } });
      expect(cross.status).to.equal(400);
      const audit = await s.call('GET', '/api/admin/audit-log', h);
      expect(audit.body.items.every((i: { actor: { sub: string } }) => i.actor.sub === 'other-boss')).to.equal(true);
      const cfg = await s.call('GET', '/api/admin/config', h);
      expect(cfg.body.version).to.equal(0);
      const still = await s.call('GET', `/api/admin/categories/${ours[0]!.id}`, { token: admin });
      expect(still.body.name).not.to.equal('Stolen');
    });

    it('records every admin action in the audit log, newest first, with filters and paging', async () => {
      const all = await s.call('GET', '/api/admin/audit-log?limit=100', { token: admin });
      const actions = all.body.items.map((i: { action: string }) => i.action);
      expect(actions).to.include.members(['category.create', 'template.create', 'category.deactivate', 'category.reactivate', 'template.deactivate', 'template.reactivate', 'category.reorder', 'credits.grant']);
      const ids = all.body.items.map((i: { id: string }) => Number(i.id));
      expect(ids).to.deep.equal([...ids].sort((a, b) => b - a));
      const tplOnly = await s.call('GET', '/api/admin/audit-log?action=template.*', { token: admin });
      expect(tplOnly.body.items.length).to.be.greaterThan(0);
      expect(tplOnly.body.items.every((i: { action: string }) => i.action.startsWith('template.'))).to.equal(true);
      const byActor = await s.call('GET', '/api/admin/audit-log?actor=boss&targetType=category', { token: admin });
      expect(byActor.body.items.every((i: { actor: { sub: string }; targetType: string }) => i.actor.sub === 'boss' && i.targetType === 'category')).to.equal(true);
      const p1 = await s.call('GET', '/api/admin/audit-log?limit=2', { token: admin });
      const p2 = await s.call('GET', `/api/admin/audit-log?limit=2&cursor=${p1.body.nextCursor}`, { token: admin });
      expect(Number(p2.body.items[0].id)).to.be.lessThan(Number(p1.body.items[1].id));
      const future = await s.call('GET', '/api/admin/audit-log?from=2999-01-01', { token: admin });
      expect(future.body.items).to.deep.equal([]);
      expect((await s.call('GET', '/api/admin/audit-log?from=yesterday', { token: admin })).status).to.equal(400);
    });
});
