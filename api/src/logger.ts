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

/**
 * Access lines on their way to stdout, written in batches: every line a turn of the event loop produced goes out in
 * one write at the end of that turn (setImmediate), instead of one write system call per request. A chunk holds whole
 * lines only and stays under `maxChunk` characters (below PIPE_BUF, 4096 bytes, for ASCII lines), so processes sharing
 * one stdout pipe (API_PROCESSES>1) never interleave inside a line. Nothing waits on a timer: a line is written at the
 * latest when the turn that logged it ends; `flush()` writes what is pending at once, and the process's exit does too.
 */
export class LineBatcher {
  private parts: string[] = [];
  private size = 0;
  private scheduled = false;
  constructor(private readonly out: (chunk: string) => void, private readonly maxChunk = 3500) {}
  write(line: string): boolean {
    if (this.size > 0 && this.size + line.length > this.maxChunk) this.flush();
    this.parts.push(line);
    this.size += line.length;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flushSoon);
    }
    return true;
  }
  private readonly flushSoon = () => {
    this.scheduled = false;
    this.flush();
  };
  flush(): void {
    if (!this.parts.length) return;
    const chunk = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.out(chunk);
  }
}

let stdoutBatch: LineBatcher | undefined;
/** Writes the access lines still pending (shutdown; the process's exit does it too). */
export function flushAccessLog() { stdoutBatch?.flush(); }
let exitHook = false;

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
  // Given a destination (tests, tools), lines go there as they come; to stdout they go in batches (LineBatcher), through
  // the same synchronous stdout writer pino uses by default.
  if (!destination) {
    stdoutBatch?.flush();
    const out = pino.destination({ dest: 1, sync: true });
    stdoutBatch = new LineBatcher((chunk) => { out.write(chunk); });
    if (!exitHook) {
      exitHook = true;
      process.on('exit', flushAccessLog);
    }
  }
  access = pino(common, destination ?? stdoutBatch!);
  return base;
}

export const logger = () => base;
/** One line per request (http/request-id.ts); never give it anything but those fields. */
export const accessLogger = () => access;

configureLogger(initialLogLevel());
