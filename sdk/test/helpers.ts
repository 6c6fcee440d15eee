import nock from 'nock';
import { StudioClient, type ClientOptions } from '../src/index.js';

export const BASE = 'http://studio.test';

/** A client whose backoff waits are recorded instead of slept. */
export function makeClient(options: Partial<ClientOptions> = {}): { client: StudioClient; sleeps: number[] } {
  const sleeps: number[] = [];
  const client = new StudioClient({
    baseUrl: BASE,
    token: 'tok-1',
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { client, sleeps };
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return {
    type: `https://errors.community-ai-studio.dev/${code}`,
    title: code.replace(/_/g, ' '),
    status,
    code,
    detail: `detail of ${code}`,
    requestId: `req-${code}`,
    ...extra,
  };
}

export const problemHeaders = { 'Content-Type': 'application/problem+json' };

export function useNock(): void {
  before(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    if (pending.length) throw new Error(`Unused mocks: ${pending.join(', ')}`);
  });
  after(() => nock.enableNetConnect());
}

export const job = (over: Record<string, unknown> = {}) => ({
  jobId: 'job-1',
  status: 'queued',
  progress: 0,
  imageId: 'img-1',
  creditDebited: 1,
  refunded: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  ...over,
});
