import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import http from 'node:http';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { databases, sleep, TEST_JWT_SECRET } from '../support/harness.js';

/**
 * API_PROCESSES=N as a real server (`node --import tsx api/src/main.ts`): on MariaDB two HTTP processes answer on
 * one port, one killed with SIGKILL is replaced, a generation goes through, SIGTERM stops everything; on SQLite
 * the setting is refused with a log line and one process serves.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
type Line = Record<string, unknown> & { msg?: string; pid?: number; childPid?: number; requestId?: string };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

interface Server { proc: ChildProcess; lines: Line[]; port: number; dataDir: string; output: () => string; exited: Promise<number | null> }

async function startServer(dbUrl: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-cluster-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'api/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env, NODE_ENV: 'test', DATABASE_URL: dbUrl, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1',
      AUTH_JWT_SECRET: TEST_JWT_SECRET, PAYMENTS_SANDBOX_SECRET: 'sandbox-secret-for-tests-0123456789', MASTER_KEY: 'master-key-for-tests-0123456789',
      JOB_POLL_MS: '50', SERVE_EXAMPLES: 'false', LOG_LEVEL: 'info', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  let out = '';
  let partial = '';
  proc.stdout!.on('data', (d: Buffer) => {
    out += d;
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop()!;
    for (const p of parts) { try { lines.push(JSON.parse(p)); } catch { /* not a log line */ } }
  });
  proc.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { proc, lines, port, dataDir, output: () => out.slice(-4000), exited };
}

async function waitFor<T>(what: string, s: Server, fn: () => T | undefined | false, timeoutMs = 120000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (s.proc.exitCode !== null) throw new Error(`server exited while waiting for ${what}:\n${s.output()}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}:\n${s.output()}`);
    await sleep(50);
  }
}

/** One request on its own connection (no keep-alive), so the cluster may hand it to any process. */
function request(port: number, method: string, urlPath: string, opts: { token?: string; body?: unknown } = {}) {
  const requestId = `clu-${crypto.randomBytes(6).toString('hex')}`;
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise<{ status: number; body: any; requestId: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, agent: false, headers: {
      'x-request-id': requestId, ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}),
    } }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => { let parsed: unknown = text; try { parsed = JSON.parse(text); } catch { /* text */ } resolve({ status: res.statusCode!, body: parsed, requestId }); });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const token = (sub: string, claims: Record<string, unknown> = {}) => jwt.sign({ sub, name: sub, ...claims }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

/** Which process answered a request: its request log line carries the pid. */
async function servedBy(s: Server, requestId: string) {
  const line = await waitFor(`the log line of ${requestId}`, s, () => s.lines.find((l) => l.requestId === requestId && l.msg === 'request'), 10000);
  return line.pid!;
}

for (const dbDef of databases()) {
  describe(`API_PROCESSES with node:cluster (${dbDef.name})`, function () {
    this.timeout(240000);
    let dbUrl: string;
    let drop: () => Promise<void>;
    let s: Server | undefined;
    before(async () => {
      const db = await dbDef.make();
      dbUrl = db.url;
      drop = db.drop;
    });
    after(async () => {
      if (s && s.proc.exitCode === null) { s.proc.kill('SIGKILL'); await s.exited; }
      for (const l of s?.lines ?? []) if (typeof l.pid === 'number' && alive(l.pid)) process.kill(l.pid, 'SIGKILL');
      if (s) fs.rmSync(s.dataDir, { recursive: true, force: true });
      await drop?.();
    });

    if (dbDef.name === 'sqlite') {
      it('refuses more than one process on SQLite, says so, and serves with one', async () => {
        s = await startServer(dbUrl, { API_PROCESSES: '2' });
        const warn = await waitFor('the refusal line', s, () => s!.lines.find((l) => /API_PROCESSES=2 ignored: SQLite/.test(l.msg ?? '')));
        expect(warn.level).to.equal(40);
        await waitFor('the server', s, () => s!.lines.find((l) => l.msg === 'Community AI Studio is running'));
        const pids = new Set<number>();
        for (let i = 0; i < 4; i++) {
          const r = await request(s.port, 'GET', '/api/studio/tiers', { token: token('solo') });
          expect(r.status).to.equal(200);
          pids.add(await servedBy(s, r.requestId));
        }
        expect([...pids]).to.deep.equal([s.proc.pid]);
        s.proc.kill('SIGTERM');
        expect(await s.exited).to.equal(0);
      });
      return;
    }

    it('serves from two processes, replaces one killed with SIGKILL, generates, and stops on SIGTERM', async () => {
      s = await startServer(dbUrl, { API_PROCESSES: '2', ROLE: 'all' });
      const srv = s;
      // Only listeners on the API port: the job worker process may listen too (its own /metrics on METRICS_PORT).
      const listening = () => srv.lines.filter((l) => l.msg === 'API process listening' && l.port === srv.port).map((l) => l.childPid!);
      await waitFor('two API processes', srv, () => listening().length >= 2);
      await waitFor('the job worker process', srv, () => srv.lines.some((l) => l.msg === 'worker started'));

      const seen = async (want: (pids: Set<number>) => boolean) => {
        const pids = new Set<number>();
        for (let i = 0; i < 60 && !want(pids); i++) {
          const r = await request(srv.port, 'GET', '/api/studio/tiers', { token: token('clu') });
          expect(r.status).to.equal(200);
          pids.add(await servedBy(srv, r.requestId));
        }
        return pids;
      };
      const first = await seen((p) => p.size >= 2);
      expect(first.size, 'two distinct processes answer').to.equal(2);
      expect(first.has(srv.proc.pid!), 'the primary serves nothing').to.equal(false);

      const victim = [...first][0]!;
      process.kill(victim, 'SIGKILL');
      await waitFor('the restart line', srv, () => srv.lines.find((l) => l.pid === srv.proc.pid && l.childPid === victim && /exited; starting another/.test(l.msg ?? '') && l.signal === 'SIGKILL'));
      const replacement = await waitFor('a replacement process', srv, () => listening().find((p) => !first.has(p)));
      expect(alive(victim)).to.equal(false);
      const after = await seen((p) => p.has(replacement));
      expect(after.has(replacement), 'the new process answers').to.equal(true);
      expect(after.has(victim)).to.equal(false);

      // A generation acknowledged by one process, drawn by the job worker process, polled through any of them.
      const admin = token('clu-admin', { role: 'admin' });
      expect((await request(srv.port, 'GET', '/api/credits/balance', { token: token('gen') })).status).to.equal(200);
      const grant = await request(srv.port, 'POST', '/api/admin/credits/grant', { token: admin, body: { userId: 'gen', credits: 10, note: 'cluster test' } });
      expect(grant.status, JSON.stringify(grant.body)).to.equal(200);
      const gen = await request(srv.port, 'POST', '/api/studio/generate', { token: token('gen'), body: { prompt: 'a lighthouse at dusk', tier: 'standard' } });
      expect(gen.status, JSON.stringify(gen.body)).to.equal(202);
      let status = '';
      for (const until = Date.now() + 60000; Date.now() < until;) {
        const r = await request(srv.port, 'GET', `/api/studio/generate/${gen.body.jobId}`, { token: token('gen') });
        expect(r.status).to.equal(200);
        status = r.body.status;
        if (status === 'succeeded' || status === 'failed') break;
        await sleep(100);
      }
      expect(status).to.equal('succeeded');

      const children = [...new Set(srv.lines.map((l) => l.pid as number).filter((p) => typeof p === 'number' && p !== srv.proc.pid && alive(p)))];
      expect(children.length).to.be.greaterThanOrEqual(3);
      srv.proc.kill('SIGTERM');
      expect(await srv.exited).to.equal(0);
      for (const p of children) expect(alive(p), `child ${p} stopped`).to.equal(false);
    });

    it('answers METRICS_PORT on the primary with every child\'s counters summed', async () => {
      const metricsPort = await freePort();
      s = await startServer(dbUrl, { API_PROCESSES: '2', ROLE: 'api', METRICS_PORT: String(metricsPort), METRICS_TOKEN: 'cluster-metrics-token-0123' });
      const srv = s;
      const listening = () => srv.lines.filter((l) => l.msg === 'API process listening' && l.port === srv.port).map((l) => l.childPid!);
      await waitFor('two API processes', srv, () => listening().length >= 2);
      await waitFor('the metrics listener', srv, () => srv.lines.find((l) => l.msg === 'metrics listener started' && l.pid === srv.proc.pid));
      const pids = new Set<number>();
      const N = 12;
      for (let i = 0; i < N; i++) {
        const r = await request(srv.port, 'GET', '/api/studio/tiers', { token: token('scraped') });
        expect(r.status).to.equal(200);
        pids.add(await servedBy(srv, r.requestId));
      }
      expect(pids.size, 'both children served').to.equal(2);
      const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { headers: { authorization: 'Bearer cluster-metrics-token-0123' } });
      expect(scrape.status).to.equal(200);
      const text = await scrape.text();
      const count = text.split('\n').find((l) => l.startsWith('http_request_duration_seconds_count{') && l.includes('route="/api/studio/tiers"') && l.includes('status_code="200"'));
      expect(Number(count?.split(' ').pop()), count).to.equal(N);
      expect((await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).status, 'the token is required').to.equal(401);
      srv.proc.kill('SIGTERM');
      expect(await srv.exited).to.equal(0);
    });
  });
}
