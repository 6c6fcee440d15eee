import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { generateSpecAndRoutes, type Config } from 'tsoa';
import { operations as sdkOperations } from '../../../sdk/src/operations.js';

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

  describe('every operation is documented', () => {
    type Op = { operationId?: string; summary?: string; description?: string; tags?: string[]; security?: unknown[] };
    const spec = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'openapi.json'), 'utf8')) as {
      paths: Record<string, Record<string, Op>>; tags?: Array<{ name: string; description?: string }>;
    };
    const ops = Object.entries(spec.paths).flatMap(([p, item]) => Object.entries(item).map(([m, op]) => ({ route: `${m.toUpperCase()} ${p}`, op })));

    it('has a unique, camelCase operationId, a summary, a description and declared tags on each', () => {
      const declared = new Set((spec.tags ?? []).map((t) => t.name));
      const problems: string[] = [];
      const seen = new Map<string, string>();
      for (const { route, op } of ops) {
        const id = op.operationId ?? '';
        if (!/^[a-z][A-Za-z0-9]*$/.test(id)) problems.push(`${route}: operationId "${id}" is not camelCase`);
        if (seen.has(id)) problems.push(`${route}: operationId "${id}" also used by ${seen.get(id)}`);
        seen.set(id, route);
        if (!op.summary?.trim()) problems.push(`${route}: no summary (JSDoc @summary)`);
        if (!op.description?.trim()) problems.push(`${route}: no description (JSDoc text)`);
        if (!op.tags?.length) problems.push(`${route}: no tags`);
        for (const t of op.tags ?? []) if (!declared.has(t)) problems.push(`${route}: tag "${t}" not declared in tsoa.json spec.tags`);
      }
      for (const t of spec.tags ?? []) if (!t.description) problems.push(`tag ${t.name} has no description`);
      expect(problems).to.deep.equal([]);
    });

    it('documents the routes served by plain Express routers (merged from tsoa.json spec.spec)', () => {
      const routes = ops.map((o) => o.route);
      expect(routes).to.include.members([
        'GET /api/files/{imageId}/{variant}', 'GET /api/public/posts/{postId}/image', 'GET /share/{postId}',
        'POST /api/webhooks/{gateway}', 'GET /healthz', 'GET /readyz',
      ]);
      for (const { route, op } of ops.filter((o) => !o.route.includes(' /api/') || /files|public| \/api\/webhooks\//.test(o.route))) {
        // Public, or public with an optional sign-in (the visitor scheme, e.g. POST /api/public/takedown).
        const optional = ((op.security ?? []) as Record<string, string[]>[]).some((sec) => 'visitor' in sec);
        if (!optional) expect(op.security, `${route} is public: security must be []`).to.deep.equal([]);
      }
    });

    it('docs/api-reference.md lists every operation (node scripts/api-table.mjs)', async () => {
      const { renderTable } = await import(pathToFileURL(path.join(ROOT, 'scripts', 'api-table.mjs')).href) as { renderTable: (s: unknown) => string };
      const doc = fs.readFileSync(path.join(ROOT, 'docs', 'api-reference.md'), 'utf8');
      if (!doc.includes(`<!-- api-table:start -->\n${renderTable(spec)}\n<!-- api-table:end -->`)) {
        expect.fail('docs/api-reference.md is stale: run node scripts/api-table.mjs');
      }
    });

    it('names each SDK operation by its operationId (one vocabulary for the document, the SDK and generated clients)', () => {
      const byRoute = new Map(ops.map((o) => [o.route, o.op.operationId]));
      const mismatched = sdkOperations.filter((o) => byRoute.get(`${o.method} ${o.path}`) !== o.name)
        .map((o) => `${o.name}: ${o.method} ${o.path} has operationId ${byRoute.get(`${o.method} ${o.path}`)}`);
      expect(mismatched).to.deep.equal([]);
    });
  });
});
