import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration, registry } from './registry.js';
import { AppError, sendProblem } from '../errors.js';
import './jobs-gauges.js';
import { processCache } from '../util/process-cache.js';

/**
 * The route template Express matched ('/api/studio/generate/:jobId'), never the raw path, so one series per route
 * rather than one per id. Requests no route matched (404s, static files, the Swagger UI) share "unmatched".
 */
function routeOf(req: Request): string {
  const path = req.route?.path;
  if (path === undefined) return 'unmatched';
  return `${req.baseUrl}${Array.isArray(path) ? path.join('|') : String(path)}`;
}

/** Mounted first, so every request is timed, including those that fail in later middleware. */
export function httpMetrics(req: Request, res: Response, next: NextFunction) {
  const started = performance.now();
  res.once('finish', () => seriesOf(req.method, routeOf(req), res.statusCode).observe((performance.now() - started) / 1000));
  next();
}

/**
 * The histogram's series per (method, route, status), looked up once: prom-client's observe() otherwise builds and
 * validates a labels object and its hash on every request. The series are few (route templates, not paths); the
 * memo is bounded anyway, and a registry reset (tests) is harmless: a child observes through the histogram itself.
 */
const series = processCache<string, { observe(v: number): void }>();
function seriesOf(method: string, route: string, status: number) {
  const k = `${method} ${status} ${route}`;
  let s = series.get(k);
  if (!s) {
    if (series.size > 2000) series.clear();
    s = httpRequestDuration.labels({ method, route, status_code: String(status) });
    series.set(k, s);
  }
  return s;
}

const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
/** Constant-time comparison of the bearer token (hashing first makes the lengths equal). */
export function metricsAuthorized(header: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const m = /^Bearer (.+)$/.exec(header ?? '');
  return !!m && crypto.timingSafeEqual(digest(m[1]!), digest(token));
}

/** GET /metrics in the Prometheus text format; 401 unauthorized without the METRICS_TOKEN when one is set. */
export function metricsHandler(token: () => string | undefined) {
  return async (req: Request, res: Response) => {
    if (!metricsAuthorized(req.header('authorization'), token())) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      sendProblem(res, new AppError('unauthorized', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>.'));
      return;
    }
    res.setHeader('Content-Type', registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.end(await registry.metrics()); // end(), not send(): send() would reorder the content type's parameters
  };
}
