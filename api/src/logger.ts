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

let access: Logger;

const mixin = () => {
  const ctx = requestContext.getStore();
  return ctx ? { requestId: ctx.requestId, tenantId: ctx.tenantId, userId: ctx.userId, jobId: ctx.jobId } : {};
};

export function configureLogger(level: string, destination?: pino.DestinationStream) {
  const common = {
    level,
    // pid: with API_PROCESSES>1 several processes write to one stdout.
    base: { service: 'community-ai-studio', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin,
  };
  base = pino({ ...common, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
  // The access line (method, path, status, ms and the request's ids) holds nothing to redact: the same logger
  // without the redaction pass, which was most of its cost on every request. Same level, same destination.
  access = pino(common, destination ?? pino.destination(1));
  return base;
}

export const logger = () => base;
/** One line per request (http/request-id.ts); never give it anything but those fields. */
export const accessLogger = () => access;

configureLogger(initialLogLevel());
