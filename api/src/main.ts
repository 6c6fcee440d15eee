import { loadConfig, ConfigError } from './config.js';
import { configureLogger, logger } from './logger.js';
import { bootServices, shutdownServices } from './boot.js';
import { buildApp } from './app.js';
import { mountExamples } from './http/examples.js';
import { startMetricsServer } from './metrics/server.js';

/** Starts the API, the job worker or both (ROLE), on SQLite by default. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  configureLogger(config.logLevel);
  await bootServices(config);
  const metricsServer = config.metricsPort === undefined ? undefined : await startMetricsServer({ port: config.metricsPort, host: config.host, token: config.metricsToken });
  let server: import('node:http').Server | undefined;
  if (config.role !== 'worker') {
    if (config.serveExamples) mountExamples();
    const app = buildApp();
    server = app.listen(config.port, config.host, () => {
      logger().info({ url: config.publicUrl, role: config.role, database: config.databaseUrl.split(':')[0] }, 'Community AI Studio is running');
      if (process.stdout.isTTY || process.env.npm_lifecycle_event === 'start') {
        const site = config.serveExamples ? `\n  Example partner site: ${config.publicUrl}/` : '';
        process.stderr.write(`\n  Community AI Studio API: ${config.publicUrl}/api  (docs: ${config.publicUrl}/docs)${site}\n  Token: npm run token -- --sub alice\n\n`);
      }
    });
  } else {
    logger().info({ role: config.role }, 'worker started');
  }
  const stop = async (signal: string) => {
    logger().info({ signal }, 'shutting down');
    server?.close();
    metricsServer?.close();
    await shutdownServices().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  logger().fatal({ err }, 'failed to start');
  console.error(err);
  process.exit(1);
});
