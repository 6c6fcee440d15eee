import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration, registry } from './registry.js';
import { AppError, sendProblem } from '../errors.js';
import './jobs-gauges.js';

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
  const end = httpRequestDuration.startTimer();
  res.once('finish', () => end({ method: req.method, route: routeOf(req), status_code: String(res.statusCode) }));
  next();
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
