import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig, ConfigError, type AppConfig } from '../../src/config.js';

/**
 * NODE_ENV=production fails closed: one line per problem, each naming its variable; contradictions that do not
 * stop the process are warnings. Every rule has its own case, checked against a complete production environment.
 */
describe('config: production mode fails closed', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-config-prod-')); });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const rzp = { RAZORPAY_KEY_ID: 'rzp_live_1', RAZORPAY_KEY_SECRET: 'k'.repeat(24), RAZORPAY_WEBHOOK_SECRET: 'w'.repeat(24) };
  const complete = (): NodeJS.ProcessEnv => ({
    NODE_ENV: 'production', DATA_DIR: dataDir, AUTH_JWT_SECRET: 'j'.repeat(32), MASTER_KEY: 'm'.repeat(32), CURSOR_KEY: 'c'.repeat(32),
    METRICS_TOKEN: 't'.repeat(32), DATABASE_URL: 'mysql://studio:pw@db:3306/studio', PUBLIC_URL: 'https://studio.example.com',
    STORAGE_URL: 's3://studio-images/prod', ROLE: 'api', ...rzp,
  });
  const without = (...names: string[]) => { const e = complete(); for (const n of names) delete e[n]; return e; };
  const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadConfig(env);
    } catch (err) {
      expect(err).to.be.instanceOf(ConfigError);
      return (err as ConfigError).problems;
    }
    return [];
  };
  const onlyProblem = (env: NodeJS.ProcessEnv, re: RegExp) => {
    const problems = problemsOf(env);
    expect(problems, JSON.stringify(problems)).to.have.length(1);
    expect(problems[0]).to.match(re);
  };

  it('starts with a complete environment, with no warning', () => {
    const cfg = loadConfig(complete());
    expect(cfg).to.include({ env: 'production', paymentsGateway: 'razorpay', serveExamples: false, apiProcesses: 1 });
    expect(cfg.warnings).to.deep.equal([]);
    expect(fs.readdirSync(dataDir)).to.deep.equal([]);
  });

  it('names AUTH_JWT_SECRET when it is missing', () => onlyProblem(without('AUTH_JWT_SECRET'), /^AUTH_JWT_SECRET is required/));
  it('names MASTER_KEY when it is missing', () => onlyProblem(without('MASTER_KEY'), /^MASTER_KEY is required/));
  it('names METRICS_TOKEN when it is missing', () => onlyProblem(without('METRICS_TOKEN'), /^METRICS_TOKEN is required/));

  it('derives the cursor key from MASTER_KEY, so CURSOR_KEY is needed only without it', () => {
    const a = loadConfig(without('CURSOR_KEY'));
    const b = loadConfig(without('CURSOR_KEY'));
    expect(a.cursorKey.equals(b.cursorKey)).to.equal(true);
    expect(a.cursorKey.equals(loadConfig(complete()).cursorKey)).to.equal(false);
    expect(a.cursorKey.equals(a.masterKey)).to.equal(false);
    const problems = problemsOf(without('CURSOR_KEY', 'MASTER_KEY'));
    expect(problems.filter((p) => /^CURSOR_KEY is required/.test(p))).to.have.length(1);
    expect(problems.filter((p) => /^MASTER_KEY is required/.test(p))).to.have.length(1);
  });

  it('refuses IMAGE_PROVIDER=stability without STABILITY_API_KEY instead of falling back to the local renderer', () => {
    onlyProblem({ ...complete(), IMAGE_PROVIDER: 'stability' }, /^STABILITY_API_KEY is required when IMAGE_PROVIDER=stability/);
    expect(loadConfig({ ...complete(), IMAGE_PROVIDER: 'stability', STABILITY_API_KEY: 'sk-stab' }).stability).to.deep.equal({ apiKey: 'sk-stab' });
  });
  it('refuses IMAGE_PROVIDER=openai without OPENAI_API_KEY', () => onlyProblem({ ...complete(), IMAGE_PROVIDER: 'openai' }, /^OPENAI_API_KEY is required when IMAGE_PROVIDER=openai/));
  it('refuses PROMPT_ENHANCER=openai without OPENAI_API_KEY', () => onlyProblem({ ...complete(), PROMPT_ENHANCER: 'openai' }, /^OPENAI_API_KEY is required when PROMPT_ENHANCER=openai/));

  it('refuses to run without a real gateway unless PAYMENTS_GATEWAY=sandbox is explicit', () => {
    onlyProblem(without(...Object.keys(rzp)), /^PAYMENTS_GATEWAY must be set when NODE_ENV=production/);
    // Chosen on purpose: the sandbox then needs its own secret, shared by all instances.
    onlyProblem({ ...without(...Object.keys(rzp)), PAYMENTS_GATEWAY: 'sandbox' }, /^PAYMENTS_SANDBOX_SECRET is required/);
    const cfg = loadConfig({ ...without(...Object.keys(rzp)), PAYMENTS_GATEWAY: 'sandbox', PAYMENTS_SANDBOX_SECRET: 's'.repeat(32) });
    expect(cfg.paymentsGateway).to.equal('sandbox');
  });

  it('names each missing Razorpay key when PAYMENTS_GATEWAY=razorpay', () => {
    const problems = problemsOf({ ...without(...Object.keys(rzp)), PAYMENTS_GATEWAY: 'razorpay', RAZORPAY_KEY_ID: 'rzp_live_1' });
    expect(problems).to.deep.equal([
      'RAZORPAY_KEY_SECRET is required when PAYMENTS_GATEWAY=razorpay', 'RAZORPAY_WEBHOOK_SECRET is required when PAYMENTS_GATEWAY=razorpay',
    ]);
  });

  it('refuses PAYMENTS_GATEWAY=sandbox next to Razorpay keys', () => {
    const problems = problemsOf({ ...complete(), PAYMENTS_GATEWAY: 'sandbox', PAYMENTS_SANDBOX_SECRET: 's'.repeat(32) });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(/^PAYMENTS_GATEWAY=sandbox contradicts the RAZORPAY_\* keys/);
  });

  it('refuses an unknown PAYMENTS_GATEWAY', () => onlyProblem({ ...complete(), PAYMENTS_GATEWAY: 'stripe' }, /^PAYMENTS_GATEWAY must be razorpay or sandbox/));

  it('refuses API_PROCESSES > 1 on SQLite', () => {
    onlyProblem({ ...complete(), API_PROCESSES: '2', DATABASE_URL: `sqlite:${path.join(dataDir, 'x.sqlite')}`, REDIS_URL: 'redis://r:6379' }, /^API_PROCESSES must be 1 on SQLite/);
    expect(loadConfig({ ...complete(), API_PROCESSES: '4', REDIS_URL: 'redis://r:6379' }).apiProcesses).to.equal(4);
  });

  it('warns when STORAGE_URL is a local directory while ROLE=api or worker shares a MySQL database', () => {
    for (const role of ['api', 'worker']) {
      const cfg = loadConfig({ ...without('STORAGE_URL'), ROLE: role });
      expect(cfg.storage).to.deep.equal({ kind: 'file', dir: path.join(dataDir, 'images') });
      expect(cfg.warnings.some((w) => /^STORAGE_URL is a local directory while ROLE=/.test(w)), role).to.equal(true);
    }
    expect(loadConfig({ ...without('STORAGE_URL'), ROLE: 'all' }).warnings).to.deep.equal([]);
  });

  for (const [name, env, re] of [
    ['API_PROCESSES > 1 without REDIS_URL', { API_PROCESSES: '2' }, /^API_PROCESSES > 1 without REDIS_URL/],
    ['API_PROCESSES on a worker', { API_PROCESSES: '2', ROLE: 'worker', REDIS_URL: 'redis://r:6379' }, /^API_PROCESSES is ignored when ROLE=worker/],
    ['PUBLIC_URL unset', { PUBLIC_URL: undefined }, /^PUBLIC_URL is not set/],
    ['SERVE_EXAMPLES=true', { SERVE_EXAMPLES: 'true' }, /^SERVE_EXAMPLES=true in production/],
    ['S3 settings with a local STORAGE_URL', { STORAGE_URL: 'file:/srv/images', ROLE: 'all', S3_ENDPOINT: 'http://minio:9000' }, /^S3_ENDPOINT/],
  ] as [string, NodeJS.ProcessEnv, RegExp][]) {
    it(`warns about ${name}`, () => {
      const cfg = loadConfig({ ...complete(), ...env });
      expect(cfg.warnings.some((w) => re.test(w)), JSON.stringify(cfg.warnings)).to.equal(true);
    });
  }

  it('lists every problem at once, one line each naming its variable', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATA_DIR: dataDir, IMAGE_PROVIDER: 'stability', API_PROCESSES: '3' });
    for (const v of ['AUTH_JWT_SECRET', 'MASTER_KEY', 'CURSOR_KEY', 'METRICS_TOKEN', 'PAYMENTS_GATEWAY', 'STABILITY_API_KEY', 'API_PROCESSES']) {
      expect(problems.filter((p) => p.startsWith(v)), `${v} in ${JSON.stringify(problems)}`).to.have.length(1);
    }
    expect(problems).to.have.length(7);
    for (const p of problems) expect(p).to.not.include('\n');
  });
});

describe('config: the settings other modules read', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-config-fields-')); });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const load = (env: NodeJS.ProcessEnv = {}): AppConfig => loadConfig({ DATA_DIR: dataDir, ...env });
  const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
    try { load(env); } catch (err) { return (err as ConfigError).problems; }
    return [];
  };

  it('has defaults for everything', () => {
    const cfg = load();
    expect(cfg.jobs).to.deep.equal({ leaseMs: 30000, sweepEvery: '30 seconds', retryDelaysMs: [1000, 5000, 20000] });
    expect(cfg).to.include({ providerRetryBaseMs: 500, trustProxy: 'loopback', apiProcesses: 1, paymentsGateway: 'sandbox' });
    expect(cfg.storage).to.deep.equal({ kind: 'file', dir: path.join(dataDir, 'images') });
    expect(cfg.metricsPort).to.equal(undefined);
    expect(load({ ROLE: 'worker' }).metricsPort).to.equal(9464);
    expect(cfg.providerAllowedHosts).to.deep.equal([]);
    expect(cfg.defaultPartnerSiteUrl).to.equal(undefined);
    expect(cfg.platformApiKey).to.equal(undefined);
  });

  it('parses every variable into its typed field', () => {
    const cfg = load({
      JOB_LEASE_MS: '1500', JOB_SWEEP_EVERY: '1 second', JOB_RETRY_DELAYS_MS: '50, 60,70', PROVIDER_RETRY_BASE_MS: '5', TRUST_PROXY: '1',
      DEFAULT_PARTNER_SITE_URL: 'https://partner.example', PLATFORM_API_KEY: 'p'.repeat(40), STORAGE_URL: 's3://bucket/images',
      S3_ENDPOINT: 'http://127.0.0.1:4569', AWS_REGION: 'ap-south-1', AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 'secret',
      REDIS_URL: 'redis://127.0.0.1:6379', METRICS_TOKEN: 'm'.repeat(20), METRICS_PORT: '9500', WEBHOOK_ALLOWED_HOSTS: 'hooks.lan:8080',
      PROVIDER_ALLOWED_HOSTS: 'LLM.lan, models.internal:8080', STABILITY_API_KEY: 'sk-s', DATABASE_URL: 'mysql://u@h:3306/d', API_PROCESSES: '2',
    });
    expect(cfg.jobs).to.deep.equal({ leaseMs: 1500, sweepEvery: '1 second', retryDelaysMs: [50, 60, 70] });
    expect(cfg).to.include({
      providerRetryBaseMs: 5, trustProxy: 1, defaultPartnerSiteUrl: 'https://partner.example',
      redisUrl: 'redis://127.0.0.1:6379', metricsPort: 9500, apiProcesses: 2,
    });
    expect(cfg.storage).to.deep.include({ kind: 's3', bucket: 'bucket', prefix: 'images', endpoint: 'http://127.0.0.1:4569', region: 'ap-south-1', accessKeyId: 'AKIA', secretAccessKey: 'secret' });
    expect(cfg.providerAllowedHosts).to.deep.equal(['llm.lan', 'models.internal:8080']);
    expect(cfg.webhookAllowedHosts).to.deep.equal(['hooks.lan:8080']);
    expect(load({ TRUST_PROXY: 'false' }).trustProxy).to.equal(false);
    expect(load({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).to.equal('10.0.0.0/8, loopback');
  });

  for (const [name, env, re] of [
    ['a bad JOB_RETRY_DELAYS_MS', { JOB_RETRY_DELAYS_MS: '50,soon' }, /^JOB_RETRY_DELAYS_MS/],
    ['a bad JOB_SWEEP_EVERY', { JOB_SWEEP_EVERY: 'often' }, /^JOB_SWEEP_EVERY/],
    ['a tiny JOB_LEASE_MS', { JOB_LEASE_MS: '5' }, /^JOB_LEASE_MS/],
    ['a bad STORAGE_URL', { STORAGE_URL: 'ftp://x' }, /^STORAGE_URL/],
    ['half the AWS credentials', { STORAGE_URL: 's3://bucket/images', AWS_ACCESS_KEY_ID: 'AKIA' }, /^AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/],
    ['a REDIS_URL of another scheme', { REDIS_URL: 'http://r' }, /^REDIS_URL/],
    ['a short PLATFORM_API_KEY', { PLATFORM_API_KEY: 'short' }, /^PLATFORM_API_KEY/],
    ['a short CURSOR_KEY', { CURSOR_KEY: 'short' }, /^CURSOR_KEY must be at least 16/],
    ['a bad METRICS_PORT', { METRICS_PORT: '0' }, /^METRICS_PORT/],
    ['a bad host list', { WEBHOOK_ALLOWED_HOSTS: 'ok.lan, http://bad' }, /^WEBHOOK_ALLOWED_HOSTS/],
    ['an unknown LOG_LEVEL', { LOG_LEVEL: 'loud' }, /^LOG_LEVEL/],
    ['a DEFAULT_PARTNER_SITE_URL that is not a URL', { DEFAULT_PARTNER_SITE_URL: 'partner' }, /^DEFAULT_PARTNER_SITE_URL/],
    ['API_PROCESSES of 0', { API_PROCESSES: '0' }, /^API_PROCESSES/],
  ] as [string, NodeJS.ProcessEnv, RegExp][]) {
    it(`refuses ${name}`, () => {
      const problems = problemsOf(env);
      expect(problems.some((p) => re.test(p)), JSON.stringify(problems)).to.equal(true);
    });
  }
});
