// Preloaded (--import) into a bench server child when BENCH_COUNT_SQL is set: counts every SQLite statement the
// process executes (Sequelize's and the raw prepared ones: all go through sqlite3's Statement#run/all/get/each, or
// Database#exec) and answers `{ cmd: 'sql' }` on the IPC channel with the count. Works for any tree's server
// (the A/B against the base commit), since it patches the driver, not our code.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const sqlite3 = require('sqlite3');
let statements = 0;
for (const [proto, names] of [[sqlite3.Statement.prototype, ['run', 'all', 'get', 'each']], [sqlite3.Database.prototype, ['exec']]]) {
  for (const name of names) {
    const original = proto[name];
    proto[name] = function counted(...args) {
      statements++;
      return original.apply(this, args);
    };
  }
}
process.on('message', (m) => {
  if (m && m.cmd === 'sql') process.send({ statements });
});
