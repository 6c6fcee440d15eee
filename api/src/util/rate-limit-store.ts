import { Redis } from 'ioredis';
import { logger } from '../logger.js';
import { onResetForTests } from './process-cache.js';

/**
 * The shared rate-limit store: one ioredis connection per process when REDIS_URL is set. Commands never queue
 * while Redis is away (enableOfflineQueue: false) and time out after a second, so a Redis outage answers at
 * once (open or closed, see rate-limits.ts) instead of holding requests; ioredis keeps reconnecting meanwhile.
 */
let client: Redis | undefined;
let keyPrefix = 'ais:';
let reachable = false;
// Boot connects and shutdown closes it; a test process that skipped a shutdown must not keep a stale client.
onResetForTests(() => { client?.disconnect(); client = undefined; keyPrefix = 'ais:'; reachable = false; });

export async function connectRateLimitStore(opts: { redisUrl?: string; keyPrefix: string }): Promise<void> {
  await closeRateLimitStore();
  keyPrefix = opts.keyPrefix;
  if (!opts.redisUrl) return;
  const c = new Redis(opts.redisUrl, {
    enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000, connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  client = c;
  c.on('ready', () => {
    if (!reachable) logger().info('rate-limit store (Redis) connected');
    reachable = true;
  });
  c.on('close', () => {
    if (reachable) logger().warn('rate-limit store (Redis) unreachable: spending limits refuse, the others count per process');
    reachable = false;
  });
  // ioredis emits an error per failed reconnect; the transitions above are what an operator needs.
  c.on('error', () => undefined);
  // Boot waits briefly for the first connection so the first requests do not fail closed for nothing.
  await new Promise<void>((resolve) => {
    const done = () => { clearTimeout(timer); c.off('ready', done); c.off('end', done); c.off('error', done); resolve(); };
    const timer = setTimeout(done, 2000);
    c.once('ready', done);
    c.once('end', done);
    c.once('error', done); // refused or unresolvable: unreachable now, no need to wait out the timer
  });
  if (!reachable) logger().warn('rate-limit store (Redis) unreachable at boot: spending limits refuse, the others count per process');
}

export function rateLimitRedis(): { client: Redis; keyPrefix: string } | undefined {
  return client ? { client, keyPrefix } : undefined;
}

/** What /readyz reports. The process stays ready while Redis is down: reads go on, spending is refused. */
export function rateLimitStoreStatus() {
  if (!client) return { store: 'memory' as const, ok: true };
  return reachable
    ? { store: 'redis' as const, ok: true }
    : { store: 'redis' as const, ok: false, detail: 'Redis is unreachable: limits on spending answer 503 not_ready; the others are counted per process.' };
}

export async function closeRateLimitStore(): Promise<void> {
  const c = client;
  client = undefined;
  reachable = false;
  c?.disconnect();
}
