import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.js';

/**
 * No text of this API may contain a NUL character. SQLite ends a statement at a NUL (Sequelize inlines string
 * literals there), so one in an id, a query value or a JSON field was a 500; it is refused up front as bad input.
 */
export function rejectNulMiddleware(req: Request, _res: Response, next: NextFunction) {
  const url = req.originalUrl;
  const at = url.search(/%00/i);
  const query = url.indexOf('?');
  const field = at >= 0 ? (query >= 0 && at > query ? 'query' : 'path') : bodyHasNul(req.body) ? 'body' : undefined;
  if (!field) { next(); return; }
  next(new AppError('validation_error', `${field}: must not contain NUL characters.`, { errors: [{ field, message: 'must not contain NUL characters' }] }));
}

/** Walks the parsed JSON without recursion (a 256 kB body may nest thousands of levels). */
function bodyHasNul(body: unknown): boolean {
  const stack: unknown[] = [body];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) return true;
        stack.push(x);
      }
    }
  }
  return false;
}
