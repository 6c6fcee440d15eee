import { spawn } from 'node:child_process';
import { expect } from 'chai';
import { waitForJob, type TestServer } from './harness.js';

/** Black-box helpers for the contract suites: they only look at what goes over HTTP. */
export type Res = { status: number; body: any; headers: Headers };

const show = (r: Res) => `${r.status} ${typeof r.body === 'string' ? r.body.slice(0, 300) : JSON.stringify(r.body)?.slice(0, 300)}`;

/** CONTRACT.md "Errors": problem+json with type/title/status/code/detail and the request id of the X-Request-Id header. */
export function expectProblem(r: Res, status: number, code?: string, what = '') {
  expect(r.status, `${what} ${show(r)}`).to.equal(status);
  expect(r.headers.get('content-type'), what).to.match(/^application\/problem\+json/);
  expect(r.body, what).to.be.an('object');
  expect(r.body.status, what).to.equal(status);
  if (code) expect(r.body.code, what).to.equal(code);
  else expect(r.body.code, what).to.be.a('string').and.not.empty;
  expect(r.body.type, what).to.be.a('string').and.not.empty;
  expect(r.body.title, what).to.be.a('string').and.not.empty;
  expect(r.body.detail, what).to.be.a('string');
  expect(r.body.requestId, what).to.be.a('string').and.not.empty;
  expect(r.body.requestId, what).to.equal(r.headers.get('x-request-id'));
}

export function expectOk(r: Res, status: number, what = '') {
  expect(r.status, `${what} ${show(r)}`).to.equal(status);
  if (status !== 204) expect(r.headers.get('content-type'), what).to.match(/^application\/json/);
}

/** Asserts each named field has the JSON type given ('string', 'number', 'boolean', 'array', 'object'). */
export function expectTypes(body: any, types: Record<string, string>, what = '') {
  expect(body, what).to.be.an('object');
  for (const [k, t] of Object.entries(types)) {
    const optional = t.endsWith('?');
    const type = optional ? t.slice(0, -1) : t;
    if (optional && body[k] === undefined) continue;
    expect(body, `${what}: missing ${k}`).to.have.property(k);
    if (type === 'array') expect(body[k], `${what}.${k}`).to.be.an('array');
    else if (type === 'object') expect(body[k], `${what}.${k}`).to.be.an('object');
    else expect(typeof body[k], `${what}.${k}`).to.equal(type);
  }
}

export function expectList(r: Res, what = '') {
  expectOk(r, 200, what);
  expect(r.body.items, what).to.be.an('array');
  if (r.body.nextCursor !== undefined) expect(r.body.nextCursor, what).to.be.a('string').and.not.empty;
}

/** A cursor whose last character is flipped: still looks like one, but was not issued by the API. */
export function tamper(cursor: string): string {
  const last = cursor.slice(-1);
  return cursor.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

/** Generates an image for the token's user and waits for it; the user must already hold the credits. */
export async function generated(s: TestServer, token: string, prompt = 'a watercolour lighthouse at dawn'): Promise<{ jobId: string; imageId: string }> {
  const g = await s.call('POST', '/api/studio/generate', { token, body: { prompt, tier: 'standard' } });
  expectOk(g, 202, 'generate');
  const job = await waitForJob(s, token, g.body.jobId);
  expect(job.status, JSON.stringify(job)).to.equal('succeeded');
  return { jobId: g.body.jobId, imageId: g.body.imageId };
}

export interface OpenApiOp { method: string; path: string; op: any }

/** Every operation of the served OpenAPI document. */
export async function openApiOps(s: TestServer): Promise<{ doc: any; ops: OpenApiOp[] }> {
  const r = await s.call('GET', '/docs/openapi.json');
  expect(r.status).to.equal(200);
  const ops: OpenApiOp[] = [];
  for (const [p, item] of Object.entries<any>(r.body.paths)) {
    for (const [m, op] of Object.entries<any>(item)) if (['get', 'post', 'put', 'patch', 'delete'].includes(m)) ops.push({ method: m.toUpperCase(), path: p, op });
  }
  return { doc: r.body, ops };
}

/** Visitors may call it, or it is public by design (`security: []`: signed files, public images, share pages, webhooks, probes). */
export const isPublicOp = (op: any) => (Array.isArray(op.security) && op.security.length === 0)
  || (op.security ?? []).some((s: Record<string, unknown>) => 'visitor' in s);
export const isAdminOp = (op: any) => (op.security ?? []).some((s: Record<string, string[]>) => (s.jwt ?? []).includes('admin'));
export const fillPath = (p: string, value: string) => p.replace(/\{[^}]+\}/g, encodeURIComponent(value));

/** Runs `npm run token`'s script (tsx api/src/cli/token.ts) with extra environment and returns what it printed. */
export function tokenCli(env: Record<string, string | undefined>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'api/src/cli/token.ts', '--sub', 'cli-user', '--name', 'Cli User', '--role', 'admin', '--ref', 'ABC123'], {
      env: { ...process.env, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = ''; let err = '';
    child.stdout.on('data', (d) => { text += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text.trim()) : reject(new Error(`token exited ${code}: ${err}`))));
  });
}
