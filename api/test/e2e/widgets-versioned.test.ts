import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { bundlesRouter } from '../../src/http/examples.js';
import { ROOT, ensureBuilt } from '../../../scripts/pack-install.js';

const dist = (f: string) => path.join(ROOT, 'widgets', 'dist', f);
const version = () => (JSON.parse(fs.readFileSync(path.join(ROOT, 'widgets', 'package.json'), 'utf8')) as { version: string }).version;

// The routes every API process mounts (mountBundles, production included), on a bare app: no database involved.
describe('widgets served under /widgets/v<version>/ with immutable caching', function () {
  this.timeout(300_000);
  let server: Server;
  const s = { baseUrl: '' };
  before(async () => {
    ensureBuilt('widgets', 'widgets/dist/sri.json');
    const app = express().use(bundlesRouter());
    server = await new Promise<Server>((resolve) => { const l = app.listen(0, '127.0.0.1', () => resolve(l)); });
    s.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('answers the same bytes as /widgets/, cacheable for a year, matching the SRI hash of sri.json', async () => {
    const sri = JSON.parse(fs.readFileSync(dist('sri.json'), 'utf8')) as { version: string; files: Record<string, string> };
    expect(sri.version).to.equal(version());
    for (const file of ['ais-widgets.js', 'ais-widgets.iife.js']) {
      const res = await fetch(`${s.baseUrl}/widgets/v${version()}/${file}`);
      expect(res.status, file).to.equal(200);
      expect(res.headers.get('cache-control')).to.equal('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).to.match(/javascript/);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.equals(fs.readFileSync(dist(file)))).to.equal(true);
      expect(`sha384-${crypto.createHash('sha384').update(body).digest('base64')}`).to.equal(sri.files[file]);
    }
    const esm = fs.readdirSync(dist('esm')).find((f) => f.startsWith('ais-wallet'))!;
    expect((await fetch(`${s.baseUrl}/widgets/v${version()}/esm/${esm}`)).status).to.equal(200);
  });

  it('serves the lazy chunks that ais-widgets.js imports (admin, Hindi) from the same versioned folder, immutable', async () => {
    const entry = fs.readFileSync(dist('ais-widgets.js'), 'utf8');
    const lazy = [...entry.matchAll(/\bimport\(\s*["']\.\/(chunks\/[^"']+)["']\s*\)/g)].map((m) => m[1]!);
    expect(lazy.length, 'lazy chunks of the user bundle').to.be.at.least(2);
    for (const chunk of lazy) {
      const res = await fetch(`${s.baseUrl}/widgets/v${version()}/${chunk}`);
      expect(res.status, chunk).to.equal(200);
      expect(res.headers.get('cache-control'), chunk).to.equal('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type'), chunk).to.match(/javascript/);
      expect(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(dist(chunk))), chunk).to.equal(true);
    }
  });

  it('keeps the unversioned path for development (max-age=0), and 404s another version or a missing file', async () => {
    const plain = await fetch(`${s.baseUrl}/widgets/ais-widgets.js`);
    expect(plain.status).to.equal(200);
    expect(plain.headers.get('cache-control')).to.equal('public, max-age=0');
    await plain.arrayBuffer();
    for (const p of ['/widgets/v0.0.0-nope/ais-widgets.js', `/widgets/v${version()}/no-such-file.js`, `/widgets/v${version()}/../package.json`]) {
      const res = await fetch(s.baseUrl + p);
      expect(res.status, p).to.equal(404);
      await res.arrayBuffer();
    }
  });
});
