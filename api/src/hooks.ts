import { logger } from './logger.js';
import type { User } from './models/index.js';

/**
 * Domain events other modules react to (referrals on signup and first generation, analytics, notifications).
 * Listeners run after the emitting transaction committed; a failing listener is logged, never fails the caller.
 */
export interface HookEvents {
  userSignedUp: { user: User; claims: Record<string, unknown>; ip?: string; deviceId?: string };
  generationSucceeded: { tenantId: string; userId: string; jobId: string; imageId: string; first: boolean };
  generationFailed: { tenantId: string; userId: string; jobId: string; imageId: string; errorCode: string };
  purchaseCompleted: { tenantId: string; userId: string; orderId: string; creditsMilli: number; amountPaise: number; first: boolean };
}
type Listener<K extends keyof HookEvents> = (e: HookEvents[K]) => Promise<void> | void;
const listeners: { [K in keyof HookEvents]?: Listener<K>[] } = {};

export function on<K extends keyof HookEvents>(name: K, fn: Listener<K>) {
  const list = (listeners[name] ??= []) as Listener<K>[];
  list.push(fn);
}

/** Removes a listener (a module re-initialised in the same process registers its listeners again). */
export function off<K extends keyof HookEvents>(name: K, fn: Listener<K>) {
  const list = listeners[name] as Listener<K>[] | undefined;
  const i = list?.indexOf(fn) ?? -1;
  if (i >= 0) list!.splice(i, 1);
}

export async function emit<K extends keyof HookEvents>(name: K, event: HookEvents[K]) {
  for (const fn of (listeners[name] ?? []) as Listener<K>[]) {
    try {
      await fn(event);
    } catch (err) {
      logger().error({ err, hook: name }, 'hook listener failed');
    }
  }
}

export function clearHooks() {
  for (const k of Object.keys(listeners)) delete listeners[k as keyof HookEvents];
}
