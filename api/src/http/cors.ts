import type { NextFunction, Request, Response } from 'express';
import { AppError, sendProblem } from '../errors.js';
import { originAllowedByAnyPartner } from '../tenants/origins.js';

const EXPOSE_HEADERS = 'Retry-After, X-Request-Id, Idempotent-Replayed';
const ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, X-Partner-Key, X-Device-Id, X-Request-Id, Accept-Language';

/**
 * CORS per partner. The widgets run on partner origins and authenticate with bearer tokens (no cookies).
 * A preflight does not say which partner it is for, so it may go ahead when any active partner lists the origin
 * (tenants/origins.ts); the actual request is then checked against its own partner's list when the partner is known
 * (auth: 403 origin_not_allowed). The platform API is for the operator's servers: no CORS at all.
 */
export async function corsMiddleware(req: Request, res: Response, next: NextFunction) {
  const platform = req.path.startsWith('/api/platform/') || req.path === '/api/platform';
  const origin = req.header('origin');
  if (req.method !== 'OPTIONS') {
    if (!platform) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    next();
    return;
  }
  try {
    if (origin && (platform || !(await originAllowedByAnyPartner(origin)))) {
      sendProblem(res, new AppError('origin_not_allowed', 'No active partner allows this origin.'));
      return;
    }
  } catch (err) {
    next(err);
    return;
  }
  // The origin was checked above; '*' says the same without a Vary (no cookies are ever involved).
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('Access-Control-Max-Age', '600');
  res.status(204).end();
}
