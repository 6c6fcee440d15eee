import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import jwt from 'jsonwebtoken';
import { dropDatabase } from '../../src/db.js';
import { loadConfig, type AppConfig } from '../../src/config.js';
import { bootServices, shutdownServices } from '../../src/boot.js';
import { buildApp } from '../../src/app.js';
import { services } from '../../src/context.js';
import { checkLedger } from '../../src/ledger/ledger.js';
import { resetForTests } from '../../src/util/process-cache.js';
import { invalidateTenants, DEFAULT_TENANT_ID } from '../../src/tenants/tenants.js';
import { Tenant } from '../../src/models/index.js';
import { configureLogger } from '../../src/logger.js';
import { mountExamples } from '../../src/http/examples.js';

export const TEST_JWT_SECRET = 'test-secret-for-the-default-partner-0123456789';

/** The databases every DB suite runs on: SQLite always, MariaDB/MySQL when MYSQL_URL is set. */
export function databases(): { name: 'sqlite' | 'mysql'; make: () => Promise<{ url: string; drop: () => Promise<void> }> }[] {
  const list: ReturnType<typeof databases> = [{
    name: 'sqlite',
    make: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-db-'));
      return { url: `sqlite:${path.join(dir, 'test.sqlite')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  }];
  const base = process.env.MYSQL_URL;
  if (base) {
    list.push({
      name: 'mysql',
      make: async () => {
        const u = new URL(base);
        const name = `ais_t_${crypto.randomBytes(5).toString('hex')}`;
        u.pathname = `/${name}`;
        return { url: u.toString(), drop: () => dropDatabase(u.toString()) };
      },
    });
  }
  return list;
}

export interface TestServer {
  baseUrl: string;
  config: AppConfig;
  dataDir: string;
  token(sub: string, claims?: Record<string, unknown>, opts?: jwt.SignOptions & { secret?: string }): string;
  /** fetch against the server with JSON in and out. */
  call(method: string, urlPath: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<{ status: number; body: any; headers: Headers }>;
  grant(sub: string, credits: number): Promise<void>;
  ledgerOk(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Boots the services of a test process on a database (config, migrations, models, default tenant, queue), with the
 * process caches reset. startServer adds HTTP on top; the database tier calls the services directly.
 */
export async function bootTestServices(opts: { dbUrl: string; worker?: boolean; env?: Record<string, string> }): Promise<{ config: AppConfig; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-data-'));
  const config = loadConfig({
    NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: opts.dbUrl, AUTH_JWT_SECRET: TEST_JWT_SECRET, PORT: '0',
    PAYMENTS_SANDBOX_SECRET: 'sandbox-secret-for-tests-0123456789', MASTER_KEY: 'master-key-for-tests-0123456789', JOB_POLL_MS: '50',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Tests count credits from 0; the first-run tests opt into the default partner's welcome grant with env.
    DEFAULT_PARTNER_WELCOME_CREDITS: '0', ...opts.env,
  });
  configureLogger(config.logLevel);
  // Every process cache (tenant config, tenants, users, rate limits, JWT keys ...); the services themselves are made
  // anew by bootServices.
  resetForTests();
  await bootServices(config, { worker: opts.worker ?? true, workerName: `test-${process.pid}` });
  return { config, dataDir };
}

export async function startServer(opts: { dbUrl: string; worker?: boolean; env?: Record<string, string>; examples?: boolean }): Promise<TestServer> {
  const { config, dataDir } = await bootTestServices(opts);
  // The example partner site and the built widgets, exactly as `npm start` serves them.
  if (opts.examples) mountExamples();
  const app = buildApp();
  const server: Server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  config.publicUrl = baseUrl;
  // The embedded partner's site is this server: share links point at the real port, not the PORT=0 of boot.
  await Tenant.update({ siteUrl: baseUrl }, { where: { id: DEFAULT_TENANT_ID } });
  invalidateTenants();
  const token: TestServer['token'] = (sub, claims = {}, o = {}) => {
    const { secret, ...signOpts } = o;
    return jwt.sign({ sub, name: sub[0]!.toUpperCase() + sub.slice(1), ...claims }, secret ?? TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h', ...signOpts });
  };
  const call: TestServer['call'] = async (method, urlPath, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined = o.raw;
    if (o.body !== undefined) { body = JSON.stringify(o.body); headers['content-type'] = 'application/json'; }
    if (o.raw !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + urlPath, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const admin = token('test-admin', { role: 'admin' });
  return {
    baseUrl, config, dataDir, token, call,
    async grant(sub, credits) {
      await call('GET', '/api/credits/balance', { token: token(sub) });
      const r = await call('POST', '/api/admin/credits/grant', { token: admin, body: { userId: sub, credits, note: 'test grant' } });
      if (r.status !== 200) throw new Error(`grant failed: ${r.status} ${JSON.stringify(r.body)}`);
    },
    async ledgerOk() {
      const res = await checkLedger();
      if (res.problems.length) throw new Error(`ledger check failed: ${JSON.stringify(res.problems.slice(0, 5))}`);
    },
    async close() {
      await new Promise((r) => server.close(r));
      server.closeAllConnections?.();
      await shutdownServices();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a job until it leaves queued/running. */
export async function waitForJob(s: TestServer, token: string, jobId: string, timeoutMs = 20000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await s.call('GET', `/api/studio/generate/${jobId}`, { token });
    if (r.status !== 200) throw new Error(`job status ${r.status}: ${JSON.stringify(r.body)}`);
    if (r.body.status === 'succeeded' || r.body.status === 'failed') return r.body;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${r.body.status}`);
    await sleep(50);
  }
}

export { services };
