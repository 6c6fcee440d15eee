import crypto from 'node:crypto';
import { Redis } from 'ioredis';

/** The machine's Redis for the shared-limit tests, each run under its own key prefix, removed afterwards. */
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';
export const uniquePrefix = () => `ais-test-${crypto.randomBytes(5).toString('hex')}:`;

export async function deleteKeys(prefix: string): Promise<number> {
  const r = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) deleted += await r.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
  return deleted;
}

/** A port nothing listens on (bound then released), for "Redis is down". */
export async function closedPort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as import('node:net').AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
