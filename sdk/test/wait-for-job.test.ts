import { expect } from 'chai';
import nock from 'nock';
import { AbortError, JobFailedError, JobTimeoutError, type GetJobResponse } from '../src/index.js';
import { BASE, job, makeClient, useNock } from './helpers.js';

describe('sdk: studio.waitForJob', () => {
  useNock();

  it('polls until succeeded and reports each change of progress once', async () => {
    const { client, sleeps } = makeClient();
    const path = '/api/studio/generate/job-1';
    nock(BASE).get(path).reply(200, job());
    nock(BASE).get(path).reply(200, job({ status: 'running', progress: 40 }));
    nock(BASE).get(path).reply(200, job({ status: 'running', progress: 40 }));
    nock(BASE).get(path).reply(200, job({ status: 'succeeded', progress: 100, imageUrl: 'https://i/x.png', thumbnailUrl: 'https://i/t.png' }));
    const seen: Array<[string, number]> = [];
    const done = await client.studio.waitForJob('job-1', { intervalMs: 250, onProgress: (j) => seen.push([j.status, j.progress]) });
    expect(done.imageUrl).to.equal('https://i/x.png');
    expect(seen).to.deep.equal([['queued', 0], ['running', 40], ['succeeded', 100]]);
    expect(sleeps).to.deep.equal([250, 250, 250]);
  });

  it('throws JobFailedError carrying the job when it fails', async () => {
    const { client } = makeClient();
    nock(BASE).get('/api/studio/generate/job-1').reply(200, job({ status: 'failed', progress: 100, error: 'provider_unavailable', refunded: true }));
    const err = (await client.studio.waitForJob('job-1').catch((e: unknown) => e)) as JobFailedError;
    expect(err).to.be.instanceOf(JobFailedError);
    expect(err.code).to.equal('provider_unavailable');
    expect(err.job.refunded).to.equal(true);
  });

  it('resolves with a failed job when throwOnFailure is false', async () => {
    const { client } = makeClient();
    nock(BASE).get('/api/studio/generate/job-1').reply(200, job({ status: 'failed', error: 'content_policy_violation' }));
    const res = await client.studio.waitForJob('job-1', { throwOnFailure: false });
    expect(res.status).to.equal('failed');
  });

  it('gives up with JobTimeoutError', async () => {
    let now = 1_000_000;
    const realNow = Date.now;
    Date.now = () => now;
    try {
      const { client } = makeClient({
        sleep: async (ms) => {
          now += ms;
        },
      });
      nock(BASE).get('/api/studio/generate/job-1').times(3).reply(200, job({ status: 'running', progress: 10 }));
      const err = await client.studio.waitForJob('job-1', { intervalMs: 1000, timeoutMs: 2000 }).catch((e: unknown) => e);
      expect(err).to.be.instanceOf(JobTimeoutError).and.include({ code: 'job_timeout', jobId: 'job-1' });
    } finally {
      Date.now = realNow;
    }
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const { client } = makeClient({
      sleep: async () => {
        controller.abort();
      },
    });
    nock(BASE).get('/api/studio/generate/job-1').reply(200, job());
    const err = await client.studio.waitForJob('job-1', { signal: controller.signal }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(AbortError);
  });

  it('generateAndWait starts the job and waits for it', async () => {
    const { client } = makeClient();
    nock(BASE).post('/api/studio/generate').reply(202, { jobId: 'job-1', creditDebited: 2, imageId: 'img-1', status: 'queued' });
    nock(BASE).get('/api/studio/generate/job-1').reply(200, job({ status: 'succeeded', progress: 100 }));
    const progress: GetJobResponse[] = [];
    const done = await client.studio.generateAndWait({ prompt: 'a fox', tier: 'premium2' }, { onProgress: (j) => progress.push(j) });
    expect(done.status).to.equal('succeeded');
    expect(progress).to.have.length(1);
  });
});
