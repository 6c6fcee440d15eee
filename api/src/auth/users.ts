import crypto from 'node:crypto';
import { User } from '../models/index.js';
import { services } from '../context.js';
import { isUniqueViolation } from '../db.js';
import { newId, newReferralCode } from '../util/ids.js';
import { applyMovement, createWallet } from '../ledger/ledger.js';
import { emitWebhookEvent } from '../webhooks/events.js';
import { getTenantConfig } from '../tenants/config-store.js';
import { tenantsVersionSeen } from '../tenants/tenants.js';
import { track } from '../analytics/track.js';
import { emit } from '../hooks.js';
import { processCache } from '../util/process-cache.js';

export interface Claims { sub: string; name?: string; email?: string; role?: string; ref?: string; [k: string]: unknown }

/** sub -> user id never changes, so the mapping is cached; everything else is read fresh when needed. */
/** sub -> our id, with the tenants' version it was read under (an erasure in any process bumps it: privacy/erasure.ts). */
const idCache = processCache<string, { id: string; name: string | null; v: string | undefined }>();
const MAX_CACHE = 50000;

/** Stable A/B price band: the same user always lands in the same band. */
export function priceBandFor(tenantId: string, sub: string, bands: string[]): string {
  const sorted = [...bands].sort();
  const h = crypto.createHash('sha256').update(`${tenantId}:${sub}`).digest().readUInt32BE(0);
  return sorted[h % sorted.length]!;
}

/** Finds the user for a verified token, creating it (with its wallet) the first time its sub is seen. */
export async function resolveUser(tenantId: string, claims: Claims, ctx: { ip?: string; deviceId?: string }) {
  const key = `${tenantId}\u0000${claims.sub}`;
  const hit = idCache.get(key);
  if (hit && hit.v === tenantsVersionSeen() && hit.name === (claims.name ?? hit.name)) return { id: hit.id, created: false };
  const existing = await User.findOne({ where: { tenantId, sub: claims.sub }, attributes: ['id', 'name', 'email'] });
  if (existing) {
    if ((claims.name && claims.name !== existing.name) || (claims.email && claims.email !== existing.email)) {
      await User.update({ name: claims.name ?? existing.name, email: claims.email ?? existing.email }, { where: { id: existing.id } });
    }
    remember(key, existing.id, claims.name ?? existing.name);
    return { id: existing.id, created: false };
  }
  return createUser(tenantId, claims, ctx, key);
}

function remember(key: string, id: string, name: string | null) {
  if (idCache.size > MAX_CACHE) idCache.clear();
  idCache.set(key, { id, name, v: tenantsVersionSeen() });
}

async function createUser(tenantId: string, claims: Claims, ctx: { ip?: string; deviceId?: string }, key: string) {
  const { db } = services();
  const config = await getTenantConfig(tenantId);
  const id = newId('usr');
  let user: User;
  try {
    user = await db.tx(async (t) => {
      const u = await User.create(
        {
          id, tenantId, sub: claims.sub, name: claims.name ?? null, email: claims.email ?? null, role: claims.role === 'admin' ? 'admin' : 'user',
          referralCode: newReferralCode(), deviceId: ctx.deviceId ?? null, signupIp: ctx.ip ?? null, lastIp: ctx.ip ?? null,
          priceBand: priceBandFor(tenantId, claims.sub, Object.keys(config.pricing.bands)), isPaying: false, generationCount: 0,
        },
        { transaction: t },
      );
      await createWallet(t, tenantId, id);
      if (config.welcomeGrantMilli > 0) {
        await applyMovement(t, { tenantId, userId: id, delta: config.welcomeGrantMilli, reason: 'bonus', refType: 'welcome', refId: id, note: 'Welcome grant' });
        await emitWebhookEvent(t, tenantId, 'credits.granted', { sub: claims.sub, source: 'welcome', credits: config.welcomeGrantMilli / 1000 });
      }
      await track(tenantId, id, 'user_signed_up', { ref: claims.ref ?? null }, t);
      return u;
    });
  } catch (err) {
    // Two first requests of one new user raced: the other one created it.
    if (isUniqueViolation(err)) {
      const again = await User.findOne({ where: { tenantId, sub: claims.sub }, attributes: ['id', 'name'] });
      if (again) {
        remember(key, again.id, again.name);
        return { id: again.id, created: false };
      }
    }
    throw err;
  }
  remember(key, user.id, user.name);
  await emit('userSignedUp', { user, claims, ip: ctx.ip, deviceId: ctx.deviceId });
  return { id: user.id, created: true };
}

export function forgetUserCache() { idCache.clear(); }
