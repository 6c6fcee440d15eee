import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

/**
 * A client generated from docs/openapi.json compiles under `tsc --strict`: openapi-typescript turns the document
 * into types in a temporary directory, a small generator below writes one typed fetch wrapper per operationId,
 * a few lines use them the way a partner would, and tsc checks it all with nothing of this project in scope.
 * Duplicate or unsafe operationIds, dangling $refs or schemas tsc cannot express fail here.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bin = (pkg: string, file: string) => path.join(ROOT, 'node_modules', pkg, file);

interface Operation {
  operationId: string;
  parameters?: Array<{ in: string; required?: boolean }>;
  requestBody?: { required?: boolean; content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

/** The TypeScript of one wrapper: typed path/query/body in, typed success body out. */
function wrapper(method: string, route: string, op: Operation): string {
  const o = `operations['${op.operationId}']`;
  const has = (where: string) => (op.parameters ?? []).some((p) => p.in === where);
  const required = (where: string) => (op.parameters ?? []).some((p) => p.in === where && p.required);
  const args: string[] = [];
  if (has('path')) args.push(`path: ${o}['parameters']['path']`);
  if (has('query')) args.push(`query${required('query') ? '' : '?'}: ${o}['parameters']['query']`);
  if (op.requestBody?.content['application/json']) {
    args.push(`body${op.requestBody.required ? '' : '?'}: NonNullable<${o}['requestBody']>['content']['application/json']`);
  }
  const status = Object.keys(op.responses).find((s) => /^2\d\d$/.test(s))!;
  const content = Object.keys(op.responses[status]?.content ?? {});
  const result = content.includes('application/json') ? `${o}['responses'][${status}]['content']['application/json']`
    : content.some((c) => c.startsWith('text/')) ? 'string' : content.length ? 'Blob' : 'void';
  const kind = content.includes('application/json') ? 'json' : content.some((c) => c.startsWith('text/')) ? 'text' : content.length ? 'blob' : 'none';
  const argType = args.length ? `{ ${args.join('; ')} }` : 'Record<string, never>';
  const optional = args.every((a) => /^\w+\?/.test(a)) ? ' = {}' : '';
  return `export function ${op.operationId}(client: Client, args: ${argType}${optional}): Promise<${result}> {
  return client.request('${method.toUpperCase()}', '${route}', args, '${kind}') as Promise<${result}>;
}`;
}

const RUNTIME = `import type { operations } from './api.js';
export type { operations };

type Args = { path?: object; query?: object; body?: unknown };

/** The transport every generated wrapper shares. */
export class Client {
  constructor(private readonly baseUrl: string, private readonly token?: string) {}

  async request(method: string, route: string, args: Args, kind: 'json' | 'text' | 'blob' | 'none'): Promise<unknown> {
    const params: Record<string, unknown> = { ...args.path };
    const url = new URL(this.baseUrl + route.replace(/\\{(\\w+)\\}/g, (_, k: string) => encodeURIComponent(String(params[k]))));
    for (const [k, v] of Object.entries(args.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.token) headers.Authorization = \`Bearer \${this.token}\`;
    if (args.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(url, { method, headers, body: args.body === undefined ? undefined : JSON.stringify(args.body) });
    if (!res.ok) throw new Error(\`\${res.status} \${await res.text()}\`);
    return kind === 'json' ? res.json() : kind === 'text' ? res.text() : kind === 'blob' ? res.blob() : undefined;
  }
}
`;

/** Uses the wrappers as a partner would; each line only compiles if the types carry the API's shapes. */
const USAGE = `import * as api from './client.js';

export async function demo(client: api.Client): Promise<string[]> {
  const queued = await api.generate(client, { body: { prompt: 'a lighthouse at dawn', tier: 'standard' } });
  const job = await api.getJob(client, { path: { jobId: queued.jobId } });
  const done: boolean = job.status === 'succeeded' || job.status === 'failed';
  const feed = await api.getFeed(client, { query: { sort: 'latest', limit: 10 } });
  const first = feed.items[0];
  const titles: string[] = feed.items.map((card) => card.title);
  if (first) await api.likePost(client, { path: { postId: first.postId } });
  const balance = await api.getBalance(client);
  const credits: number = balance.credits;
  const order = await api.purchase(client, { body: { packId: 'starter' } });
  const paise: number = order.amountPaise;
  const page = await api.adminListTemplates(client, { query: { active: true } });
  const health = await api.getHealth(client);
  await api.deleteCreation(client, { path: { imageId: job.imageId } });
  return [String(done), ...titles, String(credits), String(paise), String(page.items.length), health.status];
}
`;

describe('a client generated from docs/openapi.json compiles under tsc --strict', function () {
  this.timeout(180000);
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-client-')); });
  after(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('generates types and one wrapper per operation, and tsc --strict accepts them', () => {
    const gen = spawnSync(process.execPath, [bin('openapi-typescript', 'bin/cli.js'), path.join(ROOT, 'docs', 'openapi.json'), '-o', path.join(dir, 'api.ts')],
      { cwd: ROOT, encoding: 'utf8' });
    expect(gen.status, gen.stderr).to.equal(0);

    const spec = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, Operation>> };
    const wrappers = Object.entries(spec.paths).flatMap(([route, item]) => Object.entries(item).map(([method, op]) => wrapper(method, route, op)));
    expect(wrappers.length).to.be.greaterThan(50);
    fs.writeFileSync(path.join(dir, 'client.ts'), `${RUNTIME}\n${wrappers.join('\n\n')}\n`);
    fs.writeFileSync(path.join(dir, 'usage.ts'), USAGE);
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [], noUnusedLocals: true, noImplicitReturns: true, skipLibCheck: true,
      },
      files: ['api.ts', 'client.ts', 'usage.ts'],
    }));
    const tsc = spawnSync(process.execPath, [bin('typescript', 'bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
    expect(tsc.status, `tsc --strict failed:\n${tsc.stdout}${tsc.stderr}`).to.equal(0);
  });
});
