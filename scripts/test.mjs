#!/usr/bin/env node
// npm test: the whole suite. Unit, SDK, DB and e2e tiers run in one mocha process;
// with MYSQL_URL set the DB and e2e suites also run against MySQL/MariaDB.
import { spawnSync } from 'node:child_process';

const steps = [
  // The bundles the browser and widget tests load, rebuilt only when their sources changed.
  [process.execPath, ['scripts/build-front.mjs', '--silent']],
  ['npx', ['mocha', 'api/test/unit/**/*.test.ts', 'sdk/test/**/*.test.ts', 'api/test/db/**/*.test.ts', 'api/test/e2e/**/*.test.ts', 'api/test/browser/**/*.test.ts', 'widgets/test/**/*.test.ts', ...process.argv.slice(2)]],
];
for (const [cmd, args] of steps) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
