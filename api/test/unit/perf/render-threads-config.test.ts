import os from 'node:os';
import { expect } from 'chai';
import { loadConfig, ConfigError } from '../../../src/config.js';

describe('RENDER_THREADS (config)', () => {
  it('defaults to the cores less one, at least one, and takes 0 to draw on the main thread', () => {
    const cores = os.availableParallelism?.() ?? os.cpus().length;
    expect(loadConfig({ NODE_ENV: 'test' }).renderThreads).to.equal(Math.max(1, cores - 1));
    expect(loadConfig({ NODE_ENV: 'test', RENDER_THREADS: '0' }).renderThreads).to.equal(0);
    expect(loadConfig({ NODE_ENV: 'test', RENDER_THREADS: '3' }).renderThreads).to.equal(3);
  });

  it('refuses what is not an integer between 0 and 64', () => {
    for (const bad of ['-1', '65', 'two', '1.5']) {
      expect(() => loadConfig({ NODE_ENV: 'test', RENDER_THREADS: bad }), bad).to.throw(ConfigError, /RENDER_THREADS must be an integer between 0 and 64/);
    }
  });
});
