import pino, { type Logger } from 'pino';
import { requestContext } from './request-context.js';
import { initialLogLevel } from './config.js';

let base: Logger;

/** Secrets never reach a log line: these paths are censored wherever they appear. */
const REDACT = [
  'req.headers.authorization', 'headers.authorization', 'authorization', 'token', 'apiKey', 'secret', 'keySecret',
  'password', 'signature', '*.apiKey', '*.secret', '*.token', '*.authorization', '*.keySecret', '*.password', '*.value',
  // HTTP client errors (fetch wrappers, SDKs) carry the request they sent, credentials included.
  'headers.Authorization', '*.headers.authorization', '*.headers.Authorization', '*.headers["x-api-key"]', '*.headers.cookie',
  'err.config.headers.authorization', 'err.config.headers.Authorization', 'err.request.headers.authorization', 'err.request.headers.Authorization',
];

export function configureLogger(level: string, destination?: pino.DestinationStream) {
  base = pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      // pid: with API_PROCESSES>1 several processes write to one stdout.
      base: { service: 'community-ai-studio', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin() {
        const ctx = requestContext.getStore();
        return ctx ? { requestId: ctx.requestId, tenantId: ctx.tenantId, userId: ctx.userId, jobId: ctx.jobId } : {};
      },
    },
    destination,
  );
  return base;
}

export const logger = () => base;

configureLogger(initialLogLevel());
