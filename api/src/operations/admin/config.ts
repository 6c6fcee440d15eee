import { Op } from 'sequelize';
import { services } from '../../context.js';
import { isUniqueViolation } from '../../db.js';
import { AppError, type FieldError } from '../../errors.js';
import { ProviderKey, TenantConfigRow } from '../../models/index.js';
import { mergeConfig, type TenantConfig } from '../../tenants/tenant-config.js';
import { invalidateTenantConfig, tenantDefaults } from '../../tenants/config-store.js';
import { checkShape, validateConfig, type ValidationContext } from '../../admin/config-validate.js';
import { changedFields, configFromWire, configToWire } from '../../admin/config-wire.js';
import { decodeCursor, encodeCursor, parseLimit } from '../../util/cursor.js';
import { audit } from '../../admin/audit.js';
import type { Principal } from '../../auth/principal.js';

export interface ConfigView { version: number; config: Record<string, unknown>; updatedAt?: string; updatedBy?: string; note?: string }
export interface ConfigHistoryItem { version: number; createdAt: string; createdBy?: string; note?: string; changed: string[]; config: Record<string, unknown> }

async function latestRow(tenantId: string) {
  return TenantConfigRow.findOne({ where: { tenantId }, order: [['version', 'DESC']] });
}

export async function getAdminConfig(admin: Principal): Promise<ConfigView> {
  const row = await latestRow(admin.tenantId);
  const config = mergeConfig(tenantDefaults(admin.tenantId), row?.config ?? {});
  return {
    version: row?.version ?? 0, config: configToWire(config), updatedAt: row?.createdAt.toISOString(), updatedBy: row?.createdBy ?? undefined,
    note: row?.note ?? undefined,
  };
}

export async function validationContext(tenantId: string): Promise<ValidationContext> {
  const keys = await ProviderKey.findAll({ where: { tenantId }, attributes: ['id', 'purpose'] });
  return { imageKeyIds: keys.filter((k) => k.purpose === 'image').map((k) => k.id), chatKeyIds: keys.filter((k) => k.purpose === 'chat').map((k) => k.id) };
}

export const refused = (errors: FieldError[]) =>
  new AppError('validation_error', `The configuration was not saved: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, { errors });

/**
 * Stores a new config version: the patch (API units) is converted, merged over the current config and
 * validated as a whole; any problem refuses the whole change. With `expectedVersion` a concurrent
 * change by another admin is a 409 instead of a silent overwrite. The stored row holds the complete
 * config, so every version can be read (and restored) on its own.
 */
export async function updateAdminConfig(admin: Principal, body: { config?: unknown; note?: string; expectedVersion?: number },
  opts: { storedPatch?: Record<string, unknown>; replace?: boolean; action?: string; auditData?: Record<string, unknown> } = {}): Promise<ConfigView> {
  const errors: FieldError[] = [];
  if (body.note !== undefined && (typeof body.note !== 'string' || body.note.length > 500)) errors.push({ field: 'note', message: 'must be text of at most 500 characters' });
  let patch: Record<string, unknown>;
  if (opts.storedPatch) patch = opts.storedPatch;
  else {
    const conv = configFromWire(body.config);
    errors.push(...conv.errors.map((e) => ({ ...e, field: e.field === 'config' ? 'config' : e.field })));
    patch = conv.patch;
    checkShape(patch, errors);
  }
  const ctx = await validationContext(admin.tenantId);
  if (errors.length) {
    // Report the whole-config problems too, so one round trip lists everything (values of a wrong type may trip a check: skip it then).
    try {
      const current = mergeConfig(tenantDefaults(admin.tenantId), (await latestRow(admin.tenantId))?.config ?? {});
      const seen = new Set(errors.map((e) => e.field));
      for (const e of validateConfig(dropNullEntries(mergeConfig(opts.replace ? tenantDefaults(admin.tenantId) : current, patch) as TenantConfig), ctx)) if (!seen.has(e.field)) errors.push(e);
    } catch { /* the shape errors already explain it */ }
    throw refused(errors);
  }
  const { db } = services();
  const saved = await db.tx(async (t) => {
    const row = await TenantConfigRow.findOne({ where: { tenantId: admin.tenantId }, order: [['version', 'DESC']], transaction: t, lock: db.dialect === 'mysql' });
    const current = mergeConfig(tenantDefaults(admin.tenantId), row?.config ?? {});
    const version = (row?.version ?? 0) + 1;
    if (body.expectedVersion !== undefined && body.expectedVersion !== (row?.version ?? 0)) {
      throw new AppError('conflict', `The configuration changed meanwhile (now version ${row?.version ?? 0}); reload and try again.`, { currentVersion: row?.version ?? 0 });
    }
    const next = dropNullEntries(mergeConfig(opts.replace ? tenantDefaults(admin.tenantId) : current, patch) as TenantConfig);
    const problems = validateConfig(next, ctx);
    if (problems.length) throw refused(problems);
    const changed = changedFields(configToWire(current), configToWire(next));
    const created = await TenantConfigRow.create(
      { tenantId: admin.tenantId, version, config: next, createdBy: admin.sub, note: body.note?.trim() || null },
      { transaction: t },
    );
    await audit(t, admin, opts.action ?? 'config.update', 'config', String(version), body.note ?? null, { version, changed, ...opts.auditData });
    return created;
  }).catch((err) => {
    if (isUniqueViolation(err)) {
      throw new AppError('conflict', 'Another admin saved the configuration at the same moment; reload and try again.');
    }
    throw err;
  });
  invalidateTenantConfig(admin.tenantId);
  return {
    version: saved.version, config: configToWire(saved.config as TenantConfig), updatedAt: saved.createdAt.toISOString(), updatedBy: saved.createdBy ?? undefined,
    note: saved.note ?? undefined,
  };
}

export async function configHistory(admin: Principal, q: { limit?: number; cursor?: string }) {
  const limit = parseLimit(q.limit, 20, 100);
  const cur = decodeCursor<{ v: number }>(q.cursor, (v): v is { v: number } => !!v && typeof (v as { v: unknown }).v === 'number');
  const rows = await TenantConfigRow.findAll({
    where: { tenantId: admin.tenantId, ...(cur ? { version: { [Op.lt]: cur.v } } : {}) },
    order: [['version', 'DESC']], limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  // The version just before the page's last one, to list what that one changed.
  const before = page.length ? await TenantConfigRow.findOne({ where: { tenantId: admin.tenantId, version: { [Op.lt]: page.at(-1)!.version } }, order: [['version', 'DESC']] }) : null;
  const items: ConfigHistoryItem[] = page.map((r, i) => {
    const prev = page[i + 1] ?? before;
    const cfg = configToWire(mergeConfig(tenantDefaults(admin.tenantId), r.config ?? {}));
    const prevCfg = configToWire(mergeConfig(tenantDefaults(admin.tenantId), prev?.config ?? {}));
    return { version: r.version, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy ?? undefined, note: r.note ?? undefined, changed: changedFields(prevCfg, cfg), config: cfg };
  });
  return { items, nextCursor: rows.length > limit ? encodeCursor({ v: page.at(-1)!.version }) : undefined };
}

/** Makes an earlier version current again, as a new version (history is never rewritten). */
export async function restoreConfigVersion(admin: Principal, body: { version: number; note?: string }) {
  if (!Number.isInteger(body.version) || body.version < 0) throw new AppError('validation_error', 'version: must be a version number', { errors: [{ field: 'version', message: 'must be a version number' }] });
  const row = body.version === 0 ? null : await TenantConfigRow.findOne({ where: { tenantId: admin.tenantId, version: body.version } });
  if (body.version !== 0 && !row) throw new AppError('not_found', 'No such configuration version.');
  const full = mergeConfig(tenantDefaults(admin.tenantId), row?.config ?? {}) as unknown as Record<string, unknown>;
  return updateAdminConfig(admin, { note: body.note ?? `Restored version ${body.version}` },
    { storedPatch: full, replace: true, action: 'config.restore', auditData: { restoredVersion: body.version } });
}

/** In the partner-keyed maps (price bands, flags, provider costs) a null value removes the entry. */
function dropNullEntries(c: TenantConfig): TenantConfig {
  const clean = <T>(m: Record<string, T | null> | undefined) => Object.fromEntries(Object.entries(m ?? {}).filter(([, v]) => v !== null)) as Record<string, T>;
  return { ...c, pricing: { ...c.pricing, bands: clean(c.pricing.bands) }, flags: clean(c.flags), providers: { ...c.providers, providerCostPaise: clean(c.providers.providerCostPaise) } };
}
