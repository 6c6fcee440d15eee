import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import os from 'node:os';

/**
 * Process configuration, parsed once at boot from the environment: the only file under api/src that reads
 * `process.env` (CLI entry points aside). Every problem is collected and reported together, one line each
 * naming its variable, so an operator fixes them in one go. Partner-level settings (prices, caps, limits)
 * live in the database per tenant, not here.
 */
export type Role = 'all' | 'api' | 'worker';
export type PaymentsGatewayName = 'razorpay' | 'sandbox';

/** Where image bytes live (STORAGE_URL): a directory, or an S3 bucket and key prefix. */
export type StorageConfig =
  | { kind: 'file'; dir: string }
  | {
      kind: 's3'; bucket: string; prefix: string; region: string; endpoint?: string;
      accessKeyId?: string; secretAccessKey?: string; timeoutMs: number; maxAttempts: number;
    };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string;
  role: Role;
  authJwtSecret: string;
  paymentsSandboxSecret: string;
  masterKey: Buffer;
  /** Signs list cursors; CURSOR_KEY, else derived from MASTER_KEY, so every instance sharing MASTER_KEY agrees. */
  cursorKey: Buffer;
  /** Keys the privacy hashes (erased users' `sub`, retained IP addresses); derived from MASTER_KEY (docs/privacy.md). */
  pseudonymKey: Buffer;
  /** An export with more rows than this is built by a job (202 + status URL); PRIVACY_EXPORT_SYNC_ROWS, default 2000. */
  privacyExportSyncRows: number;
  /** Which gateway takes payments; the sandbox's routes answer 404 unless this is 'sandbox'. */
  paymentsGateway: PaymentsGatewayName;
  razorpay?: { keyId: string; keySecret: string; webhookSecret: string; baseUrl: string };
  openai?: { apiKey: string; baseUrl?: string; imageModel: string; chatModel: string };
  stability?: { apiKey: string };
  imageProvider: 'local' | 'openai' | 'stability';
  enhancer: 'rules' | 'openai';
  providerRetryBaseMs: number;
  /** Hosts an admin may point a provider endpoint at over http or on a private network. */
  providerAllowedHosts: string[];
  /** The same exception list for outgoing webhooks. */
  webhookAllowedHosts: string[];
  /** Outgoing webhooks: delays before the 2nd, 3rd... attempt (then failed), and each attempt's timeout. */
  webhooks: { retryDelaysMs: number[]; timeoutMs: number };
  logLevel: string;
  urlSigningTtlSeconds: number;
  workerConcurrency: number;
  /**
   * RENDER_THREADS: worker threads drawing local-renderer images in a process that runs jobs (ROLE=all/worker), one
   * image each at a time; 0 draws on the main thread. Default: the cores less one (at least 1), so the API keeps a core.
   */
  renderThreads: number;
  jobPollMs: number;
  jobs: { leaseMs: number; sweepEvery: string; retryDelaysMs: number[] };
  jobClaimBatch: number;
  jobWake: boolean;
  serveExamples: boolean;
  defaultPartnerKey: string;
  /** The default partner's own site; undefined follows publicUrl. */
  defaultPartnerSiteUrl?: string;
  /** Express `trust proxy`: a hop count, true/false, or a list of addresses/subnets ('loopback'). */
  trustProxy: boolean | number | string;
  /** Enables /api/platform/partners when set. */
  platformApiKey?: string;
  /** STORAGE_URL: a directory or an S3 bucket (storage/create-storage.ts). */
  storage: StorageConfig;
  redisUrl?: string;
  /** Prefix of every Redis key, so deployments (or test runs) can share one Redis. */
  redisKeyPrefix: string;
  metricsToken?: string;
  /** Port of a worker's own /metrics (ROLE=worker); API processes serve /metrics on PORT. */
  metricsPort?: number;
  /** HTTP processes forked with node:cluster (MySQL/MariaDB only; see api/src/cluster.ts). */
  apiProcesses: number;
  /** Started by `npm start` (npm's npm_lifecycle_event): print where the studio runs even when stdout is piped. */
  startedByNpm: boolean;
  /** Contradictions worth a log line but not a refusal to start (main.ts logs them). */
  warnings: string[];
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

/** The log level before the configuration is loaded (logger.ts's first logger). */
export const initialLogLevel = (env: NodeJS.ProcessEnv = process.env) => env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const HOST_ENTRY = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const warnings: string[] = [];
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
  const url = (name: string, protocols: RegExp, shape: string): string | undefined => {
    const raw = env[name];
    if (!raw) return undefined;
    try {
      if (protocols.test(new URL(raw).protocol)) return raw;
    } catch { /* reported below */ }
    problems.push(`${name} must be ${shape} (got "${raw.replace(/\/\/[^@/]*@/, '//***@')}")`);
    return undefined;
  };
  const hostList = (name: string): string[] => {
    const hosts = (env[name] ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
    const bad = hosts.filter((h) => !HOST_ENTRY.test(h));
    if (bad.length) problems.push(`${name} must be a comma-separated list of host or host:port (got "${bad.join(', ')}")`);
    return hosts.filter((h) => HOST_ENTRY.test(h));
  };

  const port = int('PORT', 3000, 0, 65535);
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || `sqlite:${path.join(dataDir, 'studio.sqlite')}`;
  const sqlite = databaseUrl.startsWith('sqlite:');
  if (!/^(sqlite:|mysql:\/\/|mariadb:\/\/)/.test(databaseUrl)) problems.push('DATABASE_URL must start with sqlite: or mysql://');
  else if (!sqlite) {
    // Caught here rather than as an obscure driver error at the first query.
    let u: URL | undefined;
    try { u = new URL(databaseUrl.replace(/^mariadb:/, 'mysql:')); } catch { /* reported below */ }
    if (!u || !u.hostname || !/^\/[^/]+$/.test(u.pathname)) problems.push('DATABASE_URL must look like mysql://user:password@host:3306/database');
  }
  const role = (env.ROLE || 'all') as Role;
  if (!['all', 'api', 'worker'].includes(role)) problems.push(`ROLE must be all, api or worker (got "${env.ROLE}")`);

  const needSecret = (name: string, file: string, required = true): string => {
    const v = env[name];
    if (v) {
      if (v.length < 16) problems.push(`${name} must be at least 16 characters`);
      return v;
    }
    if (prod) {
      if (required) problems.push(`${name} is required when NODE_ENV=production`);
      return '';
    }
    return secretFromDataDir(dataDir, file, 32);
  };
  const authJwtSecret = needSecret('AUTH_JWT_SECRET', 'jwt-secret');
  const masterRaw = needSecret('MASTER_KEY', 'master-key');
  const masterKey = crypto.createHash('sha256').update(masterRaw).digest();
  // Decision (docs/decisions.md): without CURSOR_KEY the cursor key is derived from MASTER_KEY, which every instance
  // must share anyway; a random per-process key would make a cursor from one instance a 400 on the next.
  const cursorRaw = env.CURSOR_KEY;
  if (cursorRaw && cursorRaw.length < 16) problems.push('CURSOR_KEY must be at least 16 characters');
  if (prod && !cursorRaw && !masterRaw) problems.push('CURSOR_KEY is required when NODE_ENV=production (or MASTER_KEY, from which it is derived)');
  const cursorKey = cursorRaw
    ? crypto.createHash('sha256').update(cursorRaw).digest()
    : crypto.createHmac('sha256', masterKey).update('cursor-key').digest();
  const pseudonymKey = crypto.createHmac('sha256', masterKey).update('pseudonym-key').digest();

  // Payments: an explicit PAYMENTS_GATEWAY wins; unset, Razorpay when its keys are there, else the sandbox (never in production).
  let razorpay: AppConfig['razorpay'];
  const rzNames = ['RAZORPAY_KEY_ID', 'RAZORPAY_KEY_SECRET', 'RAZORPAY_WEBHOOK_SECRET'] as const;
  const rz = rzNames.map((n) => env[n]);
  const gatewayRaw = env.PAYMENTS_GATEWAY;
  if (gatewayRaw !== undefined && gatewayRaw !== '' && gatewayRaw !== 'razorpay' && gatewayRaw !== 'sandbox') {
    problems.push(`PAYMENTS_GATEWAY must be razorpay or sandbox (got "${gatewayRaw}")`);
  }
  const paymentsGateway: PaymentsGatewayName = gatewayRaw === 'razorpay' || gatewayRaw === 'sandbox' ? gatewayRaw : rz.some(Boolean) ? 'razorpay' : 'sandbox';
  if (paymentsGateway === 'razorpay' || rz.some(Boolean)) {
    if (gatewayRaw === 'razorpay') {
      rzNames.forEach((n, i) => { if (!rz[i]) problems.push(`${n} is required when PAYMENTS_GATEWAY=razorpay`); });
    } else if (!rz.every(Boolean)) {
      problems.push('RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET must be set together');
    }
    if (rz.every(Boolean)) {
      razorpay = { keyId: rz[0]!, keySecret: rz[1]!, webhookSecret: rz[2]!, baseUrl: url('RAZORPAY_BASE_URL', /^https?:$/, 'an http(s) URL') ?? 'https://api.razorpay.com' };
    }
  }
  if (prod && !gatewayRaw && !rz.some(Boolean)) {
    problems.push('PAYMENTS_GATEWAY must be set when NODE_ENV=production: razorpay (with RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET, RAZORPAY_WEBHOOK_SECRET), or sandbox to run without real payments on purpose');
  }
  if (prod && gatewayRaw === 'sandbox' && rz.some(Boolean)) {
    problems.push('PAYMENTS_GATEWAY=sandbox contradicts the RAZORPAY_* keys that are set: remove them or choose razorpay');
  }
  // Only a sandbox chosen on purpose needs its secret in production; an unchosen one is already the PAYMENTS_GATEWAY line.
  const paymentsSandboxSecret = needSecret('PAYMENTS_SANDBOX_SECRET', 'sandbox-secret', gatewayRaw === 'sandbox');

  let openai: AppConfig['openai'];
  if (env.OPENAI_API_KEY) {
    openai = {
      apiKey: env.OPENAI_API_KEY,
      baseUrl: url('OPENAI_BASE_URL', /^https?:$/, 'an http(s) URL'),
      imageModel: env.OPENAI_IMAGE_MODEL || 'gpt-image-1',
      chatModel: env.OPENAI_CHAT_MODEL || 'gpt-4o-mini',
    };
  }
  const stability = env.STABILITY_API_KEY ? { apiKey: env.STABILITY_API_KEY } : undefined;
  const imageProvider = (env.IMAGE_PROVIDER || (openai ? 'openai' : 'local')) as AppConfig['imageProvider'];
  if (!['local', 'openai', 'stability'].includes(imageProvider)) problems.push(`IMAGE_PROVIDER must be local, openai or stability (got "${env.IMAGE_PROVIDER}")`);
  // A chosen provider without its key is refused in every mode: falling back to the local renderer would hide it.
  if (imageProvider === 'openai' && !openai) problems.push('OPENAI_API_KEY is required when IMAGE_PROVIDER=openai');
  if (imageProvider === 'stability' && !stability) problems.push('STABILITY_API_KEY is required when IMAGE_PROVIDER=stability');
  const enhancer = (env.PROMPT_ENHANCER || (openai ? 'openai' : 'rules')) as AppConfig['enhancer'];
  if (!['rules', 'openai'].includes(enhancer)) problems.push(`PROMPT_ENHANCER must be rules or openai (got "${env.PROMPT_ENHANCER}")`);
  if (enhancer === 'openai' && !openai) problems.push('OPENAI_API_KEY is required when PROMPT_ENHANCER=openai');

  const platformApiKey = env.PLATFORM_API_KEY || undefined;
  if (platformApiKey && (platformApiKey.length < 24 || /\s/.test(platformApiKey))) problems.push('PLATFORM_API_KEY must be at least 24 characters without spaces');

  const host = env.HOST || '0.0.0.0';
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  try {
    new URL(publicUrl);
  } catch {
    problems.push(`PUBLIC_URL must be an absolute URL (got "${env.PUBLIC_URL}")`);
  }
  if (prod && !env.PUBLIC_URL) warnings.push('PUBLIC_URL is not set: signed image URLs and share links will point at localhost');

  const logLevel = initialLogLevel(env);
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);

  const retryRaw = env.JOB_RETRY_DELAYS_MS;
  let retryDelaysMs = [1000, 5000, 20000];
  if (retryRaw) {
    const parsed = retryRaw.split(',').map((v) => Number(v.trim()));
    if (parsed.every((n) => Number.isInteger(n) && n >= 0 && n <= 3_600_000)) retryDelaysMs = parsed;
    else problems.push(`JOB_RETRY_DELAYS_MS must be comma-separated delays in milliseconds (got "${retryRaw}")`);
  }
  const hookRaw = env.WEBHOOK_RETRY_DELAYS_MS;
  // Standard Webhooks' schedule: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then failed.
  let webhookRetryDelaysMs = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
  if (hookRaw) {
    const parsed = hookRaw.split(',').map((v) => Number(v.trim()));
    if (parsed.length && parsed.every((n) => Number.isInteger(n) && n >= 0 && n <= 86_400_000)) webhookRetryDelaysMs = parsed;
    else problems.push(`WEBHOOK_RETRY_DELAYS_MS must be comma-separated delays in milliseconds (got "${hookRaw}")`);
  }
  const sweepEvery = env.JOB_SWEEP_EVERY || '30 seconds';
  if (!/^\d+(\.\d+)?\s*(ms|milliseconds?|seconds?|minutes?|hours?)$/.test(sweepEvery)) {
    problems.push(`JOB_SWEEP_EVERY must be an interval such as "30 seconds" (got "${sweepEvery}")`);
  }

  const trustRaw = env.TRUST_PROXY ?? 'loopback';
  // Express reads a number as a hop count and a string as addresses: "1" must become 1, not the address "1".
  const trustProxy = trustRaw === 'true' ? true : trustRaw === 'false' ? false : /^\d+$/.test(trustRaw) ? Number(trustRaw) : trustRaw;


  const storage = parseStorage(env, dataDir, problems, int);
  const localStorage = storage.kind === 'file';
  if (localStorage && (env.S3_ENDPOINT || env.AWS_ACCESS_KEY_ID)) warnings.push('S3_ENDPOINT / AWS_* are set but STORAGE_URL is a local directory: they are ignored');

  const redisUrl = url('REDIS_URL', /^rediss?:$/, 'a redis:// or rediss:// URL');
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken && metricsToken.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters');
  if (prod && !metricsToken) problems.push('METRICS_TOKEN is required when NODE_ENV=production (it protects /metrics)');
  const metricsPort = env.METRICS_PORT ? int('METRICS_PORT', 9464, 1, 65535) : role === 'worker' ? 9464 : undefined;
  if (metricsPort !== undefined && metricsPort === port && role !== 'worker') problems.push(`METRICS_PORT must differ from PORT (both ${port})`);
  const apiProcesses = int('API_PROCESSES', 1, 1, 64);
  // Outside production one process serves and cluster.ts says why (npm start with a stray API_PROCESSES keeps working).
  if (apiProcesses > 1 && sqlite && prod) problems.push('API_PROCESSES must be 1 on SQLite (one process owns the file); use DATABASE_URL=mysql://... for more');
  if (apiProcesses > 1 && role === 'worker') warnings.push('API_PROCESSES is ignored when ROLE=worker (scale workers by starting more of them)');
  if (apiProcesses > 1 && !redisUrl) warnings.push('API_PROCESSES > 1 without REDIS_URL: rate limits are counted per process');

  const defaultPartnerSiteUrl = url('DEFAULT_PARTNER_SITE_URL', /^https?:$/, 'an http(s) URL');
  const serveExamples = (env.SERVE_EXAMPLES ?? (prod ? 'false' : 'true')) === 'true';
  if (prod && serveExamples) warnings.push('SERVE_EXAMPLES=true in production serves the example partner site');
  if (prod && localStorage && role !== 'all' && !sqlite) {
    warnings.push(`STORAGE_URL is a local directory while ROLE=${role} shares a MySQL database: other instances will not find the images; use s3://`);
  }

  const cfg: AppConfig = {
    env: nodeEnv,
    port,
    host,
    publicUrl,
    dataDir,
    databaseUrl,
    role,
    authJwtSecret,
    paymentsSandboxSecret,
    masterKey,
    cursorKey,
    pseudonymKey,
    privacyExportSyncRows: int('PRIVACY_EXPORT_SYNC_ROWS', 2000, 0, 1_000_000),
    paymentsGateway,
    razorpay,
    openai,
    stability,
    imageProvider,
    enhancer,
    providerRetryBaseMs: int('PROVIDER_RETRY_BASE_MS', 500, 0, 60000),
    providerAllowedHosts: hostList('PROVIDER_ALLOWED_HOSTS'),
    webhookAllowedHosts: hostList('WEBHOOK_ALLOWED_HOSTS'),
    webhooks: { retryDelaysMs: webhookRetryDelaysMs, timeoutMs: int('WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000) },
    logLevel,
    urlSigningTtlSeconds: int('URL_SIGNING_TTL_SECONDS', 3600, 30, 7 * 86400),
    workerConcurrency: int('WORKER_CONCURRENCY', 4, 1, 64),
    renderThreads: int('RENDER_THREADS', Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1), 0, 64),
    jobPollMs: int('JOB_POLL_MS', 250, 20, 60000),
    // Jobs one worker claims per statement, and Redis wake-ups on enqueue (when REDIS_URL is set; JOB_WAKE=false polls only).
    jobClaimBatch: int('JOB_CLAIM_BATCH', 10, 1, 100),
    jobWake: (env.JOB_WAKE ?? 'true') !== 'false',
    jobs: { leaseMs: int('JOB_LEASE_MS', 30000, 200, 3_600_000), sweepEvery, retryDelaysMs },
    serveExamples,
    defaultPartnerKey: env.DEFAULT_PARTNER_KEY || 'pk_default',
    defaultPartnerSiteUrl,
    trustProxy,
    platformApiKey,
    storage,
    redisUrl,
    redisKeyPrefix: env.REDIS_KEY_PREFIX || 'ais:',
    metricsToken,
    metricsPort,
    apiProcesses,
    startedByNpm: env.npm_lifecycle_event === 'start',
    warnings,
    defaultPartnerWelcomeCredits: int('DEFAULT_PARTNER_WELCOME_CREDITS', 5, 0, 1000),
  };
  if (problems.length) throw new ConfigError(problems);
  return cfg;
}

/** STORAGE_URL: `file:<dir>` (default `file:$DATA_DIR/images`) or `s3://<bucket>/<prefix>` with the S3_ and AWS_ variables. */
function parseStorage(env: NodeJS.ProcessEnv, dataDir: string, problems: string[],
  int: (name: string, def: number, min: number, max: number) => number): StorageConfig {
  const raw = env.STORAGE_URL || `file:${path.join(dataDir, 'images')}`;
  if (raw.startsWith('file:')) {
    const dir = raw.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!dir) problems.push('STORAGE_URL=file: needs a directory (file:/var/lib/studio/images)');
    return { kind: 'file', dir: path.resolve(dir || path.join(dataDir, 'images')) };
  }
  const m = /^s3:\/\/([^/?#]+)\/?([^?#]*)$/.exec(raw);
  // Bucket names per S3's rules: 3-63 lower-case letters, digits, dots and hyphens.
  if (!m || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(m[1]!)) {
    problems.push(`STORAGE_URL must be file:<dir> or s3://<bucket>/<prefix> (got "${raw}")`);
    return { kind: 'file', dir: path.join(dataDir, 'images') };
  }
  const endpoint = env.S3_ENDPOINT || undefined;
  if (endpoint) {
    try {
      const u = new URL(endpoint);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
    } catch {
      problems.push(`S3_ENDPOINT must be an http(s) URL (got "${endpoint}")`);
    }
  }
  const accessKeyId = env.AWS_ACCESS_KEY_ID || undefined;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY || undefined;
  if (!!accessKeyId !== !!secretAccessKey) problems.push('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together');
  // The prefix is kept without slashes at either end; keys are joined as `<prefix>/<key>`.
  const prefix = m[2]!.replace(/^\/+|\/+$/g, '');
  return {
    kind: 's3', bucket: m[1]!, prefix, endpoint, accessKeyId, secretAccessKey,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    timeoutMs: int('S3_TIMEOUT_MS', 10000, 100, 120000),
    maxAttempts: int('S3_MAX_ATTEMPTS', 3, 1, 10),
  };
}
