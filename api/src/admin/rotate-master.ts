import crypto from 'node:crypto';
import { QueryTypes } from 'sequelize';
import type { Database } from '../db.js';
import { decryptSecret, rewrapSecret } from '../util/secrets.js';

/** The process derives its AES key from the MASTER_KEY string exactly like this (config.ts). */
export const deriveMasterKey = (raw: string) => crypto.createHash('sha256').update(raw).digest();

interface Sealed { table: string; idColumn: string; column: string; context: (id: string) => string }
/** Every sealed secret in the schema and the AES-GCM context it was sealed with. */
export const SEALED: Sealed[] = [
  { table: 'tenants', idColumn: 'id', column: 'jwt_secret_enc', context: (id) => `tenant-jwt:${id}` },
  { table: 'admin_provider_keys', idColumn: 'id', column: 'encrypted_value', context: (id) => `provider-key:${id}` },
  { table: 'webhook_endpoints', idColumn: 'id', column: 'secret_enc', context: (id) => `webhook:${id}` },
  { table: 'partner_payment_accounts', idColumn: 'tenant_id', column: 'key_secret_enc', context: (id) => `payment-account:${id}:key` },
  { table: 'partner_payment_accounts', idColumn: 'tenant_id', column: 'webhook_secret_enc', context: (id) => `payment-account:${id}:webhook` },
];

/**
 * Re-wraps every sealed secret's data key from the old master key to the new one, in one transaction:
 * either every secret opens with the new key afterwards, or nothing changed. Each re-wrapped value is
 * opened with the new key before commit, so a mistake cannot leave an unreadable secret behind.
 */
export async function rotateMasterKey(db: Database, oldRaw: string, newRaw: string): Promise<{ rewrapped: Record<string, number> }> {
  if (!oldRaw || !newRaw) throw new Error('both the old and the new master key are required');
  if (newRaw.length < 16) throw new Error('the new master key must be at least 16 characters');
  if (oldRaw === newRaw) throw new Error('the new master key equals the old one');
  const oldKey = deriveMasterKey(oldRaw), newKey = deriveMasterKey(newRaw);
  const counts: Record<string, number> = {};
  await db.tx(async (t) => {
    for (const s of SEALED) {
      const rows = (await db.sequelize.query(`SELECT ${s.idColumn} AS id, ${s.column} AS sealed FROM ${s.table} WHERE ${s.column} IS NOT NULL`,
        { type: QueryTypes.SELECT, transaction: t })) as { id: string; sealed: string }[];
      counts[s.table] ??= 0;
      for (const r of rows) {
        if (!r.sealed) continue;
        const ctx = s.context(r.id);
        let next: string;
        try {
          next = rewrapSecret(oldKey, newKey, r.sealed, ctx);
          decryptSecret(newKey, next, ctx);
        } catch {
          throw new Error(`${s.table} ${r.id}: the secret does not open with the old master key; nothing was changed`);
        }
        await db.sequelize.query(`UPDATE ${s.table} SET ${s.column} = :next WHERE ${s.idColumn} = :id`, { replacements: { next, id: r.id }, transaction: t });
        counts[s.table] += 1;
      }
    }
  });
  return { rewrapped: counts };
}
