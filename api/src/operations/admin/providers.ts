import { services } from '../../context.js';
import { AppError, notFound, type FieldError } from '../../errors.js';
import { ProviderKey } from '../../models/index.js';
import { newId } from '../../util/ids.js';
import { getTenantConfig } from '../../tenants/config-store.js';
import { assertSafeEndpoint, UnsafeEndpointError } from '../../admin/ssrf.js';
import { PROVIDER_KINDS, endpointOf, openKey, sealKey, type ProviderKind, type ProviderPurpose } from '../../providers/provider-clients.js';
import { testConnection, type ConnectionTestResult } from '../../admin/provider-test.js';
import { audit } from '../../admin/audit.js';
import { updateAdminConfig } from './config.js';
import type { Principal } from '../../auth/principal.js';

export type { ConnectionTestResult };

export interface ProviderKeyView {
  id: string; provider: string; purpose: string; alias: string; lastFour: string; endpoint?: string; model?: string;
  /** Where the key is selected: image.active, image.fallback, chat.active. */
  inUse: string[]; createdAt: string; rotatedAt?: string; updatedBy?: string;
}
export interface ProvidersView {
  keys: ProviderKeyView[];
  selection: { image: { active: string; fallback: string | null }; chat: { active: string } };
  kinds: { provider: string; purposes: string[]; defaultEndpoint?: string; keyRequired: boolean }[];
  /** The key an add/rotate/update touched. */
  keyId?: string;
}
export interface ProviderAction {
  action: 'add' | 'rotate' | 'update' | 'remove' | 'select';
  id?: string; provider?: string; purpose?: string; alias?: string; apiKey?: string; endpoint?: string | null; model?: string | null;
  image?: { active: string; fallback?: string | null }; chat?: { active: string }; note?: string;
}

const MAX_KEYS = 50;
const fail = (errors: FieldError[]) => new AppError('validation_error', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });

export async function listProviders(admin: Principal, keyId?: string): Promise<ProvidersView> {
  const [rows, config] = await Promise.all([
    ProviderKey.findAll({ where: { tenantId: admin.tenantId }, order: [['createdAt', 'ASC'], ['id', 'ASC']] }),
    getTenantConfig(admin.tenantId),
  ]);
  const sel = config.providers;
  return {
    keys: rows.map((r) => ({
      id: r.id, provider: r.providerName, purpose: r.purpose, alias: r.keyAlias, lastFour: r.lastFour, endpoint: r.endpoint ?? undefined,
      model: r.model ?? undefined, createdAt: r.createdAt.toISOString(), rotatedAt: r.rotatedAt?.toISOString(), updatedBy: r.updatedBy ?? undefined,
      inUse: [sel.image.active === r.id && 'image.active', sel.image.fallback === r.id && 'image.fallback', sel.chat.active === r.id && 'chat.active']
        .filter((x): x is string => !!x),
    })),
    selection: { image: { ...sel.image }, chat: { ...sel.chat } },
    kinds: PROVIDER_KINDS.map((k) => ({ ...k })),
    keyId,
  };
}

function checkApiKey(v: unknown, required: boolean, errors: FieldError[]): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (required) errors.push({ field: 'apiKey', message: 'is required for this provider' });
    return undefined;
  }
  if (typeof v !== 'string' || v.length < 8 || v.length > 500 || /\s/.test(v)) {
    errors.push({ field: 'apiKey', message: 'must be 8 to 500 characters without spaces' });
    return undefined;
  }
  return v;
}

async function checkEndpoint(v: unknown, required: boolean, errors: FieldError[]): Promise<string | null | undefined> {
  if (v === undefined || v === null || v === '') {
    if (required) errors.push({ field: 'endpoint', message: 'is required for this provider' });
    return v === undefined ? undefined : null;
  }
  if (typeof v !== 'string' || v.length > 500) {
    errors.push({ field: 'endpoint', message: 'must be a URL of at most 500 characters' });
    return undefined;
  }
  try {
    const url = await assertSafeEndpoint(v);
    return url.href.replace(/\/+$/, '');
  } catch (err) {
    if (!(err instanceof UnsafeEndpointError)) throw err;
    errors.push({ field: 'endpoint', message: `refused: ${err.message}` });
    return undefined;
  }
}

function checkModel(v: unknown, errors: FieldError[]): string | null | undefined {
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  if (typeof v !== 'string' || !/^[\w.:/@+-]{1,100}$/.test(v)) {
    errors.push({ field: 'model', message: 'must be 1 to 100 letters, digits or . : / @ + - _' });
    return undefined;
  }
  return v;
}

async function mustFind(admin: Principal, id: unknown) {
  if (typeof id !== 'string' || !id) throw fail([{ field: 'id', message: 'is required' }]);
  const row = await ProviderKey.findOne({ where: { id, tenantId: admin.tenantId } });
  if (!row) throw notFound('provider key');
  return row;
}

const describe = (r: ProviderKey) => ({ provider: r.providerName, purpose: r.purpose, alias: r.keyAlias, lastFour: r.lastFour, endpoint: r.endpoint, model: r.model });

async function add(admin: Principal, b: ProviderAction) {
  const errors: FieldError[] = [];
  const kind = PROVIDER_KINDS.find((k) => k.provider === b.provider);
  if (!kind) errors.push({ field: 'provider', message: `must be one of ${PROVIDER_KINDS.map((k) => k.provider).join(', ')}` });
  const purpose = (b.purpose ?? 'image') as ProviderPurpose;
  if (kind && !kind.purposes.includes(purpose)) errors.push({ field: 'purpose', message: `must be one of ${kind.purposes.join(', ')} for ${kind.provider}` });
  if (typeof b.alias !== 'string' || !b.alias.trim() || b.alias.length > 64) errors.push({ field: 'alias', message: 'must be text of 1 to 64 characters' });
  const apiKey = checkApiKey(b.apiKey, kind?.keyRequired ?? true, errors);
  const endpoint = await checkEndpoint(b.endpoint, kind ? !kind.defaultEndpoint : false, errors);
  const model = checkModel(b.model, errors);
  if (errors.length) throw fail(errors);
  if ((await ProviderKey.count({ where: { tenantId: admin.tenantId } })) >= MAX_KEYS) throw new AppError('conflict', `At most ${MAX_KEYS} provider keys per partner.`);
  const id = newId('pk');
  const { db } = services();
  const row = await db.tx(async (t) => {
    const r = await ProviderKey.create({
      id, tenantId: admin.tenantId, providerName: kind!.provider as ProviderKind, keyAlias: b.alias!.trim(), encryptedValue: sealKey(id, apiKey ?? ''),
      lastFour: apiKey ? apiKey.slice(-4) : '', endpoint: endpoint ?? null, model: model ?? null, purpose, isActive: true, rotatedAt: null, updatedBy: admin.sub,
    }, { transaction: t });
    await audit(t, admin, 'provider.key_add', 'provider_key', id, b.note ?? null, describe(r));
    return r;
  });
  return row.id;
}

async function rotate(admin: Principal, b: ProviderAction) {
  const row = await mustFind(admin, b.id);
  const errors: FieldError[] = [];
  const kind = PROVIDER_KINDS.find((k) => k.provider === row.providerName);
  const apiKey = checkApiKey(b.apiKey, kind?.keyRequired ?? true, errors);
  if (errors.length) throw fail(errors);
  const { db } = services();
  await db.tx(async (t) => {
    const oldFour = row.lastFour;
    await row.update({ encryptedValue: sealKey(row.id, apiKey ?? ''), lastFour: apiKey ? apiKey.slice(-4) : '', rotatedAt: new Date(), updatedBy: admin.sub }, { transaction: t });
    await audit(t, admin, 'provider.key_rotate', 'provider_key', row.id, b.note ?? null, { ...describe(row), previousLastFour: oldFour });
  });
  return row.id;
}

async function update(admin: Principal, b: ProviderAction) {
  const row = await mustFind(admin, b.id);
  const errors: FieldError[] = [];
  const values: Record<string, unknown> = {};
  if (b.alias !== undefined) {
    if (typeof b.alias !== 'string' || !b.alias.trim() || b.alias.length > 64) errors.push({ field: 'alias', message: 'must be text of 1 to 64 characters' });
    else values.keyAlias = b.alias.trim();
  }
  const kind = PROVIDER_KINDS.find((k) => k.provider === row.providerName);
  if (b.endpoint !== undefined) values.endpoint = await checkEndpoint(b.endpoint, !kind?.defaultEndpoint, errors);
  if (b.model !== undefined) values.model = checkModel(b.model, errors);
  if (errors.length) throw fail(errors);
  const before = describe(row);
  const { db } = services();
  await db.tx(async (t) => {
    await row.update({ ...values, updatedBy: admin.sub }, { transaction: t });
    await audit(t, admin, 'provider.key_update', 'provider_key', row.id, b.note ?? null, { before, after: describe(row) });
  });
  return row.id;
}

async function remove(admin: Principal, b: ProviderAction) {
  const row = await mustFind(admin, b.id);
  const sel = (await getTenantConfig(admin.tenantId)).providers;
  if ([sel.image.active, sel.image.fallback, sel.chat.active].includes(row.id)) {
    throw new AppError('conflict', 'This key is selected as a provider; select another provider before removing it.');
  }
  const { db } = services();
  await db.tx(async (t) => {
    await ProviderKey.destroy({ where: { id: row.id, tenantId: admin.tenantId }, transaction: t });
    await audit(t, admin, 'provider.key_remove', 'provider_key', row.id, b.note ?? null, describe(row));
  });
}

async function select(admin: Principal, b: ProviderAction) {
  const patch: Record<string, unknown> = {};
  if (b.image !== undefined) patch.image = { active: b.image.active, ...(b.image.fallback !== undefined ? { fallback: b.image.fallback } : {}) };
  if (b.chat !== undefined) patch.chat = { active: b.chat.active };
  if (!Object.keys(patch).length) throw fail([{ field: 'image', message: 'send image and/or chat' }]);
  await updateAdminConfig(admin, { config: { providers: patch }, note: b.note ?? 'Provider selection' }, { action: 'provider.select', auditData: { selection: patch } });
}

/** One endpoint for every provider change (the spec's POST /api/admin/providers); each action is audited without the key. */
export async function changeProviders(admin: Principal, b: ProviderAction): Promise<ProvidersView> {
  let keyId: string | undefined;
  switch (b?.action) {
    case 'add': keyId = await add(admin, b); break;
    case 'rotate': keyId = await rotate(admin, b); break;
    case 'update': keyId = await update(admin, b); break;
    case 'remove': await remove(admin, b); break;
    case 'select': await select(admin, b); break;
    default: throw fail([{ field: 'action', message: 'must be add, rotate, update, remove or select' }]);
  }
  services().providers.tenantClients.forget(admin.tenantId);
  return listProviders(admin, keyId);
}

/** Tests a saved key (`id`) or a candidate one before saving it (`provider`, `apiKey`, `endpoint`). */
export async function testProvider(admin: Principal, b: { id?: string; provider?: string; purpose?: string; apiKey?: string; endpoint?: string | null }): Promise<ConnectionTestResult> {
  let provider: string, apiKey: string | undefined, endpoint: string | undefined;
  if (b.id !== undefined) {
    const row = await mustFind(admin, b.id);
    provider = row.providerName;
    apiKey = openKey(row) || undefined;
    endpoint = endpointOf(row);
  } else {
    const errors: FieldError[] = [];
    const kind = PROVIDER_KINDS.find((k) => k.provider === b.provider);
    if (!kind) errors.push({ field: 'provider', message: `must be one of ${PROVIDER_KINDS.map((k) => k.provider).join(', ')}, or send the id of a saved key` });
    apiKey = checkApiKey(b.apiKey, kind?.keyRequired ?? true, errors);
    const ep = await checkEndpoint(b.endpoint, kind ? !kind.defaultEndpoint : false, errors);
    if (errors.length) throw fail(errors);
    provider = kind!.provider;
    endpoint = ep ?? kind!.defaultEndpoint;
  }
  const result = await testConnection(provider, endpoint!, apiKey);
  const { db } = services();
  await db.tx((t) => audit(t, admin, 'provider.test', 'provider_key', b.id ?? null, null, { provider, endpoint, ok: result.ok, status: result.status }));
  return result;
}
