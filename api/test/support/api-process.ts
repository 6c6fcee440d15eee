/**
 * A real API process for multi-process tests: boots like `ROLE=api npx tsx api/src/main.ts` (same config, same
 * services) on an ephemeral port and prints `READY <port>` on stdout. Test-only; never reachable from the app.
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { configureLogger } from '../../src/logger.js';
import { bootServices, shutdownServices } from '../../src/boot.js';
import { buildApp } from '../../src/app.js';

const config = loadConfig();
configureLogger(config.logLevel);
await bootServices(config, { worker: false });
const server = buildApp().listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`);
});

const stop = async () => {
  server.close();
  await shutdownServices().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
