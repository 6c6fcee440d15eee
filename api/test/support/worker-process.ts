/**
 * A real job worker for crash tests: boots like `ROLE=worker npx tsx api/src/main.ts` (same config, same
 * services), but draws images with the local renderer slowed down by TEST_SLOW_PROVIDER_MS, so a test can
 * kill it while a job is running. Prints READY on stdout once its queue is started.
 * Test-only: this wiring lives under api/test and is never reachable from the app.
 */
import { loadConfig } from '../../src/config.js';
import { configureLogger, logger } from '../../src/logger.js';
import { bootServices, shutdownServices } from '../../src/boot.js';
import { services } from '../../src/context.js';
import { LocalImageProvider, type ImageProvider } from '../../src/providers/images/index.js';

const slowMs = Number(process.env.TEST_SLOW_PROVIDER_MS || 0);
const local = new LocalImageProvider();
const slow: ImageProvider = {
  name: 'local',
  async generate(req, opts) {
    const steps = 10;
    for (let i = 1; i <= steps; i++) {
      await new Promise((r) => setTimeout(r, slowMs / steps));
      opts?.onProgress?.((i / steps) * 100);
    }
    return local.generate(req, opts);
  },
};

const config = loadConfig();
configureLogger(config.logLevel);
await bootServices(config, { worker: true, workerName: process.env.WORKER_NAME || `crash-worker-${process.pid}` });
services().providers.replaceImageProviderForTests(async () => slow);
logger().info({ slowMs }, 'test worker ready');
process.stdout.write('READY\n');

const stop = async () => {
  await shutdownServices().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
