import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { databases } from '../support/harness.js';
import { createDatabase, ensureDatabaseExists, type Database } from '../../src/db.js';

/**
 * Prepared statements stay bounded per connection on MySQL/MariaDB: the server's max_prepared_stmt_count is shared by
 * every process and connection, and mysql2's default (16,000 per connection) let a few processes exhaust it.
 */
for (const dbDef of databases().filter((d) => d.name === 'mysql')) {
  describe('prepared statements per connection (mysql)', function () {
    this.timeout(60000);
    let db: Database;
    let drop: () => Promise<void>;
    before(async () => {
      const made = await dbDef.make();
      drop = made.drop;
      await ensureDatabaseExists(made.url);
      db = createDatabase(made.url);
    });
    after(async () => {
      await db?.close();
      await drop?.();
    });

    it('closes the least recently used statements beyond 64 on a connection', async () => {
      await db.sequelize.transaction(async (transaction) => {
        const closed = async () => Number((await db.sequelize.query<{ Value: string }>("SHOW SESSION STATUS LIKE 'Com_stmt_close'", { type: QueryTypes.SELECT, transaction }))[0]!.Value);
        const before = await closed();
        // 150 distinct SQL texts with bind parameters: each one is a server-side prepared statement.
        for (let i = 0; i < 150; i++) {
          const [row] = await db.sequelize.query<{ x: number }>(`SELECT $1 + ${i} AS x`, { bind: [1], type: QueryTypes.SELECT, transaction });
          expect(Number(row!.x)).to.equal(1 + i);
        }
        expect((await closed()) - before).to.be.at.least(150 - 64);
      });
    });
  });
}
