import { QueryTypes, type QueryInterface } from 'sequelize';

/**
 * A partner's user id (the token's `sub`) and an Idempotency-Key are compared byte for byte. The database's default
 * collation (utf8mb4_unicode_ci) would let a token for "ALICE", "alicé" or "alice " open the account of "alice".
 * MySQL/MariaDB only: SQLite already compares text as bytes. A NO PAD binary collation where the server has one,
 * so trailing spaces count too.
 */
async function binaryCollation(qi: QueryInterface): Promise<string> {
  const rows = await qi.sequelize.query<{ name: string }>(
    "SELECT COLLATION_NAME AS name FROM information_schema.COLLATIONS WHERE COLLATION_NAME IN ('utf8mb4_nopad_bin', 'utf8mb4_0900_bin')",
    { type: QueryTypes.SELECT },
  );
  return rows[0]?.name ?? 'utf8mb4_bin';
}

export async function up({ context: qi }: { context: QueryInterface }) {
  if (qi.sequelize.getDialect() !== 'mysql') return;
  const bin = await binaryCollation(qi);
  await qi.sequelize.query(`ALTER TABLE users MODIFY sub VARCHAR(191) CHARACTER SET utf8mb4 COLLATE ${bin} NOT NULL`);
  await qi.sequelize.query(`ALTER TABLE idempotency_keys MODIFY idem_key VARCHAR(191) CHARACTER SET utf8mb4 COLLATE ${bin} NOT NULL`);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  if (qi.sequelize.getDialect() !== 'mysql') return;
  await qi.sequelize.query('ALTER TABLE idempotency_keys MODIFY idem_key VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL');
  await qi.sequelize.query('ALTER TABLE users MODIFY sub VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL');
}
