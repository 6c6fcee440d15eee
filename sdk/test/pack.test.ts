import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { blankProject, ensureBuilt, pack, type BlankProject } from '../../scripts/pack-install.js';

describe('sdk: the npm package installs into a blank project, imports, type-checks and runs', function () {
  this.timeout(240_000);
  let tmp: string;
  let files: string[];
  let app: BlankProject;

  before(() => {
    ensureBuilt('sdk', 'sdk/dist/server.mjs');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-tgz-'));
    const packed = pack('sdk', tmp);
    files = packed.files;
    app = blankProject([packed.tarball]);
  });
  after(() => {
    app?.remove();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('packs the built files and the README, no sources or tests', () => {
    expect(files).to.include.members(['package.json', 'README.md', 'dist/index.mjs', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/server.mjs', 'dist/server.cjs', 'dist/server.d.ts']);
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).to.deep.equal([]);
  });

  it('imports as ES module and as CommonJS, main and server entries', () => {
    const esm = app.node(`
      import { StudioClient, StudioPromise, NotFoundError } from '@community-ai-studio/sdk';
      import { signUserToken } from '@community-ai-studio/sdk/server';
      const client = new StudioClient({ baseUrl: 'http://127.0.0.1:9' });
      const token = signUserToken({ sub: 'alice' }, { secret: 'x'.repeat(32) });
      console.log(typeof client.studio.generate, typeof StudioPromise, new NotFoundError({ status: 404 }).status, token.split('.').length);
    `);
    expect(esm.trim()).to.equal('function function 404 3');
    const cjs = app.node(`
      const { StudioClient } = require('@community-ai-studio/sdk');
      const { signUserToken } = require('@community-ai-studio/sdk/server');
      console.log(typeof StudioClient, typeof signUserToken);
    `, { commonjs: true });
    expect(cjs.trim()).to.equal('function function');
  });

  it('runs: a call through the installed client reaches a fetch and gives data and the Response', () => {
    const out = app.node(`
      import { StudioClient } from '@community-ai-studio/sdk';
      const fetch = async (url) => new Response(JSON.stringify({ balance: 3 }), { headers: { 'content-type': 'application/json', 'x-request-id': 'r-1' } });
      const client = new StudioClient({ baseUrl: 'http://studio.test', token: 't', fetch });
      const { data, requestId } = await client.credits.balance().withResponse();
      console.log(data.balance, requestId);
    `);
    expect(out.trim()).to.equal('3 r-1');
  });

  it('type-checks a strict consumer (ES module and CommonJS) against the shipped .d.ts', () => {
    const r = app.tsc({
      'consumer.ts': `
        import { StudioClient, type WithResponse, type GetBalanceResponse, type ResponseEvent } from '@community-ai-studio/sdk';
        import { signUserToken } from '@community-ai-studio/sdk/server';
        const token: string = signUserToken({ sub: 'alice', role: 'admin' }, { secret: 's', expiresIn: '15m' });
        const client = new StudioClient({ baseUrl: 'https://studio.example.com', token, onResponse: (e: ResponseEvent) => { void e.status; } });
        export const full: Promise<WithResponse<GetBalanceResponse>> = client.credits.balance().withResponse();
        export const balance: Promise<GetBalanceResponse> = client.credits.balance();
        // @ts-expect-error secret and privateKey together
        signUserToken({ sub: 'a' }, { secret: 's', privateKey: 'k' });
        // @ts-expect-error generate needs a prompt
        void client.studio.generate({ tier: 'standard' });
      `,
      'consumer-cjs.cts': `
        import sdk = require('@community-ai-studio/sdk');
        import server = require('@community-ai-studio/sdk/server');
        export const c = new sdk.StudioClient({ baseUrl: 'x' });
        export const t: string = server.signUserToken({ sub: 'a' }, { secret: 's' });
      `,
    }, { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: ['node'] });
    expect(r.output).to.equal('');
    expect(r.ok).to.equal(true);
  });
});
