import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

/**
 * Process configuration, parsed once at boot from the environment.
 * Every problem is collected and reported together so an operator fixes them in one go.
 * Partner-level settings (prices, caps, limits) live in the database per tenant, not here.
 */
export type Role = 'all' | 'api' | 'worker';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string;
  role: Role;
  /** HTTP processes forked with node:cluster (MySQL/MariaDB only; see api/src/cluster.ts). */
  apiProcesses: number;
  /** CURSOR_KEY when set (util/cursor.ts signs list cursors with it); cluster.ts shares one with its children otherwise. */
  cursorKey?: string;
  authJwtSecret: string;
  paymentsSandboxSecret: string;
  masterKey: Buffer;
  razorpay?: { keyId: string; keySecret: string; webhookSecret: string; baseUrl: string };
  openai?: { apiKey: string; baseUrl?: string; imageModel: string; chatModel: string };
  imageProvider: 'local' | 'openai' | 'stability';
  enhancer: 'rules' | 'openai';
  logLevel: string;
  urlSigningTtlSeconds: number;
  workerConcurrency: number;
  jobPollMs: number;
  serveExamples: boolean;
  defaultPartnerKey: string;
  /** Welcome grant (credits) in the default partner's configuration defaults, so the example site's first run ends in an image. */
  defaultPartnerWelcomeCredits: number;
}

export class ConfigError extends Error {
  constructor(public problems: string[]) {
    super(`Invalid configuration:\n - ${problems.join('\n - ')}`);
  }
}

/** Reads a secret from the environment, or from DATA_DIR (generating it once) in the embedded default. */
function secretFromDataDir(dataDir: string, file: string, bytes: number): string {
  const p = path.join(dataDir, file);
  if (fs.existsSync(p)) return fs.readFileSync(p, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const value = crypto.randomBytes(bytes).toString('base64url');
  fs.writeFileSync(p, value + '\n', { mode: 0o600 });
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['env'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) problems.push(`NODE_ENV must be development, production or test (got "${nodeEnv}")`);
  const prod = nodeEnv === 'production';

  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return def;
    }
    return n;
  };
  const port = int('PORT', 3000, 0, 65535);
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || `sqlite:${path.join(dataDir, 'studio.sqlite')}`;
  if (!/^(sqlite:|mysql:\/\/|mariadb:\/\/)/.test(databaseUrl)) problems.push('DATABASE_URL must start with sqlite: or mysql://');
  else if (!databaseUrl.startsWith('sqlite:')) {
    // Caught here rather than as an obscure driver error at the first query.
    let u: URL | undefined;
    try { u = new URL(databaseUrl.replace(/^mariadb:/, 'mysql:')); } catch { /* reported below */ }
    if (!u || !u.hostname || !/^\/[^/]+$/.test(u.pathname)) problems.push('DATABASE_URL must look like mysql://user:password@host:3306/database');
  }
  const role = (env.ROLE || 'all') as Role;
  if (!['all', 'api', 'worker'].includes(role)) problems.push(`ROLE must be all, api or worker (got "${env.ROLE}")`);

  const needSecret = (name: string, file: string): string => {
    const v = env[name];
    if (v) {
      if (v.length < 16) problems.push(`${name} must be at least 16 characters`);
      return v;
    }
    if (prod) {
      problems.push(`${name} is required when NODE_ENV=production`);
      return '';
    }
    return secretFromDataDir(dataDir, file, 32);
  };
  const authJwtSecret = needSecret('AUTH_JWT_SECRET', 'jwt-secret');
  const paymentsSandboxSecret = needSecret('PAYMENTS_SANDBOX_SECRET', 'sandbox-secret');
  const masterRaw = needSecret('MASTER_KEY', 'master-key');
  const masterKey = crypto.createHash('sha256').update(masterRaw).digest();

  let razorpay: AppConfig['razorpay'];
  const rz = [env.RAZORPAY_KEY_ID, env.RAZORPAY_KEY_SECRET, env.RAZORPAY_WEBHOOK_SECRET];
  if (rz.some(Boolean)) {
    if (!rz.every(Boolean)) problems.push('RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET must be set together');
    else razorpay = { keyId: rz[0]!, keySecret: rz[1]!, webhookSecret: rz[2]!, baseUrl: env.RAZORPAY_BASE_URL || 'https://api.razorpay.com' };
  }
  let openai: AppConfig['openai'];
  if (env.OPENAI_API_KEY) {
    openai = {
      apiKey: env.OPENAI_API_KEY,
      baseUrl: env.OPENAI_BASE_URL || undefined,
      imageModel: env.OPENAI_IMAGE_MODEL || 'gpt-image-1',
      chatModel: env.OPENAI_CHAT_MODEL || 'gpt-4o-mini',
    };
  }
  const imageProvider = (env.IMAGE_PROVIDER || (openai ? 'openai' : 'local')) as AppConfig['imageProvider'];
  if (!['local', 'openai', 'stability'].includes(imageProvider)) problems.push(`IMAGE_PROVIDER must be local, openai or stability (got "${env.IMAGE_PROVIDER}")`);
  if (imageProvider === 'openai' && !openai) problems.push('IMAGE_PROVIDER=openai needs OPENAI_API_KEY');
  const enhancer = (env.PROMPT_ENHANCER || (openai ? 'openai' : 'rules')) as AppConfig['enhancer'];
  if (!['rules', 'openai'].includes(enhancer)) problems.push(`PROMPT_ENHANCER must be rules or openai (got "${env.PROMPT_ENHANCER}")`);

  const host = env.HOST || '0.0.0.0';
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  try {
    new URL(publicUrl);
  } catch {
    problems.push(`PUBLIC_URL must be an absolute URL (got "${env.PUBLIC_URL}")`);
  }
  const cfg: AppConfig = {
    env: nodeEnv,
    port,
    host,
    publicUrl,
    dataDir,
    databaseUrl,
    role,
    apiProcesses: int('API_PROCESSES', 1, 1, 64),
    cursorKey: env.CURSOR_KEY || undefined,
    authJwtSecret,
    paymentsSandboxSecret,
    masterKey,
    razorpay,
    openai,
    imageProvider,
    enhancer,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    urlSigningTtlSeconds: int('URL_SIGNING_TTL_SECONDS', 3600, 30, 7 * 86400),
    workerConcurrency: int('WORKER_CONCURRENCY', 4, 1, 64),
    jobPollMs: int('JOB_POLL_MS', 250, 20, 60000),
    serveExamples: (env.SERVE_EXAMPLES ?? (prod ? 'false' : 'true')) === 'true',
    defaultPartnerKey: env.DEFAULT_PARTNER_KEY || 'pk_default',
    defaultPartnerWelcomeCredits: int('DEFAULT_PARTNER_WELCOME_CREDITS', 5, 0, 1000),
  };
  if (problems.length) throw new ConfigError(problems);
  return cfg;
}
