import crypto from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import { services } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { AuditEntry, Tenant } from '../../models/index.js';
import { encryptSecret } from '../../util/secrets.js';
import type { PartnerAuthInput } from './partner-input.js';

/** What the partner use cases share: the auth columns, uniqueness, the audit row, lookups. */

/** Publishable keys are not secrets, but unguessable so nobody can act as a partner's visitors by guessing. */
export const newPublishableKey = () => `pk_${crypto.randomBytes(18).toString('base64url')}`;

/** One algorithm and one key source at a time: a new auth replaces every column of the previous one. */
export function authColumns(tenantId: string, auth: PartnerAuthInput) {
  const { masterKey } = services().config;
  return {
    jwtAlgorithm: auth.algorithm,
    jwtSecretEnc: auth.secret ? encryptSecret(masterKey, auth.secret, `tenant-jwt:${tenantId}`) : null,
    jwtPublicKey: auth.publicKey ?? null,
    jwksUri: auth.jwksUrl ?? null,
  };
}

/** Slugs name one partner; so do issuers, because a token's iss picks its partner. */
export async function assertUnique(fields: { slug?: string; issuer?: string | null }, exceptId?: string) {
  const not = exceptId ? { id: { [Op.ne]: exceptId } } : {};
  if (fields.slug && (await Tenant.count({ where: { slug: fields.slug, ...not } }))) {
    throw new AppError('conflict', `The slug "${fields.slug}" is taken by another partner.`, { errors: [{ field: 'slug', message: 'is taken' }] });
  }
  if (fields.issuer && (await Tenant.count({ where: { jwtIssuer: fields.issuer, ...not } }))) {
    throw new AppError('conflict', 'Another partner uses this issuer; a token\'s iss must name one partner.', { errors: [{ field: 'issuer', message: 'is taken' }] });
  }
}

export const isUniqueClash = (err: unknown) => (err as { name?: string })?.name === 'SequelizeUniqueConstraintError';
/** Two concurrent creates with one slug both pass assertUnique; the unique index decides, and the loser gets 409. */
export const clashConflict = () => new AppError('conflict', 'The slug or publishable key is taken by another partner.');

/** Platform changes land in the partner's own audit log, so its admins see who changed their setup (never a secret). */
export async function platformAudit(t: Transaction, tenantId: string, action: string, data: Record<string, unknown>, actor = 'platform') {
  await AuditEntry.create({ tenantId, actorUserId: null, actorSub: actor, action, targetType: 'partner', targetId: tenantId, note: null, data }, { transaction: t });
}

export async function mustFindPartner(id: unknown): Promise<Tenant> {
  const row = typeof id === 'string' && id.length <= 40 ? await Tenant.findByPk(id) : null;
  if (!row) throw notFound('partner');
  return row;
}
