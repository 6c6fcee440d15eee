import fs from 'node:fs';
import { expect } from 'chai';
import nock from 'nock';
import { describeEachDatabase } from '../support/each-database.js';
import { OPENAPI_PATH } from '../../src/app.js';
import { STAFF_ROLES, type Role } from '../../src/auth/roles.js';
import { setDnsLookup } from '../../src/admin/ssrf.js';

/**
 * The roles of every admin operation, by operationId. The sweep reads the roles each operation declares in the
 * OpenAPI document (its `jwt` scopes) and proves that exactly those roles get through; this table pins the
 * declarations, so widening a route's roles is a visible change here. A new admin route fails the first case until it
 * has a line.
 */
const ADMIN = ['admin'];
const MODERATION = ['admin', 'moderator'];
const FINANCE = ['admin', 'finance'];
const STAFF_READ = ['admin', 'support', 'moderator', 'finance'];
export const ROLE_POLICY: Record<string, string[]> = {
  adminGetAnalytics: FINANCE, adminGetAnalyticsCsv: FINANCE,
  adminListAuditLog: ADMIN,
  adminListCategories: ADMIN, adminCreateCategory: ADMIN, adminGetCategory: ADMIN, adminUpdateCategory: ADMIN, adminDeleteCategory: ADMIN,
  adminReorderCategories: ADMIN,
  adminGetConfig: ADMIN, adminUpdateConfig: ADMIN, adminGetConfigHistory: ADMIN, adminRestoreConfig: ADMIN,
  adminGrantCredits: FINANCE,
  adminListModeration: MODERATION, adminModerate: MODERATION,
  adminListAppeals: MODERATION, adminDecideAppeal: MODERATION, adminListTakedowns: MODERATION, adminDecideTakedown: MODERATION,
  adminListProviders: ADMIN, adminSetProvider: ADMIN, adminTestProvider: ADMIN,
  adminListReferralReviews: FINANCE, adminReviewReferral: FINANCE,
  adminListTemplates: ADMIN, adminCreateTemplate: ADMIN, adminGetTemplate: ADMIN, adminUpdateTemplate: ADMIN, adminDeleteTemplate: ADMIN,
  adminListWebhooks: ADMIN, adminCreateWebhook: ADMIN, adminGetWebhook: ADMIN, adminUpdateWebhook: ADMIN, adminDeleteWebhook: ADMIN,
  adminRotateWebhookSecret: ADMIN, adminTestWebhook: ADMIN, adminListWebhookDeliveries: ADMIN, adminRedeliverWebhook: ADMIN,
  adminSearchUsers: STAFF_READ, adminGetUser: STAFF_READ, adminAdjustUser: FINANCE, adminSuspendUser: MODERATION, adminUnsuspendUser: MODERATION,
  // Orders and refunds are finance's; the partner's gateway account and erasing a user stay with admins.
  adminListOrders: FINANCE, adminRefundOrder: FINANCE, adminGetPaymentAccount: ADMIN, adminSetPaymentAccount: ADMIN,
  adminEraseUser: ADMIN, adminGetUserErasure: ADMIN,
};

interface AdminOp { route: string; method: string; path: string; operationId: string; roles: string[] }

/** Every operation under /api/admin/ with the roles its `jwt` security names. */
function adminOperations(): AdminOp[] {
  const spec = JSON.parse(fs.readFileSync(OPENAPI_PATH, 'utf8'));
  const out: AdminOp[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(spec.paths)) {
    if (!path.startsWith('/api/admin/') && path !== '/api/admin') continue;
    for (const [method, op] of Object.entries<any>(item)) {
      const jwt = (op.security ?? []).find((s: Record<string, string[]>) => 'jwt' in s);
      out.push({ route: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, operationId: op.operationId, roles: jwt?.jwt ?? [] });
    }
  }
  return out;
}

const ROLES: Role[] = [...STAFF_ROLES, 'user'];
const fill = (path: string) => path.replace(/\{\w+\}/g, 'zz_none_0000');

describeEachDatabase('role sweep over every admin route', function (db) {
  const s = db.server;
  const ops = adminOperations();
  const tokens = {} as Record<Role, string>;

  before(async () => {
    // Provider connection tests must never leave the machine.
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    setDnsLookup(async () => { throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }); });
    for (const r of ROLES) tokens[r] = s.token(`sweep-${r}`, r === 'user' ? {} : { role: r });
    // Any other role claim is a plain user.
    tokens.user = s.token('sweep-user', { role: 'superuser' });
  });
  after(() => {
    setDnsLookup(undefined);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('every admin route states its roles, admin among them, as the policy table says', () => {
    expect(ops.length).to.be.greaterThan(25);
    const problems: string[] = [];
    for (const o of ops) {
      if (!o.roles.length) problems.push(`${o.route}: no roles`);
      if (!o.roles.includes('admin')) problems.push(`${o.route}: admin missing`);
      for (const r of o.roles) if (!(STAFF_ROLES as readonly string[]).includes(r)) problems.push(`${o.route}: unknown role ${r}`);
      const want = ROLE_POLICY[o.operationId];
      if (!want) problems.push(`${o.route} (${o.operationId}): not in ROLE_POLICY`);
      else if ([...want].sort().join() !== [...o.roles].sort().join()) problems.push(`${o.route}: declares ${o.roles} but the policy is ${want}`);
    }
    expect(problems).to.deep.equal([]);
  });

  it('each role gets exactly the routes it is declared for (403 forbidden elsewhere); a plain user none', async () => {
    const wrong: string[] = [];
    for (const o of ops) {
      for (const role of ROLES) {
        const allowed = role === 'admin' || o.roles.includes(role);
        const r = await s.call(o.method, fill(o.path), { token: tokens[role], body: o.method === 'GET' || o.method === 'DELETE' ? undefined : {} });
        if (allowed && (r.status === 403 || r.status >= 500)) wrong.push(`${o.route} as ${role}: ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`);
        if (!allowed && (r.status !== 403 || r.body?.code !== 'forbidden')) wrong.push(`${o.route} as ${role}: expected 403 forbidden, got ${r.status}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('the refusal names the roles the route needs', async () => {
    const r = await s.call('GET', '/api/admin/users', { token: tokens.user });
    expect(r.status).to.equal(403);
    expect(r.body.detail).to.include('support');
  });
});
