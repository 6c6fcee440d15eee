import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';

/**
 * docker-compose.yml and the Dockerfile checked against what the app needs (no Docker engine here: nothing is run).
 * Compose's ${VAR}, ${VAR:-default} and ${VAR:?error} are interpolated like Compose does, with sample secrets.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SAMPLE: Record<string, string> = {
  AUTH_JWT_SECRET: 'compose-jwt-secret-0123456789abcdef', PAYMENTS_SANDBOX_SECRET: 'compose-sandbox-secret-0123456789',
  MASTER_KEY: 'compose-master-key-0123456789abcdef', CURSOR_KEY: 'compose-cursor-key-0123456789', MYSQL_PASSWORD: 'studio-pw', MYSQL_ROOT_PASSWORD: 'root-pw',
};

function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\$|\$\{([A-Z0-9_]+)(?:(:?)([-?])([^}]*))?\}/g, (all, name: string | undefined, colon: string, op: string, arg: string) => {
    if (all === '$$') return '$$';
    const v = vars[name!];
    const missing = v === undefined || (colon === ':' && v === '');
    if (!op) return v ?? '';
    if (op === '-') return missing ? arg : v!;
    if (missing) throw new Error(`required variable ${name}: ${arg}`);
    return v!;
  }).replace(/\$\$/g, '$');
}

interface Service {
  image?: string; build?: string | { context: string; dockerfile?: string }; command?: string[]; environment?: Record<string, string | number>;
  ports?: string[]; volumes?: string[]; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] | string };
}
const load = (vars = SAMPLE) => parse(interpolate(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), vars), { merge: true }) as {
  services: Record<string, Service>; volumes: Record<string, unknown>;
};

describe('docker-compose.yml and Dockerfile', () => {
  const compose = load();
  const { services } = compose;
  const appServices = Object.entries(services).filter(([, s]) => s.build !== undefined);
  const env = (s: Service) => Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v)]));

  it('has a MySQL 8 / MariaDB 11 database with a healthcheck, an API and a worker', () => {
    expect(services).to.include.keys('db', 'api', 'worker');
    expect(services.db!.image).to.match(/^(mysql:8|mariadb:11)/);
    expect(services.db!.healthcheck?.test).to.not.equal(undefined);
    expect(env(services.api!).ROLE).to.equal('api');
    expect(env(services.worker!).ROLE).to.equal('worker');
    expect(services.worker!.ports).to.equal(undefined);
  });

  it("every app service's environment passes loadConfig in production, on the db service's database", () => {
    const db = env(services.db!);
    expect(appServices.map(([n]) => n)).to.include.members(['api', 'worker']);
    for (const [name, s] of appServices) {
      const e = env(s);
      expect(e.NODE_ENV, name).to.equal('production');
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-compose-'));
      try {
        const cfg = loadConfig({ ...e, DATA_DIR: dataDir });
        expect(cfg.env).to.equal('production');
        const u = new URL(cfg.databaseUrl);
        expect(u.protocol, name).to.equal('mysql:');
        expect(u.hostname, `${name}: DATABASE_URL must name the db service`).to.equal('db');
        expect(Number(u.port || 3306)).to.equal(3306);
        expect(u.pathname.slice(1)).to.equal(db.MYSQL_DATABASE);
        expect(decodeURIComponent(u.username)).to.equal(db.MYSQL_USER);
        expect(decodeURIComponent(u.password)).to.equal(db.MYSQL_PASSWORD);
        expect(e.DATA_DIR ?? '/data').to.equal('/data');
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  });

  it('refuses to start without the secrets (no default secret is baked in)', () => {
    for (const name of ['AUTH_JWT_SECRET', 'PAYMENTS_SANDBOX_SECRET', 'MASTER_KEY', 'CURSOR_KEY', 'MYSQL_PASSWORD']) {
      const { [name]: _gone, ...rest } = SAMPLE;
      expect(() => load(rest), name).to.throw(new RegExp(`required variable ${name}`));
    }
  });

  it('starts the app after the database is healthy and the migrations ran; the worker after the API', () => {
    for (const [name, s] of appServices) {
      expect(s.depends_on?.db?.condition, name).to.equal('service_healthy');
      if (name !== 'migrate' && services.migrate) expect(s.depends_on?.migrate?.condition, name).to.equal('service_completed_successfully');
    }
    expect(services.worker!.depends_on?.api?.condition).to.equal('service_healthy');
  });

  it('publishes the API port and health-checks it; API and workers share the DATA_DIR volume', () => {
    const port = env(services.api!).PORT ?? '3000';
    expect(services.api!.ports!.some((p) => p.endsWith(`:${port}`))).to.equal(true);
    expect(JSON.stringify(services.api!.healthcheck?.test)).to.match(new RegExp(`127\\.0\\.0\\.1:${port}/(readyz|healthz)`));
    const dataMount = (s: Service) => s.volumes?.find((v) => v.split(':')[1] === '/data')?.split(':')[0];
    expect(dataMount(services.api!)).to.be.a('string');
    expect(dataMount(services.worker!)).to.equal(dataMount(services.api!));
    expect(compose.volumes).to.have.property(dataMount(services.api!)!);
  });

  it('builds the app from a Dockerfile on node:24-bookworm-slim with npm ci, copying what the app needs', () => {
    for (const [, s] of appServices) {
      const ctx = typeof s.build === 'string' ? s.build : s.build!.context;
      const file = typeof s.build === 'string' ? 'Dockerfile' : s.build!.dockerfile ?? 'Dockerfile';
      expect(fs.existsSync(path.join(ROOT, ctx, file))).to.equal(true);
    }
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const froms = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(froms.every((f) => f === 'node:24-bookworm-slim')).to.equal(true);
    expect(dockerfile).to.match(/^RUN npm ci\b/m);
    expect(dockerfile).to.match(/^CMD \[.*"api\/src\/main\.ts"\]/m);
    // Every path the build context copies exists, and the runtime stage has what main.ts reads at boot.
    for (const m of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) {
      for (const src of m[1]!.split(/\s+/)) expect(fs.existsSync(path.join(ROOT, src)), `COPY ${src}`).to.equal(true);
    }
    for (const needed of ['package.json', 'package-lock.json', 'tsconfig.json', 'node_modules', 'api/src', 'docs/openapi.json']) {
      expect(dockerfile, needed).to.match(new RegExp(`^COPY --from=build .*?/app/${needed.replace(/[/.]/g, '\\$&')}\\b`, 'm'));
    }
    const ignore = fs.readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const never of ['node_modules', 'data', '.env', '.git']) expect(ignore, never).to.include(never);
    // The migrations and the controllers' generated routes are part of api/src, which the image copies whole.
    expect(fs.existsSync(path.join(ROOT, 'api/src/models/migrations'))).to.equal(true);
    expect(fs.existsSync(path.join(ROOT, 'api/src/generated/routes.ts'))).to.equal(true);
  });
});
