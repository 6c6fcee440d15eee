import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig, ConfigError } from '../../src/config.js';

/** loadConfig fails fast and lists every problem at once, so an operator fixes them in one go. */
describe('config: loadConfig', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-config-')); });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const secrets = { AUTH_JWT_SECRET: 'j'.repeat(32), PAYMENTS_SANDBOX_SECRET: 'p'.repeat(32), MASTER_KEY: 'm'.repeat(32) };
  const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadConfig(env);
    } catch (err) {
      expect(err).to.be.instanceOf(ConfigError);
      return (err as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  };

  it('runs with nothing set: SQLite under DATA_DIR, role all, port 3000, secrets generated once and kept', () => {
    const a = loadConfig({ DATA_DIR: dataDir });
    expect(a).to.include({ port: 3000, role: 'all', env: 'development', imageProvider: 'local', enhancer: 'rules', serveExamples: true });
    expect(a.databaseUrl).to.equal(`sqlite:${path.join(dataDir, 'studio.sqlite')}`);
    expect(a.authJwtSecret.length).to.be.at.least(32);
    expect(fs.statSync(path.join(dataDir, 'jwt-secret')).mode & 0o077).to.equal(0);
    const b = loadConfig({ DATA_DIR: dataDir });
    expect(b.authJwtSecret).to.equal(a.authJwtSecret);
    expect(b.paymentsSandboxSecret).to.equal(a.paymentsSandboxSecret);
    expect(b.masterKey.equals(a.masterKey)).to.equal(true);
    expect(a.authJwtSecret).to.not.equal(a.paymentsSandboxSecret);
  });

  it('job claims: batches of 10 and Redis wake-ups by default, JOB_CLAIM_BATCH and JOB_WAKE=false change them', () => {
    expect(loadConfig({ DATA_DIR: dataDir })).to.include({ jobClaimBatch: 10, jobWake: true });
    expect(loadConfig({ DATA_DIR: dataDir, JOB_CLAIM_BATCH: '25', JOB_WAKE: 'false' })).to.include({ jobClaimBatch: 25, jobWake: false });
  });

  it('lists every problem of a bad environment in one error', () => {
    const problems = problemsOf({
      NODE_ENV: 'production', DATA_DIR: dataDir, PORT: 'eighty', ROLE: 'boss', DATABASE_URL: 'postgres://db/studio',
      RAZORPAY_KEY_ID: 'rzp_test_1', WORKER_CONCURRENCY: '0', PUBLIC_URL: 'not a url', IMAGE_PROVIDER: 'midjourney',
    });
    const expected = [/^PORT/, /^ROLE/, /^DATABASE_URL/, /RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET/, /^AUTH_JWT_SECRET is required/,
      /^MASTER_KEY is required/, /^CURSOR_KEY is required/, /^METRICS_TOKEN is required/, /^WORKER_CONCURRENCY/, /^PUBLIC_URL/, /^IMAGE_PROVIDER/];
    for (const re of expected) expect(problems.some((p) => re.test(p)), `${re} in ${JSON.stringify(problems)}`).to.equal(true);
    expect(problems).to.have.length(expected.length);
    try { loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: 'eighty' }); } catch (err) {
      expect((err as Error).message).to.match(/^Invalid configuration:\n - /);
    }
  });

  it('production never generates secrets into DATA_DIR', () => {
    problemsOf({ NODE_ENV: 'production', DATA_DIR: dataDir });
    expect(fs.readdirSync(dataDir)).to.deep.equal([]);
    const cfg = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, ...secrets, DATABASE_URL: 'mysql://studio:pw@db:3306/studio', PAYMENTS_GATEWAY: 'sandbox', METRICS_TOKEN: 't'.repeat(32) });
    expect(cfg).to.include({ env: 'production', serveExamples: false, logLevel: 'info' });
    expect(fs.readdirSync(dataDir)).to.deep.equal([]);
  });

  for (const [name, env, re] of [
    ['PORT above 65535', { PORT: '70000' }, /^PORT/],
    ['negative PORT', { PORT: '-1' }, /^PORT/],
    ['fractional PORT', { PORT: '80.5' }, /^PORT/],
    ['unknown ROLE', { ROLE: 'api,worker' }, /^ROLE/],
    ['unknown NODE_ENV', { NODE_ENV: 'staging' }, /^NODE_ENV/],
    ['DATABASE_URL of another database', { DATABASE_URL: 'postgres://u@h/db' }, /^DATABASE_URL/],
    ['DATABASE_URL without a database name', { DATABASE_URL: 'mysql://root@db:3306' }, /^DATABASE_URL/],
    ['DATABASE_URL without a host', { DATABASE_URL: 'mysql:///studio' }, /^DATABASE_URL/],
    ['DATABASE_URL that is not a URL', { DATABASE_URL: 'mysql://root@db:port/x' }, /^DATABASE_URL/],
    ['half a Razorpay configuration', { RAZORPAY_KEY_ID: 'a', RAZORPAY_KEY_SECRET: 'b' }, /^RAZORPAY/],
    ['a short secret', { AUTH_JWT_SECRET: 'short' }, /^AUTH_JWT_SECRET must be at least 16/],
    ['IMAGE_PROVIDER=openai without a key', { IMAGE_PROVIDER: 'openai' }, /OPENAI_API_KEY/],
    ['unknown PROMPT_ENHANCER', { PROMPT_ENHANCER: 'gpt' }, /^PROMPT_ENHANCER/],
    ['JOB_POLL_MS of 1', { JOB_POLL_MS: '1' }, /^JOB_POLL_MS/],
    ['JOB_CLAIM_BATCH of 0', { JOB_CLAIM_BATCH: '0' }, /^JOB_CLAIM_BATCH/],
    ['JOB_CLAIM_BATCH of 101', { JOB_CLAIM_BATCH: '101' }, /^JOB_CLAIM_BATCH/],
  ] as [string, NodeJS.ProcessEnv, RegExp][]) {
    it(`refuses ${name}`, () => {
      const problems = problemsOf({ DATA_DIR: dataDir, ...secrets, ...env });
      expect(problems.some((p) => re.test(p)), JSON.stringify(problems)).to.equal(true);
    });
  }

  it('accepts MySQL and MariaDB URLs, roles, a full Razorpay configuration and OpenAI', () => {
    for (const url of ['mysql://studio:p%40ss@db:3306/studio', 'mariadb://root@127.0.0.1/studio', 'sqlite:/tmp/x.sqlite', 'sqlite::memory:']) {
      expect(loadConfig({ DATA_DIR: dataDir, ...secrets, DATABASE_URL: url }).databaseUrl).to.equal(url);
    }
    for (const role of ['all', 'api', 'worker'] as const) expect(loadConfig({ DATA_DIR: dataDir, ...secrets, ROLE: role }).role).to.equal(role);
    const cfg = loadConfig({ DATA_DIR: dataDir, ...secrets, RAZORPAY_KEY_ID: 'rzp', RAZORPAY_KEY_SECRET: 'k', RAZORPAY_WEBHOOK_SECRET: 'w', OPENAI_API_KEY: 'sk-x' });
    expect(cfg.razorpay).to.include({ keyId: 'rzp', keySecret: 'k', webhookSecret: 'w', baseUrl: 'https://api.razorpay.com' });
    expect(cfg).to.include({ imageProvider: 'openai', enhancer: 'openai' });
    expect(loadConfig({ DATA_DIR: dataDir, ...secrets, PORT: '0' }).port).to.equal(0);
  });
});
