import cluster from 'node:cluster';
import { loadConfig, ConfigError, type AppConfig } from './config.js';
import { configureLogger, logger } from './logger.js';
import { bootServices, shutdownServices } from './boot.js';
import { buildApp } from './app.js';
import { mountBundles, mountExamples } from './http/examples.js';
import { httpProcesses, runPrimary } from './cluster.js';
import { startMetricsServer } from './metrics/server.js';
import { answerClusterScrapes } from './metrics/cluster.js';

/** Starts the API, the job worker or both (ROLE), on SQLite by default; API_PROCESSES>1 forks (cluster.ts). */
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
  for (const warning of config.warnings) logger().warn({ warning }, 'configuration warning');
  if (cluster.isPrimary) {
    const n = httpProcesses(config);
    if (n > 1) return runPrimary(config, n);
  }
  return runProcess(config);
}

async function runProcess(config: AppConfig) {
  await bootServices(config);
  // A cluster child leaves METRICS_PORT to the primary, which answers it with every child's metrics merged.
  if (cluster.isWorker) answerClusterScrapes();
  const metricsServer = config.metricsPort === undefined || cluster.isWorker ? undefined
    : await startMetricsServer({ port: config.metricsPort, host: config.host, token: config.metricsToken });
  let server: import('node:http').Server | undefined;
  if (config.role !== 'worker') {
    if (config.serveExamples) mountExamples();
    else mountBundles();
    const app = buildApp();
    server = app.listen(config.port, config.host, () => {
      logger().info({ url: config.publicUrl, role: config.role, database: config.databaseUrl.split(':')[0] }, 'Community AI Studio is running');
      if (cluster.isPrimary && (process.stdout.isTTY || config.startedByNpm)) {
        const site = config.serveExamples ? `\n  Example partner site: ${config.publicUrl}/` : '';
        process.stderr.write(`\n  Community AI Studio API: ${config.publicUrl}/api  (docs: ${config.publicUrl}/docs)${site}\n  Token: npm run token -- --sub alice\n\n`);
      }
    });
  } else {
    logger().info({ role: config.role }, 'worker started');
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger().info({ signal }, 'shutting down');
    // Stop accepting connections and let in-flight requests finish (bounded), then stop the job worker and the pool.
    if (server) await new Promise<void>((resolve) => { server!.close(() => resolve()); setTimeout(resolve, 10_000).unref(); });
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
