import { jobDuration } from './registry.js';

/**
 * Times one job run. A handler that answers a string (processGeneration's 'succeeded' | 'failed' | 'retry' |
 * 'skipped') names its own outcome; otherwise a return is 'succeeded' and a throw 'error' (rethrown).
 */
export async function timeJob<T>(name: string, run: () => Promise<T>): Promise<T> {
  const end = jobDuration.startTimer({ name });
  try {
    const result = await run();
    end({ outcome: typeof result === 'string' ? result : 'succeeded' });
    return result;
  } catch (err) {
    end({ outcome: 'error' });
    throw err;
  }
}
