import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from '../request-context.js';
import { logger } from '../logger.js';

/** Accepts a sane incoming X-Request-Id or makes one, echoes it, and runs the request inside its log context. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction) {
  const incoming = req.header('x-request-id');
  const requestId = incoming && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : crypto.randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  requestContext.run({ requestId }, () => {
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 };
      if (req.path === '/healthz' || req.path === '/readyz') logger().debug(line, 'request');
      else logger().info(line, 'request');
    });
    next();
  });
}

/** The widgets run on partner origins and authenticate with bearer tokens (no cookies), so any origin may call. */
export function corsMiddleware(req: Request, res: Response, next: NextFunction) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, X-Partner-Key, X-Device-Id, X-Request-Id, Accept-Language');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id, Idempotent-Replayed');
  res.setHeader('Access-Control-Max-Age', '600');
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
}
