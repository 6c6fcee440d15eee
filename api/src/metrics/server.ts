import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { registry } from './registry.js';
import { metricsAuthorized } from './http.js';
import { logger } from '../logger.js';

/**
 * A separate /metrics listener on METRICS_PORT: a worker (ROLE=worker) has no other HTTP port, and an API
 * process may use it to keep metrics off the public port. Only GET /metrics (and /healthz for probes). The cluster
 * primary passes `source` to answer with every child's metrics merged (cluster.ts).
 */
export async function startMetricsServer(opts: { port: number; host: string; token?: string; source?: { metrics: () => Promise<string>; contentType: string } }): Promise<http.Server> {
  const source = opts.source ?? registry;
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    const problem = (status: number, code: string, title: string) => {
      res.writeHead(status, { 'Content-Type': 'application/problem+json' });
      res.end(JSON.stringify({ type: `https://docs.community-ai-studio.dev/errors/${code}`, title, status, code, detail: title }));
    };
    if (req.method === 'GET' && url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status":"ok"}');
      return;
    }
    if (req.method !== 'GET' || url !== '/metrics') return problem(404, 'not_found', 'Only GET /metrics is served here.');
    if (!metricsAuthorized(req.headers.authorization, opts.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return problem(401, 'unauthorized', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>.');
    }
    source.metrics().then((text) => {
      res.writeHead(200, { 'Content-Type': source.contentType, 'Cache-Control': 'no-store' });
      res.end(text);
    }, (err: unknown) => {
      logger().error({ err }, 'metrics scrape failed');
      problem(500, 'internal_error', 'The metrics could not be collected.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  logger().info({ port: (server.address() as AddressInfo).port }, 'metrics listener started');
  return server;
}
