import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineBatcher } from '../../../src/logger.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..', '..');

/** The access log to stdout goes in batches (logger.ts LineBatcher): whole lines, each once, none lost at exit. */
describe('access log batching', () => {
  it('writes the lines of one event-loop turn in one chunk of whole lines, in order', async () => {
    const chunks: string[] = [];
    const b = new LineBatcher((c) => chunks.push(c));
    for (let i = 0; i < 5; i++) b.write(`{"n":${i}}\n`);
    expect(chunks).to.deep.equal([]); // nothing yet: the turn is not over
    await new Promise((r) => setImmediate(r));
    expect(chunks).to.deep.equal(['{"n":0}\n{"n":1}\n{"n":2}\n{"n":3}\n{"n":4}\n']);
  });

  it('never makes a chunk above its bound out of several lines, and never splits a line', () => {
    const chunks: string[] = [];
    const b = new LineBatcher((c) => chunks.push(c), 100);
    const line = `${'x'.repeat(39)}\n`; // 40 characters
    for (let i = 0; i < 7; i++) b.write(line);
    b.flush();
    expect(chunks.join('')).to.equal(line.repeat(7));
    for (const c of chunks) {
      expect(c.length).to.be.at.most(100);
      expect(c.endsWith('\n')).to.equal(true);
    }
    const big = `${'y'.repeat(199)}\n`; // a line longer than the bound goes alone, whole
    b.write(line);
    b.write(big);
    b.flush();
    expect(chunks.slice(-2)).to.deep.equal([line, big]);
  });

  it('one JSON line per request with its request id, and the pending lines written when the process exits', () => {
    // A child process logs to its real stdout through configureLogger(level) (the production path), serves a few
    // requests, then exits at once, in the same turn as its last log lines: they must all be there.
    const script = `
      import express from 'express';
      import { configureLogger, accessLogger } from ${JSON.stringify(path.join(ROOT, 'api/src/logger.ts'))};
      import { requestIdMiddleware } from ${JSON.stringify(path.join(ROOT, 'api/src/http/request-id.ts'))};
      configureLogger('info');
      const app = express();
      app.use(requestIdMiddleware);
      app.get('/x', (_req, res) => { res.json({ ok: true }); });
      const server = app.listen(0, '127.0.0.1', async () => {
        const port = server.address().port;
        for (let i = 0; i < 3; i++) await fetch('http://127.0.0.1:' + port + '/x', { headers: { 'x-request-id': 'req-' + i } });
        accessLogger().info({ last: true }, 'before exit');
        process.exit(0);
      });
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 30000 });
    expect(r.status, r.stderr).to.equal(0);
    const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.map((l) => l.requestId)).to.deep.equal(['req-0', 'req-1', 'req-2']);
    for (const l of requests) expect(l).to.include({ method: 'GET', path: '/x', status: 200 });
    expect(lines.at(-1)).to.include({ msg: 'before exit', last: true });
  });
});
