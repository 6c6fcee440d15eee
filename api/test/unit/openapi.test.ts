import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { generateSpecAndRoutes, type Config } from 'tsoa';

/**
 * The committed docs/openapi.json and api/src/generated/routes.ts must be what tsoa makes from the controllers
 * now. Generation runs into temporary places: the spec into the OS temp dir, the routes into a sibling of
 * api/src/generated (same depth, so the relative imports inside routes.ts are identical), removed afterwards.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const HINT = 'run npm run build:api-spec and commit docs/openapi.json and api/src/generated/routes.ts';

describe('OpenAPI spec and tsoa routes are up to date', function () {
  this.timeout(120000);
  let specDir: string;
  let routesDir: string;
  before(async () => {
    const base = JSON.parse(fs.readFileSync(path.join(ROOT, 'api', 'tsoa.json'), 'utf8')) as Config;
    specDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-openapi-'));
    routesDir = path.join(ROOT, 'api', 'src', `.tsoa-check-${crypto.randomBytes(4).toString('hex')}`);
    const config: Config = {
      ...base,
      spec: { ...base.spec, outputDirectory: specDir },
      routes: { ...base.routes, routesDir: path.relative(ROOT, routesDir) },
    };
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      await generateSpecAndRoutes({ configuration: config });
    } finally {
      process.chdir(cwd);
    }
  });
  after(() => {
    if (specDir) fs.rmSync(specDir, { recursive: true, force: true });
    if (routesDir) fs.rmSync(routesDir, { recursive: true, force: true });
  });

  it('docs/openapi.json matches the controllers', () => {
    const fresh = JSON.parse(fs.readFileSync(path.join(specDir, 'openapi.json'), 'utf8'));
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'openapi.json'), 'utf8'));
    const freshPaths = Object.keys(fresh.paths).sort();
    const committedPaths = Object.keys(committed.paths).sort();
    expect(committedPaths, `paths differ: ${HINT}`).to.deep.equal(freshPaths);
    expect(committed, `docs/openapi.json is stale: ${HINT}`).to.deep.equal(fresh);
  });

  it('api/src/generated/routes.ts matches the controllers', () => {
    const fresh = fs.readFileSync(path.join(routesDir, 'routes.ts'), 'utf8');
    const committed = fs.readFileSync(path.join(ROOT, 'api', 'src', 'generated', 'routes.ts'), 'utf8');
    if (fresh !== committed) expect.fail(`api/src/generated/routes.ts is stale: ${HINT}`);
  });

  it('documents the foundation routes with their problem responses', () => {
    const spec = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'openapi.json'), 'utf8'));
    const gen = spec.paths['/api/studio/generate'].post;
    expect(Object.keys(gen.responses)).to.include.members(['202', '400', '402', '409', '422', '429']);
    expect(gen.parameters.map((p: { name: string }) => p.name)).to.include('Idempotency-Key');
    for (const p of ['/api/studio/enhance-prompt', '/api/studio/generate/{jobId}', '/api/studio/my-creations', '/api/studio/my-creations/{imageId}',
      '/api/studio/my-creations/{imageId}/reopen', '/api/credits/balance', '/api/admin/credits/grant']) {
      expect(spec.paths, p).to.have.property(p);
    }
    expect(spec.components.securitySchemes).to.have.keys('jwt', 'visitor', 'platform');
  });
});
