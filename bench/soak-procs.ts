/**
 * The soak's processes: real `node --import tsx api/src/main.ts` children (ROLE=api / ROLE=worker) that the soak
 * kills with SIGKILL and starts again, plus the S3 server (s3rver, in this process) and a private Redis database.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

export interface ProcSpec { name: string; role: 'api' | 'worker'; env: Record<string, string>; port?: number }

/** One app process that can be killed and started again; its output goes to <logDir>/<name>.log. */
export class AppProcess {
  proc?: ChildProcess;
  starts = 0;
  /** Between ready() and the next kill: what a load balancer's health check would say. */
  healthy = false;
  private seenWorkerStart = false;
  constructor(readonly spec: ProcSpec, private readonly logDir: string) {}

  get url() { return `http://127.0.0.1:${this.spec.port}`; }
  get running() { return !!this.proc && this.proc.exitCode === null && this.proc.signalCode === null; }

  start() {
    this.starts++;
    this.seenWorkerStart = false;
    const log = fs.createWriteStream(path.join(this.logDir, `${this.spec.name}.log`), { flags: 'a' });
    log.write(`\n--- start ${this.starts} at ${new Date().toISOString()}\n`);
    // node itself is the child (no npx/tsx wrapper process), so SIGKILL kills the app and not a launcher.
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'api/src/main.ts')], {
      cwd: ROOT, env: { ...process.env, ...this.spec.env, ROLE: this.spec.role, ...(this.spec.port ? { PORT: String(this.spec.port) } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout!.on('data', (d: Buffer) => {
      log.write(d);
      if (!this.seenWorkerStart && d.toString().includes('"msg":"worker started"')) this.seenWorkerStart = true;
    });
    proc.stderr!.on('data', (d: Buffer) => log.write(d));
    proc.on('exit', () => log.end());
    this.proc = proc;
  }

  /** Until /readyz answers 200 (API) or the worker logged that it started (worker). */
  async ready(timeoutMs = 180_000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.running) throw new Error(`${this.spec.name} exited during start (exit ${this.proc?.exitCode}); see its log`);
      if (this.spec.role === 'worker') {
        if (this.seenWorkerStart) { this.healthy = true; return; }
      } else {
        const ok = await fetch(`${this.url}/readyz`).then((r) => r.ok, () => false);
        if (ok) { this.healthy = true; return; }
      }
      await sleep(200);
    }
    throw new Error(`${this.spec.name} not ready after ${timeoutMs} ms`);
  }

  kill(signal: NodeJS.Signals) {
    this.healthy = false;
    const p = this.proc;
    if (!p || !this.running) return Promise.resolve();
    return new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill(signal); });
  }
}

/** Runs a one-shot CLI of the app (db:migrate, ledger:check) and returns its exit code and output. */
export async function runCli(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout!.on('data', (d) => { output += d; });
  proc.stderr!.on('data', (d) => { output += d; });
  const code = await new Promise<number | null>((r) => proc.on('exit', (c) => r(c)));
  return { code, output };
}

/** s3rver on a free port with one bucket; typed loosely because s3rver ships no types. */
export async function startS3(dir: string, bucket: string) {
  const mod = 's3rver';
  const { default: S3rver } = (await import(mod)) as { default: new (o: Record<string, unknown>) => { run(): Promise<{ port: number }>; close(): Promise<void> } };
  const port = await freePort();
  const server = new S3rver({ port, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** A Redis database index nobody uses right now (DBSIZE 0), so the soak's counters are its own. */
export async function pickRedisDb(base: string): Promise<{ url: string; client: Redis } | { error: string }> {
  for (let db = 15; db >= 8; db--) {
    const client = new Redis(`${base.replace(/\/\d*$/, '')}/${db}`, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    try {
      await client.connect();
      if ((await client.dbsize()) === 0) return { url: `${base.replace(/\/\d*$/, '')}/${db}`, client };
      client.disconnect();
    } catch (err) {
      client.disconnect();
      return { error: (err as Error).message };
    }
  }
  return { error: 'no empty Redis database between 8 and 15' };
}
