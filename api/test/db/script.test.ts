import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { databases } from '../support/harness.js';
import { createDatabase, ensureDatabaseExists, isUniqueViolation, type Database } from '../../src/db.js';

/**
 * db.script: one transaction in two steps (on MySQL/MariaDB one multi-statement text each, on a pool of its own).
 * A commit keeps every row, a `then` answering null or a failing statement keeps none, and the results line up with
 * the statements, whatever the dialect.
 */
for (const dbDef of databases()) {
  describe(`db.script (${dbDef.name})`, function () {
    this.timeout(60000);
    let db: Database;
    let drop: () => Promise<void>;
    const rows = async () => (await db.sequelize.query<{ k: string; v: number }>('SELECT k, v FROM script_t ORDER BY k', { type: QueryTypes.SELECT }))
      .map((r) => `${r.k}=${Number(r.v)}`);
    before(async () => {
      const made = await dbDef.make();
      drop = made.drop;
      await ensureDatabaseExists(made.url);
      db = createDatabase(made.url);
      await db.sequelize.query('CREATE TABLE script_t (k VARCHAR(20) PRIMARY KEY, v INTEGER NOT NULL)');
    });
    after(async () => {
      await db?.close();
      await drop?.();
    });
    beforeEach(async () => { await db.sequelize.query('DELETE FROM script_t'); });

    it('commits both steps; results in statement order (affected rows, then what the second step saw)', async () => {
      let seen: number[] = [];
      const done = await db.script([
        { sql: 'INSERT INTO script_t (k, v) VALUES (?, ?), (?, ?)', params: ['a', 1, 'b', 2] },
        { sql: 'UPDATE script_t SET v = v + ? WHERE k = ?', params: [10, 'a'] },
        { sql: 'UPDATE script_t SET v = v + ? WHERE k = ?', params: [10, 'nobody'] },
      ], (results) => {
        seen = results.map((r) => r.affected);
        return [{ sql: 'INSERT INTO script_t (k, v) VALUES (?, ?)', params: ['c', results.length] }];
      });
      expect(seen).to.deep.equal([2, 1, 0]);
      expect(done!.map((r) => r.affected)).to.deep.equal([2, 1, 0, 1]);
      expect(await rows()).to.deep.equal(['a=11', 'b=2', 'c=3']);
    });

    it('rolls everything back when `then` answers null', async () => {
      const done = await db.script([{ sql: 'INSERT INTO script_t (k, v) VALUES (?, ?)', params: ['a', 1] }], () => null);
      expect(done).to.equal(null);
      expect(await rows()).to.deep.equal([]);
    });

    it('a failing statement in either step rolls back the whole transaction and throws the mapped error; the next script runs clean', async () => {
      await db.script([{ sql: 'INSERT INTO script_t (k, v) VALUES (?, ?)', params: ['kept', 1] }], () => []);
      const first = await db.script([
        { sql: 'INSERT INTO script_t (k, v) VALUES (?, ?)', params: ['x', 1] },
        { sql: 'INSERT INTO script_t (k, v) VALUES (?, ?)', params: ['kept', 2] },
      ], () => []).catch((e: unknown) => e);
      expect(isUniqueViolation(first), String(first)).to.equal(true);
      const second = await db.script([{ sql: 'INSERT INTO script_t (k, v) VALUES (?, ?)', params: ['y', 1] }],
        () => [{ sql: 'INSERT INTO script_t (k, v) VALUES (?, ?)', params: ['kept', 3] }]).catch((e: unknown) => e);
      expect(isUniqueViolation(second), String(second)).to.equal(true);
      expect(await rows()).to.deep.equal(['kept=1']);
      // Values are data, never SQL: quotes, a semicolon and a comment marker arrive as written.
      const tricky = "x'; DROP TABLE script_t; --";
      await db.script([{ sql: 'INSERT INTO script_t (k, v) VALUES (?, ?)', params: [tricky.slice(0, 20), 7] }], () => []);
      expect(await rows()).to.deep.equal(['kept=1', `${tricky.slice(0, 20)}=7`]);
    });
  });
}
