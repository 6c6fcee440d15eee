import { QueryTypes } from 'sequelize';
import { expect } from 'chai';
import { services } from '../../src/context.js';
import { TenantConfigRow, User, LedgerEntry } from '../../src/models/index.js';
import { invalidateTenantConfig } from '../../src/tenants/config-store.js';
import { DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';

/** Writes a new version of a tenant's config (merged over the defaults by the config store) and drops the cache. */
export async function setTenantConfig(patch: Record<string, unknown>, tenantId = DEFAULT_TENANT_ID) {
  const last = await TenantConfigRow.findOne({ where: { tenantId }, order: [['version', 'DESC']] });
  const base = (last?.config ?? {}) as Record<string, unknown>;
  await TenantConfigRow.create({ tenantId, version: (last?.version ?? 0) + 1, config: deepMerge(base, patch), createdBy: 'test', note: 'test' });
  invalidateTenantConfig();
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)
      ? deepMerge(cur as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

/** The tables a refused request must not touch. */
export const WRITE_TABLES = ['users', 'wallets', 'credit_ledger', 'idempotency_keys', 'generation_jobs', 'generated_images', 'agenda_jobs', 'audit_log'];

export async function countRows(tables = WRITE_TABLES): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = (await services().db.sequelize.query(`SELECT COUNT(*) AS n FROM ${t}`, { type: QueryTypes.SELECT })) as { n: number | string }[];
    out[t] = Number(row!.n);
  }
  return out;
}

export async function userIdOf(sub: string, tenantId = DEFAULT_TENANT_ID): Promise<string> {
  const u = await User.findOne({ where: { tenantId, sub } });
  if (!u) throw new Error(`no user ${sub}`);
  return u.id;
}

export async function ledgerOf(sub: string, tenantId = DEFAULT_TENANT_ID) {
  return LedgerEntry.findAll({ where: { userId: await userIdOf(sub, tenantId) }, order: [['id', 'ASC']] });
}

/** Every error of the API: problem+json with the CONTRACT code, its status and a request id. */
export function expectProblem(res: { status: number; body: any; headers: Headers }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).to.equal(status);
  expect(res.headers.get('content-type')).to.match(/^application\/problem\+json/);
  expect(res.body.code).to.equal(code);
  expect(res.body.status).to.equal(status);
  expect(res.body.requestId).to.be.a('string').and.not.empty;
  expect(res.body.requestId).to.equal(res.headers.get('x-request-id'));
  expect(res.body.title).to.be.a('string');
}
