import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * sdk/src/generated/openapi.ts must be what openapi-typescript makes from docs/openapi.json now, so the SDK's
 * types (aliases of it) are the API's. Runs the CLI the way `npm run build:api-spec` does, to stdout.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('sdk: generated OpenAPI types are up to date', function () {
  this.timeout(120000);

  it('sdk/src/generated/openapi.ts matches docs/openapi.json', () => {
    const cli = fileURLToPath(new URL('../../node_modules/openapi-typescript/bin/cli.js', import.meta.url));
    const r = spawnSync(process.execPath, [cli, 'docs/openapi.json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stderr).to.equal(0);
    const committed = readFileSync(new URL('../src/generated/openapi.ts', import.meta.url), 'utf8');
    if (r.stdout !== committed) expect.fail('sdk/src/generated/openapi.ts is stale: run npm run build:api-spec and commit it');
  });
});
