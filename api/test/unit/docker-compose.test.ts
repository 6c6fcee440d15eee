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
  MASTER_KEY: 'compose-master-key-0123456789abcdef', CURSOR_KEY: 'compose-cursor-key-0123456789', METRICS_TOKEN: 'compose-metrics-token-0123456789',
  MARIADB_PASSWORD: 'studio-pw', MARIADB_ROOT_PASSWORD: 'root-pw', MINIO_ROOT_PASSWORD: 'minio-secret-pw',
  // Production refuses to start without a real gateway unless the sandbox is chosen explicitly.
  PAYMENTS_GATEWAY: 'sandbox',
};
const REQUIRED = ['AUTH_JWT_SECRET', 'PAYMENTS_SANDBOX_SECRET', 'MASTER_KEY', 'CURSOR_KEY', 'METRICS_TOKEN', 'MARIADB_PASSWORD', 'MARIADB_ROOT_PASSWORD', 'MINIO_ROOT_PASSWORD'];

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
  image?: string; build?: string | { context: string; dockerfile?: string }; command?: string[]; entrypoint?: string[]; environment?: Record<string, string | number>;
  ports?: string[]; volumes?: string[]; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] | string }; restart?: string;
}
const load = (vars = SAMPLE) => parse(interpolate(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), vars), { merge: true }) as {
  services: Record<string, Service>; volumes: Record<string, unknown>;
};

describe('docker-compose.yml and Dockerfile', () => {
  const compose = load();
  const { services } = compose;
  const appServices = Object.entries(services).filter(([, s]) => s.build !== undefined);
  const env = (s: Service) => Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v)]));
  const workers = appServices.filter(([, s]) => env(s).ROLE === 'worker');
  const running = appServices.filter(([name]) => name !== 'migrate');
  const cond = (s: Service, dep: string) => s.depends_on?.[dep]?.condition;

  it('has MariaDB, Redis, MinIO with healthchecks, a bucket and a migration one-shot, the API and two workers', () => {
    expect(services).to.include.keys('db', 'redis', 'minio', 'create-bucket', 'migrate', 'api');
    expect(services.db!.image).to.match(/^mariadb:1[01]\./);
    expect(services.redis!.image).to.match(/^redis:7/);
    expect(services.minio!.image).to.match(/^minio\/minio:/);
    for (const name of ['db', 'redis', 'minio', 'api']) expect(services[name]!.healthcheck?.test, `${name} healthcheck`).to.not.equal(undefined);
    expect(env(services.api!).ROLE).to.equal('api');
    expect(workers.map(([n]) => n), 'two ROLE=worker services').to.have.length(2);
    for (const [name, w] of workers) expect(w.ports, `${name} publishes no port`).to.equal(undefined);
    // The one-shots run once and are not restarted.
    for (const name of ['create-bucket', 'migrate']) expect(services[name]!.restart, name).to.equal('no');
  });

  it('runs the migration once with npm run db:migrate, which package.json defines', () => {
    expect(services.migrate!.command).to.deep.equal(['npm', 'run', 'db:migrate']);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['db:migrate']).to.match(/api\/src\/cli\/migrate\.ts/);
  });

  it('creates the bucket that STORAGE_URL names, on the MinIO that S3_ENDPOINT names, with its credentials', () => {
    const mc = services['create-bucket']!;
    expect(cond(mc, 'minio')).to.equal('service_healthy');
    const script = (mc.entrypoint ?? mc.command ?? []).join(' ');
    expect(script).to.match(/mc mb --ignore-existing/);
    expect(script).to.include('http://minio:9000');
    const mcEnv = env(mc);
    const minio = env(services.minio!);
    expect(mcEnv.MINIO_ROOT_USER).to.equal(minio.MINIO_ROOT_USER);
    expect(mcEnv.MINIO_ROOT_PASSWORD).to.equal(minio.MINIO_ROOT_PASSWORD);
    for (const [name, s] of appServices) {
      const e = env(s);
      const storage = new URL(e.STORAGE_URL!);
      expect(storage.protocol, name).to.equal('s3:');
      expect(storage.hostname, `${name}: the bucket create-bucket makes`).to.equal(mcEnv.S3_BUCKET);
      expect(new URL(e.S3_ENDPOINT!).host, name).to.equal('minio:9000');
      expect(e.AWS_ACCESS_KEY_ID, name).to.equal(minio.MINIO_ROOT_USER);
      expect(e.AWS_SECRET_ACCESS_KEY, name).to.equal(minio.MINIO_ROOT_PASSWORD);
      expect(e.AWS_REGION, name).to.be.a('string').and.not.equal('');
    }
  });

  it('gives every app process the same Redis, the metrics token and production mode', () => {
    for (const [name, s] of appServices) {
      const e = env(s);
      const redis = new URL(e.REDIS_URL!);
      expect(redis.protocol, name).to.equal('redis:');
      expect(redis.hostname, name).to.equal('redis');
      expect(e.METRICS_TOKEN, name).to.equal(SAMPLE.METRICS_TOKEN);
      expect(e.NODE_ENV, name).to.equal('production');
    }
    for (const [name, w] of workers) expect(Number(env(w).METRICS_PORT), `${name} METRICS_PORT`).to.be.greaterThan(0);
  });

  it("every app service's environment passes loadConfig in production, on the db service's database", () => {
    const db = env(services.db!);
    expect(appServices.map(([n]) => n)).to.include.members(['api', 'migrate', ...workers.map(([n]) => n)]);
    for (const [name, s] of appServices) {
      const e = env(s);
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-compose-'));
      try {
        const cfg = loadConfig({ ...e, DATA_DIR: dataDir });
        expect(cfg.env).to.equal('production');
        const u = new URL(cfg.databaseUrl);
        expect(u.protocol, name).to.equal('mysql:');
        expect(u.hostname, `${name}: DATABASE_URL must name the db service`).to.equal('db');
        expect(Number(u.port || 3306)).to.equal(3306);
        expect(u.pathname.slice(1)).to.equal(db.MARIADB_DATABASE);
        expect(decodeURIComponent(u.username)).to.equal(db.MARIADB_USER);
        expect(decodeURIComponent(u.password)).to.equal(db.MARIADB_PASSWORD);
        expect(e.DATA_DIR ?? '/data').to.equal('/data');
        if (name === 'api') expect(cfg.apiProcesses, 'API_PROCESSES').to.be.greaterThan(1);
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
    expect(loadConfig({ ...env(services.api!), DATA_DIR: os.tmpdir(), API_PROCESSES: '4' }).apiProcesses).to.equal(4);
  });

  it('refuses to start without the secrets (no default secret is baked in)', () => {
    for (const name of REQUIRED) {
      const { [name]: _gone, ...rest } = SAMPLE;
      expect(() => load(rest), name).to.throw(new RegExp(`required variable ${name}`));
    }
  });

  it('starts the app after the database, Redis, the bucket and the migration; the workers after the API', () => {
    expect(cond(services.migrate!, 'db')).to.equal('service_healthy');
    for (const [name, s] of running) {
      expect(cond(s, 'db'), name).to.equal('service_healthy');
      expect(cond(s, 'redis'), name).to.equal('service_healthy');
      expect(cond(s, 'create-bucket'), name).to.equal('service_completed_successfully');
      expect(cond(s, 'migrate'), name).to.equal('service_completed_successfully');
    }
    for (const [name, w] of workers) expect(cond(w, 'api'), name).to.equal('service_healthy');
    // Every depends_on names a service that exists.
    for (const [name, s] of Object.entries(services)) {
      for (const dep of Object.keys(s.depends_on ?? {})) expect(services, `${name} -> ${dep}`).to.have.property(dep);
    }
  });

  it('publishes the API port and health-checks it; API and workers share the DATA_DIR volume', () => {
    const port = env(services.api!).PORT ?? '3000';
    expect(services.api!.ports!.some((p) => p.endsWith(`:${port}`))).to.equal(true);
    expect(JSON.stringify(services.api!.healthcheck?.test)).to.match(new RegExp(`127\\.0\\.0\\.1:${port}/(readyz|healthz)`));
    const dataMount = (s: Service) => s.volumes?.find((v) => v.split(':')[1] === '/data')?.split(':')[0];
    expect(dataMount(services.api!)).to.be.a('string');
    for (const [name, w] of workers) expect(dataMount(w), name).to.equal(dataMount(services.api!));
    expect(compose.volumes).to.have.property(dataMount(services.api!)!);
    for (const name of ['db', 'minio']) expect(compose.volumes, `${name} keeps its data in a named volume`).to.have.property(dataMount(services[name]!) ?? services[name]!.volumes![0]!.split(':')[0]!);
  });

  it('builds the app from a Dockerfile on Node 24 (bookworm-slim) with npm ci, copying what the app needs', () => {
    for (const [, s] of appServices) {
      const ctx = typeof s.build === 'string' ? s.build : s.build!.context;
      const file = typeof s.build === 'string' ? 'Dockerfile' : s.build!.dockerfile ?? 'Dockerfile';
      expect(fs.existsSync(path.join(ROOT, ctx, file))).to.equal(true);
    }
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const froms = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]!);
    expect(froms.length).to.be.greaterThan(0);
    for (const f of froms) expect(f).to.match(/^node:24(\.[\d.]+)?-bookworm-slim$/);
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
