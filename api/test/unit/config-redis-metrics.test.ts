import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig, ConfigError } from '../../src/config.js';

/** REDIS_URL, REDIS_KEY_PREFIX, METRICS_TOKEN and METRICS_PORT: parsed once, every problem listed together. */
describe('config: Redis and metrics', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ais-config-')); });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('are off by default: limits in memory, /metrics open, no metrics listener', () => {
    const c = loadConfig({ DATA_DIR: dataDir });
    expect(c.redisUrl).to.equal(undefined);
    expect(c.redisKeyPrefix).to.equal('ais:');
    expect(c.metricsToken).to.equal(undefined);
    expect(c.metricsPort).to.equal(undefined);
  });

  it('takes a Redis URL, a key prefix, a metrics token and port', () => {
    const c = loadConfig({ DATA_DIR: dataDir, REDIS_URL: 'rediss://user:pw@cache.internal:6380/2', REDIS_KEY_PREFIX: 'studio-eu:',
      METRICS_TOKEN: 't'.repeat(32), METRICS_PORT: '9464' });
    expect(c).to.include({ redisUrl: 'rediss://user:pw@cache.internal:6380/2', redisKeyPrefix: 'studio-eu:', metricsToken: 't'.repeat(32), metricsPort: 9464 });
  });

  it('lists a bad Redis URL, a short token and a bad port together', () => {
    let problems: string[] = [];
    try {
      loadConfig({ DATA_DIR: dataDir, REDIS_URL: 'localhost:6379', METRICS_TOKEN: 'short', METRICS_PORT: '70000' });
    } catch (err) {
      expect(err).to.be.instanceOf(ConfigError);
      problems = (err as ConfigError).problems;
    }
    expect(problems.some((p) => p.startsWith('REDIS_URL'))).to.equal(true);
    expect(problems.some((p) => p.startsWith('METRICS_TOKEN'))).to.equal(true);
    expect(problems.some((p) => p.startsWith('METRICS_PORT'))).to.equal(true);
  });
});
