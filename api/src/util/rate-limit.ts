import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';
import { processCache } from './process-cache.js';

/**
 * Per-user rate limits (fixed windows, in memory per process; limits are per partner and change at runtime,
 * so one limiter exists per (action, points, window)). rate-limiter-flexible also offers MySQL/Redis stores
 * for a shared budget across API processes; see docs/decisions.md.
 */
const limiters = processCache<string, RateLimiterMemory>();
function limiter(action: string, points: number, windowSeconds: number) {
  const k = `${action}:${points}:${windowSeconds}`;
  let l = limiters.get(k);
  if (!l) {
    l = new RateLimiterMemory({ keyPrefix: k, points, duration: windowSeconds });
    limiters.set(k, l);
  }
  return l;
}

const limited = (action: string, res: RateLimiterRes) =>
  new AppError('rate_limited', `Too many ${action} requests; try again in ${Math.ceil(res.msBeforeNext / 1000)} s.`, { retryAfter: Math.ceil(res.msBeforeNext / 1000) });

/** Consumes one point or throws 429 rate_limited with Retry-After. */
export async function consume(action: string, key: string, points: number, windowSeconds: number) {
  if (points <= 0) return;
  try {
    await limiter(action, points, windowSeconds).consume(key, 1);
  } catch (res) {
    if (res instanceof RateLimiterRes) throw limited(action, res);
    throw res;
  }
}

/** Gives back a point taken by consume() when the action it paid for did not happen (refused, replayed). */
export async function giveBack(action: string, key: string, points: number, windowSeconds: number) {
  if (points <= 0) return;
  await limiter(action, points, windowSeconds).reward(key, 1);
}

/** Throws 429 when the budget is already spent, without spending; pair with consume() after success. */
export async function check(action: string, key: string, points: number, windowSeconds: number) {
  if (points <= 0) return;
  const res = await limiter(action, points, windowSeconds).get(key);
  if (res && res.consumedPoints >= points) throw limited(action, res);
}

export async function spend(action: string, key: string, points: number, windowSeconds: number) {
  if (points <= 0) return;
  await limiter(action, points, windowSeconds).penalty(key, 1);
}

export function resetRateLimits() { limiters.clear(); }
