import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';
import { processCache, onResetForTests } from './process-cache.js';
import { logger } from '../logger.js';
import { rateLimited, rateLimitStoreErrors } from '../metrics/registry.js';
import { rateLimitRedis } from './rate-limit-store.js';
import { storeDownPolicy } from './rate-limits.js';

/**
 * Per-user (or per-IP) rate limits in fixed windows. With REDIS_URL every process counts in Redis, so N API
 * processes share one budget; without it, in memory per process. Limits are per partner and change at runtime,
 * so one limiter exists per (action, points, window): a changed budget starts a fresh window.
 * When Redis cannot answer, the limit's policy (rate-limits.ts) decides: open limits count in this process's
 * memory meanwhile, closed ones refuse with 503 not_ready.
 */
const limiters = processCache<string, RateLimiterAbstract>();
const memory = processCache<string, RateLimiterMemory>();
let boundTo: unknown;
onResetForTests(() => { boundTo = undefined; });

function memoryLimiter(k: string, points: number, duration: number) {
  let l = memory.get(k);
  if (!l) {
    l = new RateLimiterMemory({ keyPrefix: k, points, duration });
    memory.set(k, l);
  }
  return l;
}

function limiter(action: string, points: number, duration: number): RateLimiterAbstract {
  const k = `${action}:${points}:${duration}`;
  const redis = rateLimitRedis();
  if (!redis) return memoryLimiter(k, points, duration);
  if (boundTo !== redis.client) {
    limiters.clear(); // a new connection (a test's reboot): limiters hold their client
    boundTo = redis.client;
  }
  let l = limiters.get(k);
  if (!l) {
    l = new RateLimiterRedis({ storeClient: redis.client, keyPrefix: `${redis.keyPrefix}rl:${k}`, points, duration, rejectIfRedisNotReady: true });
    limiters.set(k, l);
  }
  return l;
}

const limited = (action: string, res: RateLimiterRes) => {
  rateLimited.inc({ limit: action });
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new AppError('rate_limited', `Too many ${action} requests; try again in ${seconds} s.`, { retryAfter: seconds });
};

let lastStoreWarning = 0;
/** Redis did not answer: fail open (count in memory) or closed (503), and say so in the metrics and, at most every 10 s, the log. */
function storeDown(action: string, err: unknown): 'open' {
  const policy = storeDownPolicy(action);
  rateLimitStoreErrors.inc({ limit: action, policy });
  if (Date.now() - lastStoreWarning > 10_000) {
    lastStoreWarning = Date.now();
    logger().warn({ action, policy, err: { message: (err as Error)?.message } }, 'rate-limit store unavailable');
  }
  if (policy === 'closed') {
    throw new AppError('not_ready', 'The rate-limit store is unavailable, so this action is paused; try again shortly.', { retryAfter: 5 });
  }
  return policy;
}

/** Consumes one point or throws 429 rate_limited with Retry-After. */
export async function consume(action: string, key: string, points: number, windowSeconds: number) {
  if (points <= 0) return;
  try {
    await limiter(action, points, windowSeconds).consume(key, 1);
  } catch (res) {
    if (res instanceof RateLimiterRes) throw limited(action, res);
    storeDown(action, res);
    try {
      await memoryLimiter(`${action}:${points}:${windowSeconds}`, points, windowSeconds).consume(key, 1);
    } catch (r) {
      if (r instanceof RateLimiterRes) throw limited(action, r);
      throw r;
    }
  }
}

/** Gives back a point taken by consume() when the action it paid for did not happen (refused, replayed). */
export async function giveBack(action: string, key: string, points: number, windowSeconds: number) {
  if (points <= 0) return;
  // A point Redis cannot take back stays spent until the window ends: the caller already has its answer.
  await limiter(action, points, windowSeconds).reward(key, 1).catch((err: unknown) => {
    if (err instanceof RateLimiterRes) return;
    logger().warn({ action, err: { message: (err as Error)?.message } }, 'rate-limit point could not be given back');
  });
}

/** Throws 429 when the budget is already spent, without spending; pair with spend() after success. */
export async function check(action: string, key: string, points: number, windowSeconds: number) {
  if (points <= 0) return;
  let res: RateLimiterRes | null;
  try {
    res = await limiter(action, points, windowSeconds).get(key);
  } catch (err) {
    storeDown(action, err);
    res = await memoryLimiter(`${action}:${points}:${windowSeconds}`, points, windowSeconds).get(key);
  }
  if (res && res.consumedPoints >= points) throw limited(action, res);
}

export async function spend(action: string, key: string, points: number, windowSeconds: number) {
  if (points <= 0) return;
  await limiter(action, points, windowSeconds).penalty(key, 1).catch(() => undefined);
}

/** Forgets the limiters (a test's fresh start; the next call binds to the current store). */
export function resetRateLimits() {
  limiters.clear();
  memory.clear();
}
