import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from '../request-context.js';
import { accessLogger } from '../logger.js';

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
      if (req.path === '/healthz' || req.path === '/readyz') accessLogger().debug(line, 'request');
      else accessLogger().info(line, 'request');
    });
    next();
  });
}
