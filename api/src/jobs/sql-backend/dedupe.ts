import { createHash } from 'node:crypto';
import type { DebounceOptions } from 'agenda';
import type { JobRow } from './job-model.js';
import { canonicalJson } from '../../util/canonical-json.js';

/** At most one `type: 'single'` job per name (what agenda.every() relies on). */
export function singleKey(name: string): string {
  return `single:${name}`;
}

/**
 * One job per (name, unique query). The query is hashed in a canonical key order
 * so `{a, b}` and `{b, a}` are the same constraint; the hash covers the full name,
 * the readable prefix is only for people looking at the table.
 */
export function uniqueKey(name: string, unique: Record<string, unknown>): string {
  const digest = createHash('sha256').update(`${name}\u0000${canonicalJson(unique)}`).digest('hex');
  return `unique:${name.slice(0, 100)}:${digest}`;
}


export interface DebounceDecision {
  nextRunAt: Date | null;
  debounceStartedAt: Date | null;
}

/** First save of a debounced job (no row yet, or the previous one already ran). */
export function startDebounce(opts: DebounceOptions, proposed: Date | null, now: Date): DebounceDecision {
  if (opts.strategy === 'leading') return { nextRunAt: proposed ?? now, debounceStartedAt: now };
  return { nextRunAt: new Date(now.getTime() + opts.delay), debounceStartedAt: now };
}

/**
 * A later save for the same unique key. Trailing pushes the run back by `delay`
 * but never past debounceStartedAt + maxWait; once maxWait has passed it runs
 * now and the window closes. Leading keeps the pending run and ignores saves
 * that come within `delay` of the last run.
 */
export function continueDebounce(
  opts: DebounceOptions,
  existing: Pick<JobRow, 'nextRunAt' | 'lastRunAt' | 'debounceStartedAt'>,
  proposed: Date | null,
  now: Date,
): DebounceDecision {
  const pending = existing.nextRunAt != null;
  const t = now.getTime();
  if (opts.strategy === 'leading') {
    if (pending) return { nextRunAt: existing.nextRunAt, debounceStartedAt: existing.debounceStartedAt };
    const lastRun = existing.lastRunAt?.getTime();
    if (lastRun !== undefined && t - lastRun < opts.delay) {
      return { nextRunAt: null, debounceStartedAt: existing.debounceStartedAt };
    }
    return startDebounce(opts, proposed, now);
  }
  if (!pending) return startDebounce(opts, proposed, now);
  const startedAt = existing.debounceStartedAt?.getTime() ?? t;
  if (opts.maxWait !== undefined && t - startedAt >= opts.maxWait) {
    return { nextRunAt: now, debounceStartedAt: null };
  }
  let next = t + opts.delay;
  if (opts.maxWait !== undefined) next = Math.min(next, startedAt + opts.maxWait);
  return { nextRunAt: new Date(next), debounceStartedAt: new Date(startedAt) };
}
